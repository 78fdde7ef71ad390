#!/usr/bin/env python3
"""Helpers for `scripts/bench ingest` (see that script; this file is not run by hand).

  bench_ingest.py generate ROWS OUT   write a deterministic CRM-style export of ROWS rows
  bench_ingest.py pyloop FILE          the Python anchor: phonenumbers over the phone column
  bench_ingest.py report ...           print the benchmark table from the measurements
  bench_ingest.py numbers FILE N OUT   the first N phone fields of an export, with the region
                                       of their country column, one "text<TAB>region" a line
  bench_ingest.py pyengine LIST        phonenumbers alone over such a list, timed
  bench_ingest.py engine-report ...    print the engine benchmark's table

`generate` uses only the standard library; `pyloop` and `pyengine` need phonenumbers at the
pinned version (scripts/metadata/VERSION), which scripts/bench installs into a venv.
"""

import argparse
import csv
import json
import os
import time
import random
import statistics
import sys
import unicodedata

# Bump when the generated content changes, so cached exports are regenerated.
GENERATOR_VERSION = "1"
SEED = 20261122

HEADER = ["id", "first_name", "last_name", "company", "email", "phone", "country", "city",
          "created", "notes"]


# --------------------------------------------------------------------------- generator
#
# Each country: ISO code, calling code, how its national numbers are written (trunk prefix,
# digit grouping), what people put in a country column for it, some cities, and number
# ranges that libphonenumber finds valid (a few, like FR 06 and GB 074-079, hold
# some unassigned blocks, as real exports do). A range is (prefixes, the digits that may
# follow the prefix, length of the national significant number); the rest is random.

def _nanp_ranges(area_codes):
    # NXX exchange: 2-9 first, then two digits; x11 and 555 are rerolled by the generator.
    return [(area_codes, "23456789", 10)]


COUNTRIES = [
    dict(iso="US", cc="1", trunk="", weight=22,
         names=["United States", "USA", "US", "United States of America"],
         cities=["New York", "San Francisco", "Chicago", "Boston", "Seattle", "Houston", "Miami",
                 "Atlanta", "Portland", "Las Vegas", "Austin", "Denver", "Los Angeles"],
         ranges=_nanp_ranges(["212", "415", "312", "617", "206", "713", "305", "404", "503", "702",
                              "646", "718", "213", "310", "512", "303"])),
    dict(iso="GB", cc="44", trunk="0", weight=16,
         names=["United Kingdom", "UK", "GB", "England", "Scotland"],
         cities=["London", "Manchester", "Glasgow", "Leeds", "Bristol", "Edinburgh"],
         ranges=[(["7"], "123", 10), (["7"], "45789", 10), (["20"], "378", 10), (["161"], "2345789", 10),
                 (["131"], "2345", 10)]),
    dict(iso="DE", cc="49", trunk="0", weight=10,
         names=["Germany", "DE", "Deutschland"],
         cities=["Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main"],
         ranges=[(["15"], "12579", 11), (["17"], "0123456789", 10), (["16"], "023", 10),
                 (["30"], "123456789", 10), (["89"], "123456789", 10), (["40"], "123456789", 10)]),
    dict(iso="FR", cc="33", trunk="0", weight=10,
         names=["France", "FR"],
         cities=["Paris", "Lyon", "Marseille", "Toulouse", "Bordeaux", "Lille"],
         ranges=[(["6"], "0123456789", 9), (["7"], "345678", 9), (["1"], "0123456789", 9), (["4"], "123456789", 9)]),
    dict(iso="CA", cc="1", trunk="", weight=6,
         names=["Canada", "CA"],
         cities=["Toronto", "Vancouver", "Montréal", "Calgary", "Ottawa", "Halifax"],
         ranges=_nanp_ranges(["416", "604", "514", "403", "613", "647", "780", "902", "204", "306"])),
    dict(iso="ES", cc="34", trunk="", weight=7,
         names=["Spain", "ES", "España"],
         cities=["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao"],
         ranges=[(["6"], "0123456789", 9), (["91"], "2345789", 9), (["93"], "2345", 9), (["7"], "1234", 9)]),
    dict(iso="IT", cc="39", trunk="", weight=6,
         names=["Italy", "IT", "Italia"],
         cities=["Roma", "Milano", "Napoli", "Torino", "Bologna"],
         ranges=[(["3"], "23456789", 10), (["06"], "0123456789", 10), (["02"], "0123456789", 10)]),
    dict(iso="NL", cc="31", trunk="0", weight=6,
         names=["Netherlands", "NL", "Holland"],
         cities=["Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven"],
         ranges=[(["6"], "12345", 9), (["20"], "23456789", 9), (["10"], "23456789", 9)]),
    dict(iso="AU", cc="61", trunk="0", weight=6,
         names=["Australia", "AU"],
         cities=["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"],
         ranges=[(["4"], "0123", 9), (["29"], "0123456789", 9), (["39"], "0123456789", 9), (["28"], "0123456789", 9)]),
    dict(iso="IN", cc="91", trunk="", weight=6,
         names=["India", "IN"],
         cities=["Mumbai", "Delhi", "Bengaluru", "Chennai", "Pune", "Hyderabad"],
         ranges=[(["9"], "6789", 10), (["70"], "0123456789", 10), (["11"], "234", 10)]),
    dict(iso="BR", cc="55", trunk="", weight=5,
         names=["Brazil", "BR", "Brasil"],
         cities=["São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba", "Recife"],
         ranges=[(["119"], "56789", 11), (["219"], "6789", 11), (["11"], "2345", 10)]),
]

# What the Python anchor maps a country column to (ISO codes are read directly): the names
# the generator writes, as a user's own script would carry them.
COUNTRY_NAMES = {name.lower(): c["iso"] for c in COUNTRIES for name in c["names"]}

FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
         "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
         "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark",
         "Sandra", "Oliver", "Amelia", "Harry", "Isla", "Jack", "Ava", "Lukas", "Emma", "Leon",
         "Mia", "Hugo", "Léa", "Louis", "Chloé", "José", "Lucía", "Marco", "Giulia", "Sem", "Julia",
         "Aarav", "Priya", "Rahul", "Ananya", "João", "Ana", "Noah", "Zoë", "Liam", "Chloe",
         "Ethan", "Olivia"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson",
        "Taylor", "Anderson", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris",
        "Clark", "Lewis", "Walker", "Hall", "Evans", "Wright", "Müller", "Schmidt", "Schneider",
        "Fischer", "Weber", "Dubois", "Lefèvre", "Moreau", "Laurent", "García", "Fernández",
        "López", "Rossi", "Russo", "Bianchi", "de Vries", "van Dijk", "Jansen", "Patel", "Sharma",
        "Singh", "Kumar", "Silva", "Santos", "Oliveira", "O'Brien", "MacDonald", "Nguyen", "Chen",
        "Kowalski", "Novak", "Jensen", "Berg", "Costa", "Murphy", "Kelly"]
COMPANIES = ["Acme Corp", "Globex", "Initech", "Umbrella Ltd", "Stark Industries", "Wayne Enterprises",
             "Hooli", "Vandelay Industries", "Soylent GmbH", "Wonka Industries", "Cyberdyne Systems",
             "Tyrell Corporation", "Massive Dynamic", "Aperture Science", "Gringotts plc",
             "Smith, Jones & Partners LLP", "Müller & Söhne KG", "Dupont, Moreau et Associés",
             "Pied Piper", "Dunder Mifflin", "Prestige Worldwide", "Oceanic Airlines",
             "Sterling Cooper", "Bluth Company", "Nakatomi Trading", "Monsters, Inc.", "Blue Sun",
             "Kwik-E-Mart", "Los Pollos Hermanos", "Wernham Hogg", "Virtucon", "Octan",
             "Rekall", "Veridian Dynamics", "Buy n Large", "", "", "", "", ""]
DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "example.com", "example.org",
           "mail.example.net", "proton.me", "web.de", "orange.fr"]
NOTES = ["", "", "", "", "", "", "Met at expo, follow up in Q3", "Prefers email, not phone",
         "VIP", "Do not call before 10am", "Asked for pricing, sent deck", "Left voicemail",
         "Renewal due; contact procurement, not the user", 'Said "call me after 5"',
         "Referred by partner", "Newsletter signup", "Churned 2023, win-back candidate",
         "Spoke w/ assistant", "Wrong number reported once", "Trial user, 14 days",
         "Interested in API, SSO and audit logs", "Out of office until Monday"]
STAGES = ["lead", "lead", "prospect", "customer", "customer", "churned"]
JUNK = ["n/a", "N/A", "none", "-", "tbd", "TBD", "call reception", "123", "0000000", "+999 123 4567",
        "see notes", "ext. 204", "x", "unknown", "ask for mobile", "+44 7123", "12", "?",
        "no phone", "000-000-0000", "email only", "#ERROR!"]

EMAIL_LOCAL = {
    name: unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    .replace(" ", "").replace("'", "")
    for name in FIRST + LAST}

# How a number is written, with the weight of each way.
FORMATS = [("e164", 24), ("spaced", 20), ("national", 34), ("idd00", 8), ("dotted", 14)]


def _weighted_table(items, weight_of):
    table = []
    for item in items:
        table.extend([item] * weight_of(item))
    return table


def _group(digits, sizes, sep):
    """digits split into groups of `sizes` (the last group takes the rest)."""
    parts = []
    i = 0
    for size in sizes:
        if i >= len(digits):
            break
        parts.append(digits[i:i + size])
        i += size
    if i < len(digits):
        parts.append(digits[i:])
    return sep.join(parts)


SPACED_GROUPS = {"FR": (1, 2, 2, 2, 2), 9: (2, 3, 4), 10: (3, 3, 4), 11: (3, 4, 4)}


def render(country, nsn, fmt):
    """The number `nsn` (national significant number) of `country` written as `fmt`;
    returns (text, needs_country) where needs_country says a region is needed to read it."""
    cc = country["cc"]
    iso = country["iso"]
    if fmt == "e164":
        return "+" + cc + nsn, False
    if iso in ("US", "CA"):
        a, b, c = nsn[:3], nsn[3:6], nsn[6:]
        if fmt == "spaced":
            return "+1 %s-%s-%s" % (a, b, c), False
        if fmt == "idd00":
            return "001 %s %s %s" % (a, b, c), False
        if fmt == "dotted":
            return "%s.%s.%s" % (a, b, c), True
        return "(%s) %s-%s" % (a, b, c), True
    if fmt == "spaced":
        return "+%s %s" % (cc, _group(nsn, SPACED_GROUPS[iso if iso == "FR" else len(nsn)], " ")), False
    if fmt == "idd00":
        return "00%s %s" % (cc, _group(nsn, (4, 3), " ")), False
    national = country["trunk"] + nsn
    if iso == "BR":
        if fmt == "dotted":
            return "%s.%s.%s" % (nsn[:2], nsn[2:-4], nsn[-4:]), True
        return "(%s) %s-%s" % (nsn[:2], nsn[2:-4], nsn[-4:]), True
    if iso == "FR":
        return _group(national, (2, 2, 2, 2, 2), "." if fmt == "dotted" else " "), True
    if fmt == "dotted":
        return _group(national, (4, 3, 3), "."), True
    return _group(national, (5, 3) if len(national) >= 11 else (4, 3), " "), True


def generate(rows, out_path):
    rnd = random.Random(SEED)
    rand = rnd.random
    randbelow = rnd.randrange

    def choice(seq):  # random.choice, without its exact-uniformity overhead
        return seq[int(rand() * len(seq))]
    countries = _weighted_table(COUNTRIES, lambda c: c["weight"])
    formats = _weighted_table(FORMATS, lambda f: f[1])
    formats = [f[0] for f in formats]
    # The other columns come from a pool of people: realistic enough, and cheap per row.
    people = []
    for k in range(50_000):
        first_name = choice(FIRST)
        last_name = choice(LAST)
        local = EMAIL_LOCAL[first_name] + "." + EMAIL_LOCAL[last_name]
        email = "%s%d@%s" % (local, k % 97, choice(DOMAINS)) if rand() < 0.93 else ""
        created = "20%02d-%02d-%02dT%02d:%02d:00Z" % (
            18 + int(rand() * 7), 1 + int(rand() * 12), 1 + int(rand() * 28),
            int(rand() * 24), int(rand() * 60))
        note = choice(NOTES)
        if note and rand() < 0.3:
            note = choice(STAGES) + "; " + note
        people.append((first_name, last_name, choice(COMPANIES), email, created, note))
    n_people = len(people)
    recent = []          # (country, nsn, format) of earlier numbers, a bounded ring
    recent_cap = 200_000
    tmp = out_path + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        batch = []
        for i in range(1, rows + 1):
            country = choice(countries)
            r = rand()
            country_field = None
            if r < 0.02:
                phone = ""
            elif r < 0.04:
                phone = choice(JUNK)
            else:
                if r < 0.19 and recent:
                    # A number seen earlier, written another way (a duplicate contact).
                    country, nsn, old_fmt = recent[int(rand() * len(recent))]
                    fmt = choice(formats)
                    while fmt == old_fmt:
                        fmt = choice(formats)
                else:
                    prefixes, first, length = choice(country["ranges"])
                    while True:
                        head = choice(prefixes) + choice(first)
                        k = length - len(head)
                        nsn = head + str(randbelow(10 ** k)).zfill(k)
                        if country["iso"] in ("US", "CA"):
                            exchange = nsn[3:6]
                            if exchange == "555" or exchange[1:] == "11":
                                continue
                        break
                    fmt = choice(formats)
                    if len(recent) < recent_cap:
                        recent.append((country, nsn, fmt))
                    else:
                        recent[i % recent_cap] = (country, nsn, fmt)
                phone, needs_country = render(country, nsn, fmt)
                if country["iso"] in ("US", "CA") and fmt == "idd00":
                    # 00 is not NANP's international prefix: such rows come without a country.
                    country_field = ""
                elif not needs_country and rand() < 0.2:
                    country_field = ""
            if country_field is None:
                cr = rand()
                if cr < 0.5:
                    country_field = country["iso"]
                elif cr < 0.97:
                    country_field = choice(country["names"])
                else:
                    country_field = country["iso"].lower()
            person = people[int(rand() * n_people)]
            batch.append(("C%07d" % i, person[0], person[1], person[2], person[3], phone, country_field,
                          choice(country["cities"]), person[4], person[5]))
            if len(batch) >= 10_000:
                w.writerows(batch)
                batch.clear()
        w.writerows(batch)
    os.replace(tmp, out_path)


# --------------------------------------------------------------------------- python anchor

def region_for(text):
    text = text.strip()
    if not text:
        return None
    region = COUNTRY_NAMES.get(text.lower())  # first: "UK" is a name, not an ISO code
    if region is None and len(text) == 2 and text.isalpha():
        region = text.upper()
    return region


def pyloop(path, stats_path=None):
    """What a user would otherwise write: stream the CSV, and for each phone field parse it
    (the country column as the region of national numbers), then validity, E.164 and type."""
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneNumberFormat

    parse = phonenumbers.parse
    is_valid = phonenumbers.is_valid_number
    format_number = phonenumbers.format_number
    number_type = phonenumbers.number_type
    E164 = PhoneNumberFormat.E164

    counts = {"rows": 0, "empty": 0, "unparseable": 0, "valid": 0, "invalid": 0}
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = [h.strip().lower() for h in next(reader)]
        pi = header.index("phone")
        ci = header.index("country")
        for row in reader:
            counts["rows"] += 1
            phone = row[pi].strip()
            if not phone:
                counts["empty"] += 1
                continue
            region = region_for(row[ci])
            if region is None and phone.startswith("00"):
                phone = "+" + phone[2:]
            try:
                number = parse(phone, region)
            except NumberParseException:
                counts["unparseable"] += 1
                continue
            valid = is_valid(number)
            format_number(number, E164)
            number_type(number)
            counts["valid" if valid else "invalid"] += 1
    if stats_path:
        with open(stats_path, "w") as f:
            json.dump(counts, f)
    return counts


def numbers(path, count, out_path):
    """The phone fields the Python loop would parse, as it would parse them: the text, and the
    region its country column names (a 00 with no region read as +), empty fields left out."""
    written = 0
    with open(path, newline="", encoding="utf-8") as f, open(out_path, "w", encoding="utf-8") as out:
        reader = csv.reader(f)
        header = [h.strip().lower() for h in next(reader)]
        pi = header.index("phone")
        ci = header.index("country")
        for row in reader:
            phone = row[pi].strip()
            if not phone or "\t" in phone:
                continue
            region = region_for(row[ci])
            if region is None and phone.startswith("00"):
                phone = "+" + phone[2:]
            out.write("%s\t%s\n" % (phone, region or ""))
            written += 1
            if written == count:
                break


def pyengine(path):
    """phonenumbers alone over a list from `numbers`: parse, validity, E.164, type, timed
    without reading the list. Prints one line for the results file."""
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneNumberFormat

    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            text, _, region = line.rstrip("\n").partition("\t")
            cases.append((text, region or None))
    parse = phonenumbers.parse
    is_valid = phonenumbers.is_valid_number
    format_number = phonenumbers.format_number
    number_type = phonenumbers.number_type
    E164 = PhoneNumberFormat.E164
    valid = 0
    start = time.perf_counter()
    for text, region in cases:
        try:
            number = parse(text, region)
        except NumberParseException:
            continue
        if is_valid(number):
            valid += 1
        format_number(number, E164)
        number_type(number)
    seconds = time.perf_counter() - start
    print("python\t%d\t%.4f\t%d" % (len(cases), seconds, valid))


def engine_report(args):
    samples = {}
    valid = {}
    with open(args.results) as f:
        for line in f:
            tool, count, seconds, nvalid = line.strip().split("\t")
            samples.setdefault(tool, []).append(int(count) / float(seconds))
            valid[tool] = int(nvalid)
    rate = {tool: statistics.median(v) for tool, v in samples.items()}
    py = rate.get("python")
    out = ["engine benchmark: %s phone fields of the ingest export (as written, with their country column's region), "
           "one thread, median of %d run%s" % (_fmt_int(args.numbers), len(samples.get("python", [])),
                                                "" if len(samples.get("python", [])) == 1 else "s")]
    rows = [("phonebatch engine: parse, validity, type, E.164", "phonebatch-verdict"),
            ("phonebatch engine: all of describe (+ national, place, carrier, zones)", "phonebatch-describe"),
            ("python phonenumbers %s: parse, validity, type, E.164" % args.version, "python")]
    width = max(len(label) for label, _ in rows)
    out.append("| %s | numbers/s   | vs python |" % "what".ljust(width))
    out.append("|-%s-|------------:|----------:|" % ("-" * width))
    for label, tool in rows:
        r = rate.get(tool)
        if r is None:
            continue
        out.append("| %s | %11s | %8.1fx |" % (label.ljust(width), _fmt_int(r), r / py if py else float("nan")))
    out.append("valid: phonebatch %s, python %s of %s" % (_fmt_int(valid.get("phonebatch-verdict", 0)),
                                                         _fmt_int(valid.get("python", 0)), _fmt_int(args.numbers)))
    verdict = rate.get("phonebatch-verdict", 0)
    checks = [">= 1,000,000 a second: %s (%s)" % ("PASS" if verdict >= 1e6 else "FAIL", _fmt_int(verdict)),
              ">= 50x python: %s (%.1fx)" % ("PASS" if py and verdict / py >= 50 else "FAIL", verdict / py if py else 0)]
    out.append("targets: " + "; ".join(checks))
    print("\n".join(out))


# --------------------------------------------------------------------------- report

def _fmt_int(n):
    return "{:,}".format(int(n))


def report(args):
    runs = {}
    with open(args.results) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            tool, size, _run, seconds, kb = line.split("\t")
            runs.setdefault((tool, int(size)), []).append((float(seconds), int(kb)))

    def median(tool, size):
        samples = runs.get((tool, size))
        if not samples:
            return None
        return (statistics.median(s for s, _ in samples),
                statistics.median(k for _, k in samples) / 1024.0,
                len(samples))

    rows = args.rows
    sizes = sorted(int(s) for s in args.sizes.split(","))
    size_mb = os.path.getsize(args.file) / 1e6
    n_runs = max((len(v) for v in runs.values()), default=0)
    out = []
    out.append("ingest benchmark: %s rows (%s, %.0f MB), median of %d run%s" % (
        _fmt_int(rows), args.file_label, size_mb, n_runs, "" if n_runs == 1 else "s"))
    out.append("phonebatch: %s" % args.binary)
    if "/debug/" in args.binary:
        out.append("note: a DEBUG build: its numbers say nothing about the release targets")

    table = [("phonebatch run --provider offline", "phonebatch"),
             ("sqlite3 .import (floor)", "sqlite"),
             ("python phonenumbers loop", "python")]
    py = median("python", rows)
    headers = ["what", "seconds", "rows/s", "peak MB", "vs python"]
    body = []
    for label, tool in table:
        m = median(tool, rows)
        if m is None:
            body.append([label, "-", "-", "-", "-"])
            continue
        seconds, mb, _ = m
        rate = rows / seconds if seconds > 0 else float("inf")
        vs = "%.1fx" % (py[0] / seconds) if py and seconds > 0 else "-"
        body.append([label, "%.2f" % seconds, _fmt_int(rate), "%.1f" % mb, vs])
    widths = [max(len(r[i]) for r in [headers] + body) for i in range(len(headers))]

    def line(cells):
        return "| " + " | ".join(
            c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(cells)) + " |"

    out.append(line(headers))
    out.append("|" + "|".join("-" * (w + 2) if i == 0 else "-" * (w + 1) + ":" for i, w in enumerate(widths)) + "|")
    out.extend(line(r) for r in body)

    peaks = []
    for size in sizes:
        m = median("phonebatch", size)
        if m:
            peaks.append((size, m[1]))
    out.append("phonebatch memory by size: " + "; ".join(
        "%s rows: %.1f MB" % (_fmt_int(s), mb) for s, mb in peaks))

    if args.verdicts:
        out.append("verdicts: " + args.verdicts)

    pb = median("phonebatch", rows)
    floor = median("sqlite", rows)
    if pb and floor:
        out.append("from the floor: phonebatch takes %.2f s more than sqlite3 .import (%.1fx its time)" % (
            pb[0] - floor[0], pb[0] / floor[0]))
    out.extend(_where_the_time_goes(args.timings, pb[0] if pb else None, rows))
    checks = []
    if pb and py:
        ratio = py[0] / pb[0]
        checks.append(">= 10x python: %s (%.1fx)" % ("PASS" if ratio >= 10 else "FAIL", ratio))
    else:
        checks.append(">= 10x python: n/a")
    if pb:
        checks.append("peak < 100 MB at %s rows: %s (%.1f MB)" % (
            _fmt_int(rows), "PASS" if pb[1] < 100 else "FAIL", pb[1]))
    if len(peaks) >= 2:
        flat = peaks[-1][1] / peaks[0][1]
        checks.append("flat (peak at %s / at %s < 1.5): %s (%.2f)" % (
            _fmt_int(peaks[-1][0]), _fmt_int(peaks[0][0]), "PASS" if flat < 1.5 else "FAIL", flat))
    else:
        checks.append("flat: n/a (one size)")
    out.append("targets: " + "; ".join(checks))
    if rows != 1_000_000:
        out.append("note: the targets are set at 1,000,000 rows; this run used %s" % _fmt_int(rows))
    print("\n".join(out))


def _where_the_time_goes(path, total, rows):
    """The last run's parts, as the job recorded them (events ingest_timings and
    export_written), in seconds and microseconds a row."""
    try:
        with open(path) as f:
            timings = json.load(f)
        ingest, export = timings["ingest"], timings["export"]
    except (OSError, ValueError, KeyError, TypeError):
        return ["where the time goes: n/a (no timings in the job file)"]
    parts = [
        ("reading the CSV and preparing rows", ingest["reading_s"] + ingest["preparing_s"], "main thread"),
        ("the engine (parse, describe)", ingest["engine_s"], "its own thread, beside the rest"),
        ("SQLite: rows and numbers, then their index", ingest["storing_s"] + ingest.get("indexing_s", 0), "main thread"),
        ("waiting for the engine", ingest["waiting_for_engine_s"], "main thread"),
        ("export (input read again, results walked, output written)", export.get("seconds", 0), "two threads"),
    ]
    main = sum(s for label, s, where in parts if where != "its own thread, beside the rest")
    out = ["where the time goes (the last run, %s rows):" % _fmt_int(rows)]
    for label, seconds, where in parts:
        out.append("  %-58s %6.2f s  %6.2f us/row  (%s)" % (label, seconds, 1e6 * seconds / rows, where))
    if total:
        out.append("  %-58s %6.2f s  %6.2f us/row" % ("the rest (start, setup, plan, summary, closing the file)",
                                                     max(0.0, total - main), 1e6 * max(0.0, total - main) / rows))
    return out


def _tree_pss_kb(root):
    """Memory of `root` and all its descendants, in KB: the sum of their proportional set
    sizes (PSS), which counts a shared library page once across the processes that map it,
    where adding up RSS would count it once per process."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open("/proc/%d/smaps_rollup" % pid) as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def measure(command, out_path):
    """Runs `command` and writes 'seconds peak_kb' to out_path. The peak is the largest total
    memory (PSS) of the process and its children (phonebatch's worker processes count),
    sampled every 20 ms."""
    import subprocess
    start = time.monotonic()
    child = subprocess.Popen(command, stdout=sys.stdout, stderr=sys.stderr)
    peak = 0
    while child.poll() is None:
        peak = max(peak, _tree_pss_kb(child.pid))
        time.sleep(0.02)
    seconds = time.monotonic() - start
    with open(out_path, "w") as f:
        f.write("%.2f %d\n" % (seconds, peak))
    return child.returncode


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "measure":
        # measure OUT -- COMMAND...: kept out of argparse so COMMAND's own flags pass through.
        sys.exit(measure(sys.argv[4:], sys.argv[2]))
    p = argparse.ArgumentParser(prog="bench_ingest.py")
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("rows", type=int)
    g.add_argument("out")
    sub.add_parser("version")
    l = sub.add_parser("pyloop")
    l.add_argument("file")
    l.add_argument("--stats")
    n = sub.add_parser("numbers")
    n.add_argument("file")
    n.add_argument("count", type=int)
    n.add_argument("out")
    e = sub.add_parser("pyengine")
    e.add_argument("list")
    er = sub.add_parser("engine-report")
    er.add_argument("--results", required=True)
    er.add_argument("--numbers", type=int, required=True)
    r = sub.add_parser("report")
    r.add_argument("--results", required=True)
    r.add_argument("--rows", type=int, required=True)
    r.add_argument("--sizes", required=True)
    r.add_argument("--file", required=True)
    r.add_argument("--file-label", required=True)
    r.add_argument("--binary", required=True)
    r.add_argument("--verdicts", default="")
    r.add_argument("--timings", default="")
    args = p.parse_args()
    if args.cmd == "generate":
        generate(args.rows, args.out)
    elif args.cmd == "version":
        print(GENERATOR_VERSION)
    elif args.cmd == "pyloop":
        counts = pyloop(args.file, args.stats)
        print(json.dumps(counts), file=sys.stderr)
    elif args.cmd == "report":
        report(args)
    elif args.cmd == "numbers":
        numbers(args.file, args.count, args.out)
    elif args.cmd == "pyengine":
        pyengine(args.list)
    elif args.cmd == "engine-report":
        import phonenumbers
        args.version = phonenumbers.__version__
        engine_report(args)


if __name__ == "__main__":
    main()
