/// `format_number(number, PhoneNumberFormat.NATIONAL)`: the first of the main region's
/// formats whose leading digits and pattern fit, with the national prefix where its rule puts
/// one.
struct NationalFormatter {
    let metadata: Metadata

    func format(_ number: PhoneNumber, withExtension: Bool) -> String {
        let digits = number.nationalNumber
        guard let main = metadata.mainRegion(forCallingCode: number.countryCode) else { return digits.text }
        var formatted = digits.text
        for format in main.formats {
            if format.leading_digits >= 0 && !metadata.prefixMatches(UInt32(format.leading_digits), digits) { continue }
            guard metadata.wholeMatch(format.pattern, digits) != 0 else { continue }
            let program = CapturePattern(metadata: metadata, start: Int32(format.program))!
            let template = metadata.string(Int32(format.national_rule)) ?? ""
            formatted = program.substitute(digits, template: template, groups: 9)
            break
        }
        if withExtension, let digits = number.extensionDigits, !digits.isEmpty {
            formatted += (main.preferredExtensionPrefix ?? " ext. ") + digits
        }
        return formatted
    }
}
