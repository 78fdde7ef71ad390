/// The calls Xverify placed: each transaction number with the code it read out.
actor XverifyCalls {
    private var codes: [String: String] = [:]
    private var next = 100_000_000

    func place(code: String) -> String {
        next += 1
        let transaction = String(next)
        codes[transaction] = code
        return transaction
    }

    func code(for transaction: String) -> String? { codes[transaction] }

    func reset() {
        codes = [:]
    }
}
