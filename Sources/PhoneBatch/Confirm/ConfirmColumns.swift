/// The columns Phone Confirm appends, as the views `confirm_place_result` and
/// `confirm_check_result` of schema.sql give them.
public enum ConfirmColumns {
    /// The provider of a Phone Confirm job: its calls are batches of this provider.
    public static let provider = "xverify"

    /// `confirm place`: the local verdict (why a row was not called), then the call.
    public static let place = ["pb_status", "pb_e164", "pb_error", "pb_confirm_transaction", "pb_confirm_status", "pb_confirm_message"]

    /// `confirm verify`: verified, wrong_code, expired or error, and what Xverify said.
    public static let verify = ["pb_confirm_status", "pb_confirm_message"]
}
