/// The loop of a `phonebatch normalize-worker` process: reads batches of phone queries on
/// standard input, answers each with its verdicts on standard output, until input closes
/// (which is also what happens when the parent dies, so a worker never outlives it).
public enum NormalizeWorker {
    /// - Parameter cacheLimit: entries in each of the normalizer's caches; the parent splits
    ///   one budget across its workers, so memory does not grow with their number.
    public static func serve(input: Int32 = 0, output: Int32 = 1, cacheLimit: Int) throws {
        var normalizer = PhoneNormalizer()
        normalizer.cacheLimit = cacheLimit
        do {
            try serve(&normalizer, input: input, output: output)
        } catch FrameIO.Failure.closed {
            // The parent went away mid-frame (killed, or stopped at once): nothing to say.
        }
    }

    private static func serve(_ normalizer: inout PhoneNormalizer, input: Int32, output: Int32) throws {
        while let request = try FrameIO.read(from: input) {
            var reader = ByteReader(request)
            let count = Int(try reader.integer(UInt32.self))
            let queries = try CheckWire.decodeQueries(&reader, count: count)
            var answer: [UInt8] = []
            answer.reserveCapacity(queries.count * 64)
            for query in queries {
                CheckWire.encode(normalizer.check(query.text, region: query.region), into: &answer)
            }
            try FrameIO.write(answer, to: output)
        }
    }
}
