import Foundation
import PhoneBatch

/// The calls Xverify placed, in placing order: each transaction number with the code it read
/// out, when it was placed (on the sandbox's clock, so that a test can age a code past its
/// lifetime without waiting), and the call's parameters as the client sent them, so that
/// `GET /_sandbox/xverify/calls` shows what a client really asked for.
actor XverifyCalls {
    /// A call's parameters as the query carried them; nil for one not sent.
    struct Parameters: Sendable {
        var phone: String
        var countryCode: String?
        var code: String
        var redialCount: String?
        var redialInterval: String?
        var callTime: String?
        /// Which spelling carried the call time: `call_place_tile` (documented) or `call_place_time`.
        var callTimeParameter: String?
    }

    struct Call: Sendable {
        let transaction: String
        let parameters: Parameters
        let placedAt: Date

        var json: JSONValue {
            [
                "transaction_number": .string(transaction),
                "phone": .string(parameters.phone),
                "country_code": .optional(parameters.countryCode),
                "code": .string(parameters.code),
                "redial_count": .optional(parameters.redialCount),
                "redial_interval": .optional(parameters.redialInterval),
                "call_time": .optional(parameters.callTime),
                "call_time_parameter": .optional(parameters.callTimeParameter),
            ]
        }
    }

    private var calls: [Call] = []
    private var byTransaction: [String: Int] = [:]
    /// Kept across resets, so that a transaction number from before one never names a later call.
    private var next = 100_000_000

    /// Records a call placed at `time` and returns its transaction number.
    func place(_ parameters: Parameters, at time: Date) -> String {
        next += 1
        let transaction = String(next)
        byTransaction[transaction] = calls.count
        calls.append(Call(transaction: transaction, parameters: parameters, placedAt: time))
        return transaction
    }

    func call(for transaction: String) -> Call? {
        byTransaction[transaction].map { calls[$0] }
    }

    /// `{"calls": [...]}`, in placing order.
    func listing() -> JSONValue {
        ["calls": .array(calls.map(\.json))]
    }

    func reset() {
        calls = []
        byTransaction = [:]
    }
}
