/// `format_number(number, PhoneNumberFormat.NATIONAL)`: the first of the main region's
/// formats whose leading digits and pattern fit, with the national prefix where its rule puts
/// one.
struct NationalFormatter {
    unowned(unsafe) let metadata: Metadata

    func format(_ number: PhoneNumber, withExtension: Bool) -> String {
        guard let main = metadata.mainRegion(forCallingCode: number.countryCode) else { return number.nationalNumber.text }
        var formatted = number.nationalNumber.withView { digits -> String in
            for format in main.formats {
                if format.leading_digits >= 0 && !metadata.prefixMatches(UInt32(format.leading_digits), digits) { continue }
                guard metadata.wholeMatch(format.pattern, digits) != 0 else { continue }
                let program = CapturePattern(metadata: metadata, start: Int32(format.program))!
                return program.substitute(digits, template: metadata.tables.strings[Int(format.national_rule)]!)
            }
            return digits.text
        }
        if withExtension, let digits = number.extensionDigits, !digits.isEmpty {
            formatted += (main.preferredExtensionPrefix ?? " ext. ") + digits
        }
        return formatted
    }
}
