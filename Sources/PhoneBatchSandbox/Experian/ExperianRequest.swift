import Foundation

/// Reads a create-batch body as strictly as the OpenAPI document describes it: unknown
/// fields refused, 1 to 10,000 phones, `batch_reference_id` matching its pattern,
/// `max_processing_time` an ISO 8601 duration from PT1M to PT24H.
enum ExperianRequest {
    struct Problem: Error {
        var detail: String
    }

    static let topKeys: Set<String> = ["defaults", "phones"]
    static let defaultKeys: Set<String> = ["output_format", "country_iso", "get_ported_date", "supplementary_live_status",
                                           "batch_reference_id", "max_processing_time"]
    static let phoneKeys: Set<String> = ["number", "country_iso"]
    static let referencePattern = try! NSRegularExpression(pattern: #"^[\w\-\/\:\.\,\(\) ]+$"#)

    static func parse(_ bytes: [UInt8]) -> Result<([ExperianBatches.Phone], ExperianBatches.Config, String?), Problem> {
        guard let body = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return .failure(Problem(detail: "The body is not a JSON object"))
        }
        if let unknown = Set(body.keys).subtracting(topKeys).sorted().first {
            return .failure(Problem(detail: "Unknown field '\(unknown)'"))
        }
        guard let phones = body["phones"] as? [[String: Any]], (1...ExperianImitation.maximumPhones).contains(phones.count) else {
            return .failure(Problem(detail: "phones must hold 1 to \(ExperianImitation.maximumPhones) objects"))
        }
        var parsedPhones: [ExperianBatches.Phone] = []
        for phone in phones {
            if let unknown = Set(phone.keys).subtracting(phoneKeys).sorted().first {
                return .failure(Problem(detail: "Unknown field 'phones[].\(unknown)'"))
            }
            guard let number = phone["number"] as? String, number.count <= 1000 else {
                return .failure(Problem(detail: "phones[].number must be a string of at most 1000 characters"))
            }
            parsedPhones.append(.init(number: number, countryISO: phone["country_iso"] as? String))
        }
        var config = ExperianBatches.Config()
        var reference: String?
        if let defaults = body["defaults"] {
            guard let defaults = defaults as? [String: Any] else { return .failure(Problem(detail: "defaults must be an object")) }
            if let unknown = Set(defaults.keys).subtracting(defaultKeys).sorted().first {
                return .failure(Problem(detail: "Unknown field 'defaults.\(unknown)'"))
            }
            config.outputFormat = defaults["output_format"] as? String
            config.countryISO = defaults["country_iso"] as? String
            config.getPortedDate = defaults["get_ported_date"] as? Bool
            if let live = defaults["supplementary_live_status"] as? [String: Any] {
                config.liveStatusMobile = live["mobile"] as? [String]
                config.liveStatusLandline = live["landline"] as? [String]
            }
            if let text = defaults["batch_reference_id"] as? String {
                let range = NSRange(text.startIndex..., in: text)
                guard text.count <= 256, referencePattern.firstMatch(in: text, range: range) != nil else {
                    return .failure(Problem(detail: "defaults.batch_reference_id must be at most 256 characters of letters, digits and _-/:.,() "))
                }
                reference = text
            }
            if let duration = defaults["max_processing_time"] as? String {
                guard let seconds = seconds(ofDuration: duration), (60...86_400).contains(seconds) else {
                    return .failure(Problem(detail: "defaults.max_processing_time must be an ISO 8601 duration from PT1M to PT24H"))
                }
                config.maxProcessingSeconds = seconds
                config.maxProcessingTime = duration
            }
        }
        return .success((parsedPhones, config, reference))
    }

    /// Seconds in a `PT#H#M#S` duration.
    static func seconds(ofDuration text: String) -> Double? {
        guard text.hasPrefix("PT"), text.count > 2 else { return nil }
        var total = 0.0, digits = ""
        for character in text.dropFirst(2) {
            if character.isNumber { digits.append(character); continue }
            guard let value = Double(digits) else { return nil }
            switch character {
            case "H": total += value * 3600
            case "M": total += value * 60
            case "S": total += value
            default: return nil
            }
            digits = ""
        }
        return digits.isEmpty ? total : nil
    }
}
