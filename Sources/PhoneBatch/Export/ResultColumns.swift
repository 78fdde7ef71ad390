/// The columns export appends to every row, in order. They are the `pb_` columns of the
/// `row_result` view, so what the auditor queries is what the output says.
public enum ResultColumns {
    public static let names = [
        "pb_status", "pb_e164", "pb_region", "pb_type", "pb_national", "pb_location", "pb_range_carrier", "pb_range_timezones", "pb_provider",
        "pb_line_status", "pb_carrier", "pb_ported", "pb_timezone", "pb_provider_status", "pb_checked_at", "pb_error",
    ]
}
