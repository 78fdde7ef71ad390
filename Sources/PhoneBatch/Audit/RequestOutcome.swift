/// How a request ended, as `status`, the summary and the report's timeline class it: one
/// SQL expression over `request_log`'s columns, so the three never disagree.
enum RequestOutcome {
    /// `ok`, `rate_limited` (429), `server_error` (5xx), `refused` (other 4xx), `no_answer`
    /// (timeout or dropped connection), `rejected` (an answer not accepted for another reason).
    static let sql = """
        CASE WHEN http_status = 0 THEN 'no_answer'
             WHEN http_status = 429 THEN 'rate_limited'
             WHEN http_status >= 500 THEN 'server_error'
             WHEN http_status >= 400 THEN 'refused'
             WHEN error IS NOT NULL THEN 'rejected'
             ELSE 'ok' END
        """
}
