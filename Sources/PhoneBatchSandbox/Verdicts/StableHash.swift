/// FNV-1a, 64 bits: the same text gives the same number on every machine and every run,
/// which is what makes the sandbox's verdicts deterministic across restarts.
enum StableHash {
    static func of(_ parts: String...) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash ^= 0xff
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
