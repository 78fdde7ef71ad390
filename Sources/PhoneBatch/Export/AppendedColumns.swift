/// The columns an export appends to each input row, and where the database keeps them: a
/// view with `row_no` and one column per name. The auditor's query and the output agree
/// because both read the same view.
public struct AppendedColumns: Sendable, Equatable {
    public var names: [String]
    /// The view (or table) holding the columns, one row per input row.
    var view: String
    /// Restricts the view to one input's rows (`confirm verify` keeps every file it reads).
    var inputID: Int64?

    /// `run`: the verdict of each row (`row_result`).
    public static let verdict = AppendedColumns(names: ResultColumns.names, view: "row_result")

    /// `confirm place`: the local verdict, then the call.
    public static let confirmPlace = AppendedColumns(names: ConfirmColumns.place, view: "confirm_place_result")

    /// `confirm verify`: what Xverify said of each code typed back, for one verify input.
    public static func confirmVerify(inputID: Int64) -> AppendedColumns {
        AppendedColumns(names: ConfirmColumns.verify, view: "confirm_check_result", inputID: inputID)
    }

    /// Whether these are the verdict columns, which the summary's breakdowns, `--only` and
    /// `--rejects` read.
    var isVerdict: Bool { view == AppendedColumns.verdict.view }

    /// The query that gives `row_no` and the columns, in row order.
    var query: String {
        "SELECT row_no, \(names.joined(separator: ", ")) FROM \(view)"
            + (inputID == nil ? "" : " WHERE input_id = ?") + " ORDER BY row_no"
    }
}
