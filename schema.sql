-- phonebatch: the SQLite file of one job (schema version 6).
--
-- One file per job. It is both the job's queue and its audit trail: the process keeps
-- nothing that is not also here, so a process killed at any instruction resumes from it.
-- Every state change is one transaction; the event table is append-only.
--
-- Numbers are keyed by their E.164 digits as an integer ('+' || e164 is the number), so
-- deduplicating a million numbers costs an integer primary-key lookup, not a text index.
-- Times are UTC, ISO 8601 with milliseconds ('2026-11-22T07:30:00.000Z').

-- The job: what was asked, on which input, and how far it has come. Exactly one row.
CREATE TABLE job (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    token              TEXT    NOT NULL,  -- random, unique to this job: part of every batch reference
    phonebatch_version TEXT    NOT NULL,
    input_path         TEXT    NOT NULL,  -- absolute
    input_size         INTEGER NOT NULL,  -- bytes, at ingest
    input_sha256       TEXT    NOT NULL,  -- hex, at ingest: export and resume refuse a changed input
    output_path        TEXT    NOT NULL,  -- absolute
    output_format      TEXT    NOT NULL CHECK (output_format IN ('csv', 'jsonl')),
    provider           TEXT    NOT NULL,
    options            TEXT    NOT NULL,  -- JSON: the options the run was given (never a secret)
    delimiter          TEXT    NOT NULL,  -- one character: , ; | or a tab
    line_ending        TEXT    NOT NULL CHECK (line_ending IN ('lf', 'crlf', 'cr')),
    has_bom            INTEGER NOT NULL CHECK (has_bom IN (0, 1)),
    header             TEXT    NOT NULL,  -- JSON array: the input's header fields
    phone_column       INTEGER NOT NULL,  -- 0-based index into header
    country_column     INTEGER,           -- 0-based index into header, NULL when none
    default_region     TEXT,              -- ISO 3166 alpha-2, NULL when none
    stage              TEXT    NOT NULL CHECK (stage IN ('ingest', 'plan', 'submit', 'export', 'done')),
    ingest_offset      INTEGER NOT NULL DEFAULT 0,  -- byte offset just past the last row ingested
    ingest_next_row    INTEGER NOT NULL DEFAULT 2,  -- the row number of the next row
    ingest_next_line   INTEGER NOT NULL DEFAULT 2,  -- the physical line at ingest_offset
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    -- The process reading the input ('host:pid'), which only one may do at a time; another
    -- waits, or takes over once lease_until has passed or the holder has died.
    lease_owner        TEXT,
    lease_until        TEXT,
    -- The release of libphonenumber's metadata whose rules judged the numbers (phonebatch's
    -- engine is compiled from it). Jobs made before phonebatch 0.2 were judged by Debian's
    -- libphonenumber 8.12.57, and keep their verdicts when resumed or exported.
    metadata_version   TEXT    NOT NULL DEFAULT '8.12.57'
);

-- One row per input row, numbered as a spreadsheet numbers them: the header is row 1.
-- The other columns of the input stay in the input file; export reads them from there.
CREATE TABLE record (
    row_no      INTEGER PRIMARY KEY,
    line_no     INTEGER NOT NULL,  -- the physical line the row starts on (1-based)
    phone_raw   TEXT,              -- the phone field as written
    country_raw TEXT,              -- the country field as written
    region      TEXT,              -- the region used to read a national number
    -- (The checks on the two tables written a row at a time during ingest compare with OR:
    -- SQLite makes a temporary table for an IN list of three values or more, for every row,
    -- which doubled the cost of an insert. Files made before schema 6 keep their IN lists.)
    status      TEXT    NOT NULL CHECK (status = 'parsed' OR status = 'empty' OR status = 'unparseable'
                                        OR status = 'malformed'),
    error       TEXT,              -- what was wrong with the row, if anything
    e164        INTEGER REFERENCES number (e164), -- set when status = 'parsed'
    hint        TEXT,              -- for an invalid number, what the row's spelling suggests
                                   -- (an international prefix left out)
    number_id   INTEGER REFERENCES number (id)    -- the same number, by its row: what the export
                                                  -- joins on (rows in order find their numbers close)
);

-- ==== Numbers: one row per distinct number, checked once however many rows hold it.
-- Numbered in the order they were first read, so that reading the input appends them (and
-- the export, which walks the rows in order, finds them close together).
CREATE TABLE number (
    id        INTEGER PRIMARY KEY,  -- the order the numbers were first read in
    e164      INTEGER NOT NULL,     -- the E.164 digits as an integer: '+' || e164 is the number
    region    TEXT,              -- ISO 3166 alpha-2 of the number itself, '001' for global services
    type      TEXT    NOT NULL,  -- mobile, fixed_line, fixed_line_or_mobile, toll_free, premium_rate,
                                 -- shared_cost, voip, personal_number, pager, uan, voicemail, unknown
    valid     INTEGER NOT NULL CHECK (valid = 0 OR valid = 1),
    national  TEXT    NOT NULL,  -- national format
    location  TEXT,              -- the geocoder's description (English), NULL when it has none
    error     TEXT,              -- why it is invalid
    state     TEXT    NOT NULL CHECK (state = 'local' OR state = 'pending' OR state = 'batched' OR state = 'done'
                                      OR state = 'failed'),
                                 -- local: settled by the local check alone, never sent (every number
                                 -- with the offline provider; invalid ones unless --send-invalid)
                                 -- failed: given up on (used by the provider stages)
    first_row INTEGER NOT NULL,  -- the first input row that holds it
    range_carrier TEXT,          -- the operator the number's range was first assigned to (not
                                 -- today's after porting), NULL when none is known
    time_zones    TEXT           -- the IANA time zones of the number's range, joined by '|'
);
-- ==== Number indexes. Numbers arrive in random E.164 order: kept up to date as they
-- arrived, these indexes were rewritten whole at every chunk read. A job reading its input
-- drops them; the transaction that ends ingest builds them, one sort each.
CREATE UNIQUE INDEX IF NOT EXISTS number_by_e164 ON number (e164);
CREATE INDEX IF NOT EXISTS number_pending ON number (e164) WHERE state = 'pending';


-- A provider call (or group of calls) for a set of numbers. States:
--   planned -> submitting -> done          (synchronous providers answer at once)
--   submitting -> submitted -> done        (asynchronous providers: accepted, then polled)
--   submitting -> planned                  (given back: the submission failed, or the provider
--                                           asked to be tried later; last_error says why)
--   submitted -> planned                   (the provider lost it or its job timed out)
--   any -> failed                          (given up on)
-- 'submitting' is committed before the request leaves: a batch found in it after a crash
-- (its lease expired) is in doubt. provider_ref is committed as soon as the provider gives
-- it, before anything else is sent for the batch.
CREATE TABLE batch (
    id            INTEGER PRIMARY KEY,
    provider      TEXT    NOT NULL,
    reference     TEXT    NOT NULL UNIQUE,  -- our own reference, given to the provider where it takes one
    state         TEXT    NOT NULL CHECK (state IN ('planned', 'submitting', 'submitted', 'done', 'failed')),
    size          INTEGER NOT NULL,
    attempt       INTEGER NOT NULL DEFAULT 0,  -- submissions so far
    provider_ref  TEXT,                     -- the provider's own id for it (batch, job, task), once known
    lease_owner   TEXT,                     -- the process working on it
    lease_until   TEXT,                     -- after this, another process may take it over
    last_error    TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    next_check_at TEXT,                     -- planned: not before this; submitted: the next poll
    submitted_at  TEXT,                     -- when the provider accepted the current submission
    polls         INTEGER NOT NULL DEFAULT 0  -- polls made on the current submission
);
CREATE INDEX batch_open ON batch (state) WHERE state NOT IN ('done', 'failed');

-- Which numbers each batch carried (a number can ride in more than one, when retried).
CREATE TABLE batch_number (
    batch_id INTEGER NOT NULL REFERENCES batch (id),
    e164     INTEGER NOT NULL REFERENCES number (e164),
    PRIMARY KEY (batch_id, e164)
) WITHOUT ROWID;
-- A number's batches: its history (row_history) and how many times it has ridden.
CREATE INDEX batch_number_by_number ON batch_number (e164);

-- The settled answer of a provider for a number (the offline provider's verdict is the
-- number row itself).
CREATE TABLE result (
    e164            INTEGER PRIMARY KEY REFERENCES number (e164),
    provider        TEXT NOT NULL,
    batch_id        INTEGER REFERENCES batch (id),
    provider_status TEXT,              -- the provider's own verdict, verbatim
    checked_at      TEXT NOT NULL,
    answer          TEXT,              -- the provider's full answer for this number, JSON
    line_status     TEXT CHECK (line_status IN ('connected', 'disconnected', 'unreachable', 'busy',
                                                'no_coverage', 'invalid', 'unknown')),
    carrier         TEXT,
    ported          TEXT,              -- a porting date (YYYY-MM-DD), or yes / no
    timezone        TEXT               -- IANA name
);

-- What happened, in order. Append-only: the triggers below refuse updates and deletes.
CREATE TABLE event (
    id       INTEGER PRIMARY KEY,
    at       TEXT    NOT NULL,
    kind     TEXT    NOT NULL,  -- run_started, rows_read, row_malformed, stage_plan, stage_submit, stage_export,
                                -- stage_done, batch_planned, batch_submitting, batch_in_doubt,
                                -- batch_adopted, batch_resent, batch_reference, batch_accepted,
                                -- batch_again, batch_failed, batch_done, number_failed, request,
                                -- run_stopped, run_interrupted, export_written, run_finished;
                                -- Phone Confirm: calls_planned, call_placed, call_refused, call_in_doubt,
                                -- call_retried, verify_read, code_checked, check_resent
    row_no   INTEGER,
    e164     INTEGER,
    batch_id INTEGER,
    detail   TEXT               -- JSON
);
CREATE INDEX event_by_row ON event (row_no) WHERE row_no IS NOT NULL;
CREATE INDEX event_by_batch ON event (batch_id) WHERE batch_id IS NOT NULL;

CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event
BEGIN
    SELECT RAISE(ABORT, 'event is append-only');
END;

CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event
BEGIN
    SELECT RAISE(ABORT, 'event is append-only');
END;

-- ==== Phone Confirm (`phonebatch confirm place`, `confirm verify`): a job whose provider is
-- xverify. A call is a batch of one number: its states, lease, attempts and requests are the
-- batch's (planned -> submitting -> done, or failed when in doubt). These tables say what a
-- call reads out and what came of it, and hold the codes people typed back.

-- The code each input row asks to be read out ('' when its code field is empty).
CREATE TABLE confirm_row (
    row_no  INTEGER PRIMARY KEY REFERENCES record (row_no),
    code    TEXT    NOT NULL,
    call_id INTEGER REFERENCES confirm_call (call_id)  -- NULL: not called (the number is not valid, or no code)
);

-- One call per distinct number and code: the rows holding both share it.
CREATE TABLE confirm_call (
    call_id            INTEGER PRIMARY KEY REFERENCES batch (id),
    e164               INTEGER NOT NULL REFERENCES number (e164),
    code               TEXT    NOT NULL,
    outcome            TEXT    NOT NULL CHECK (outcome IN ('waiting', 'placed', 'refused', 'in_doubt')),
                                 -- in_doubt: the request may have reached Xverify and no answer was
                                 -- recorded; never placed again unless --retry-in-doubt
    message            TEXT,     -- Xverify's message, or why the call is in doubt
    transaction_number TEXT,     -- Xverify's, once placed: what verify needs
    placed_at          TEXT,
    UNIQUE (e164, code)
);
CREATE INDEX confirm_call_by_transaction ON confirm_call (transaction_number) WHERE transaction_number IS NOT NULL;

-- The pace of calls, shared by every process working on the file: claiming a call takes the
-- next free slot, so the cap holds however many processes place calls. At most one row.
CREATE TABLE confirm_pace (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    next_slot_at TEXT NOT NULL
);

-- Each file `confirm verify` read. A file is known by its path and SHA-256: the same file
-- again resumes its round; an edited one is a new round.
CREATE TABLE confirm_input (
    id                 INTEGER PRIMARY KEY,
    path               TEXT    NOT NULL,  -- absolute
    size               INTEGER NOT NULL,
    sha256             TEXT    NOT NULL,
    output_path        TEXT    NOT NULL,
    output_format      TEXT    NOT NULL CHECK (output_format IN ('csv', 'jsonl')),
    delimiter          TEXT    NOT NULL,
    line_ending        TEXT    NOT NULL CHECK (line_ending IN ('lf', 'crlf', 'cr')),
    has_bom            INTEGER NOT NULL CHECK (has_bom IN (0, 1)),
    header             TEXT    NOT NULL,  -- JSON array
    phone_column       INTEGER,           -- 0-based; NULL when the rows hold transaction numbers only
    transaction_column INTEGER,
    code_column        INTEGER NOT NULL,
    stage              TEXT    NOT NULL CHECK (stage IN ('check', 'done')),
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    UNIQUE (path, sha256)
);

-- One row per row of a verify input: the code typed back, the call it answers, and what
-- Xverify said of it. States: pending -> checking -> done; checking is committed before the
-- request leaves (checking a code twice is harmless: it is sent again after a crash).
CREATE TABLE confirm_check (
    input_id           INTEGER NOT NULL REFERENCES confirm_input (id),
    row_no             INTEGER NOT NULL,  -- the verify input's row (its header is row 1)
    line_no            INTEGER NOT NULL,
    call_id            INTEGER REFERENCES confirm_call (call_id),
    transaction_number TEXT,
    code               TEXT,              -- as typed
    state              TEXT    NOT NULL CHECK (state IN ('pending', 'checking', 'done')),
    attempt            INTEGER NOT NULL DEFAULT 0,
    lease_owner        TEXT,
    lease_until        TEXT,
    next_check_at      TEXT,
    status             TEXT CHECK (status IN ('verified', 'wrong_code', 'expired', 'error')),
    message            TEXT,
    checked_at         TEXT,
    PRIMARY KEY (input_id, row_no)
) WITHOUT ROWID;
CREATE INDEX confirm_check_open ON confirm_check (input_id, state) WHERE state <> 'done';

-- ==== Views. A migration drops every view and creates them again from here.

-- For the auditor and for export: every input row with the verdict the output gives it.
-- The pb_ columns are exactly the columns export appends.
CREATE VIEW row_result AS
SELECT
    r.row_no,
    CASE r.status
        WHEN 'parsed' THEN CASE n.valid WHEN 1 THEN 'valid' ELSE 'invalid' END
        ELSE r.status
    END                                         AS pb_status,
    CASE WHEN n.e164 IS NULL THEN NULL ELSE '+' || n.e164 END AS pb_e164,
    n.region                                    AS pb_region,
    n.type                                      AS pb_type,
    n.national                                  AS pb_national,
    n.location                                  AS pb_location,
    n.range_carrier                             AS pb_range_carrier,
    n.time_zones                                AS pb_range_timezones,
    -- who gave the verdict: the provider that answered, else the local check
    CASE WHEN s.provider IS NOT NULL THEN s.provider WHEN n.e164 IS NOT NULL THEN 'offline' END AS pb_provider,
    s.line_status                               AS pb_line_status,
    s.carrier                                   AS pb_carrier,
    s.ported                                    AS pb_ported,
    s.timezone                                  AS pb_timezone,
    s.provider_status                           AS pb_provider_status,
    s.checked_at                                AS pb_checked_at,
    CASE
        WHEN n.state = 'failed' THEN COALESCE(n.error || '; ', '') || 'the provider gave no answer after repeated tries'
        WHEN n.valid = 0 AND r.hint IS NOT NULL THEN COALESCE(r.error || '; ', '') || COALESCE(n.error || '; ', '') || r.hint
        WHEN r.error IS NOT NULL AND n.error IS NOT NULL THEN r.error || '; ' || n.error
        ELSE COALESCE(r.error, n.error)
    END                                         AS pb_error
FROM record r
LEFT JOIN number n ON n.id = r.number_id
LEFT JOIN result s ON s.e164 = r.e164;

-- The whole history of each input row, in order: the row as read, the number it holds,
-- every event of every batch that carried the number (each request with its HTTP status
-- and time), events about the row itself, and the settled answer. step: 0 the row, 1 its
-- number, 2 what happened after, in time order. For one row:
--   SELECT * FROM row_history WHERE row_no = 42 ORDER BY step, at, event_id;
CREATE VIEW row_history AS
SELECT r.row_no, 0 AS step, NULL AS at, NULL AS event_id, 'row' AS what, NULL AS batch_id,
       json_object('line', r.line_no, 'phone', r.phone_raw, 'country', r.country_raw, 'region', r.region,
                   'status', r.status, 'error', r.error, 'hint', r.hint) AS detail
FROM record r
UNION ALL
SELECT r.row_no, 1, NULL, NULL, 'number', NULL,
       json_object('e164', '+' || n.e164, 'valid', n.valid, 'type', n.type, 'region', n.region,
                   'national', n.national, 'location', n.location, 'range_carrier', n.range_carrier,
                   'time_zones', n.time_zones, 'state', n.state, 'first_row', n.first_row, 'error', n.error)
FROM record r JOIN number n ON n.e164 = r.e164
UNION ALL
SELECT r.row_no, 2, e.at, e.id, e.kind, e.batch_id, e.detail
FROM record r JOIN event e ON e.row_no = r.row_no
UNION ALL
SELECT r.row_no, 2, e.at, e.id, e.kind, e.batch_id, e.detail
FROM record r JOIN batch_number bn ON bn.e164 = r.e164 JOIN event e ON e.batch_id = bn.batch_id
UNION ALL
SELECT r.row_no, 2, s.checked_at, NULL, 'result', s.batch_id,
       json_object('provider', s.provider, 'line_status', s.line_status, 'carrier', s.carrier, 'ported', s.ported,
                   'timezone', s.timezone, 'provider_status', s.provider_status)
FROM record r JOIN result s ON s.e164 = r.e164;

-- How far the job has come: rows by status, numbers by state, batches by state.
CREATE VIEW progress AS
SELECT 'rows' AS what, status AS state, COUNT(*) AS count FROM record GROUP BY status
UNION ALL
SELECT 'numbers', state, COUNT(*) FROM number GROUP BY state
UNION ALL
SELECT 'batches', state, COUNT(*) FROM batch GROUP BY state;

-- Every request sent to a provider: when, for which batch, its HTTP status (0 when no answer
-- came), how long it took, the units it cost, and what went wrong.
CREATE VIEW request_log AS
SELECT
    id,
    at,
    batch_id,
    json_extract(detail, '$.provider') AS provider,
    json_extract(detail, '$.endpoint') AS endpoint,
    json_extract(detail, '$.method')   AS method,
    json_extract(detail, '$.status')   AS http_status,
    json_extract(detail, '$.ms')       AS ms,
    json_extract(detail, '$.units')    AS units,
    json_extract(detail, '$.attempt')  AS attempt,
    json_extract(detail, '$.error')    AS error
FROM event
WHERE kind = 'request';

-- What each provider was asked, answered and charged.
CREATE VIEW cost AS
SELECT
    p.provider,
    (SELECT COUNT(*) FROM batch b WHERE b.provider = p.provider)                     AS batches,
    (SELECT COUNT(*) FROM batch_number bn JOIN batch b ON b.id = bn.batch_id
      WHERE b.provider = p.provider)                                                  AS numbers_batched,
    (SELECT COUNT(DISTINCT bn.e164) FROM batch_number bn JOIN batch b ON b.id = bn.batch_id
      WHERE b.provider = p.provider)                                                  AS distinct_numbers_batched,
    (SELECT COUNT(*) FROM result s WHERE s.provider = p.provider)                     AS numbers_answered,
    (SELECT COUNT(*) FROM request_log q WHERE q.provider = p.provider)                AS requests,
    (SELECT COALESCE(SUM(q.units), 0) FROM request_log q WHERE q.provider = p.provider) AS units
FROM (SELECT DISTINCT provider FROM batch) p;

-- `confirm place`'s output columns: the local verdict, then the call (or why there is none).
CREATE VIEW confirm_place_result AS
SELECT
    v.row_no,
    v.pb_status,
    v.pb_e164,
    v.pb_error,
    c.transaction_number AS pb_confirm_transaction,
    CASE WHEN c.call_id IS NULL THEN 'not_called' ELSE c.outcome END AS pb_confirm_status,
    CASE
        WHEN c.call_id IS NOT NULL THEN c.message
        WHEN v.pb_status = 'valid' THEN 'not called: the code field is empty'
        WHEN v.pb_status = 'invalid' THEN 'not called: the number is not valid'
        WHEN v.pb_status = 'empty' THEN 'not called: the phone field is empty'
        WHEN v.pb_status = 'unparseable' THEN 'not called: the phone field is not a phone number'
        WHEN v.pb_status = 'parsed' THEN 'not called yet: the input is still being read'
        ELSE 'not called: the row is malformed'
    END AS pb_confirm_message
FROM row_result v
LEFT JOIN confirm_row r ON r.row_no = v.row_no
LEFT JOIN confirm_call c ON c.call_id = r.call_id;

-- `confirm verify`'s output columns, for each verify input's rows.
CREATE VIEW confirm_check_result AS
SELECT input_id, row_no, status AS pb_confirm_status, message AS pb_confirm_message
FROM confirm_check;

-- Every call, with the rows it serves and the codes checked against it (never the code).
CREATE VIEW call_log AS
SELECT
    c.call_id,
    '+' || c.e164                                                               AS phone,
    (SELECT group_concat(r.row_no, ' ') FROM confirm_row r WHERE r.call_id = c.call_id) AS rows,
    c.outcome,
    c.transaction_number,
    c.placed_at,
    b.attempt                                                                   AS attempts,
    c.message,
    (SELECT COUNT(*) FROM confirm_check k WHERE k.call_id = c.call_id AND k.state = 'done') AS codes_checked,
    (SELECT k.status FROM confirm_check k WHERE k.call_id = c.call_id AND k.state = 'done'
      ORDER BY k.checked_at DESC LIMIT 1)                                       AS last_check
FROM confirm_call c JOIN batch b ON b.id = c.call_id;
