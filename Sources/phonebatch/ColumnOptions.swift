import ArgumentParser
import PhoneBatch

/// How the input is read: its separator and the columns that hold the phone number and the
/// country. Shared by `run`, `plan` and `confirm place`, which read an input the same way.
struct ColumnOptions: ParsableArguments {
    @Option(name: .customLong("phone-column"), help: "The phone column: a header name or a 1-based number (default: found from the header, else the content).")
    var phoneColumn: String?

    @Option(name: .customLong("country-column"), help: "A column of ISO 3166 codes or English country names that sets each row's country (default: one named like 'Country'; '' for none).")
    var countryColumn: String?

    @Option(name: .customLong("default-country"), help: "The country of national numbers in rows with no country (ISO 3166 code or English name).")
    var defaultCountry: String?

    @Option(help: "The field separator: , ; | or tab (default: detected).")
    var delimiter: String?

    func apply(to options: inout RunOptions) {
        options.phoneColumn = phoneColumn
        options.countryColumn = countryColumn
        options.defaultCountry = defaultCountry
        options.delimiter = delimiter
    }
}
