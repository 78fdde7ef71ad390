/// Where Phone Confirm's files go when the user does not say.
public enum ConfirmPaths {
    /// `contacts.confirm.sqlite` beside the input: never a `run` job's file.
    public static func database(for input: String) -> String {
        let (directory, stem) = DefaultPaths.stem(of: input)
        return "\(directory)/\(stem).confirm.sqlite"
    }

    /// `contacts.calls.csv` beside the input.
    public static func placeOutput(for input: String, format: OutputFormat) -> String {
        let (directory, stem) = DefaultPaths.stem(of: input)
        return "\(directory)/\(stem).calls.\(format.fileExtension)"
    }

    /// `typed.verified.csv` beside the verify input.
    public static func verifyOutput(for input: String, format: OutputFormat) -> String {
        let (directory, stem) = DefaultPaths.stem(of: input)
        return "\(directory)/\(stem).verified.\(format.fileExtension)"
    }
}
