/// The bytes `WorkerPhoneChecker` and `normalize-worker` exchange over a pipe.
///
/// A request is a batch: its count (u32), then per query its region (u8 length + bytes,
/// empty for none) and text (u32 length + bytes). The answer is one verdict per query, in
/// order: a kind byte (0 empty, 1 unparseable + reason, 2 parsed + the description).
/// Little-endian; strings are UTF-8.
enum CheckWire {
    static func encode(_ queries: ArraySlice<PhoneQuery>, into out: inout [UInt8]) {
        out.appendInteger(UInt32(queries.count))
        for query in queries {
            out.appendString(query.region ?? "", lengthBytes: 1)
            out.appendString(query.text, lengthBytes: 4)
        }
    }

    static func decodeQueries(_ reader: inout ByteReader, count: Int) throws -> [PhoneQuery] {
        try (0..<count).map { _ in
            let region = try reader.string(lengthBytes: 1)
            return PhoneQuery(text: try reader.string(lengthBytes: 4), region: region.isEmpty ? nil : region)
        }
    }

    static func encode(_ check: LocalCheck, into out: inout [UInt8]) {
        switch check {
        case .empty:
            out.append(0)
        case .unparseable(let reason):
            out.append(1)
            out.appendString(reason, lengthBytes: 2)
        case .parsed(let number):
            out.append(2)
            out.appendInteger(UInt64(bitPattern: number.e164))
            out.append(number.isValid ? 1 : 0)
            out.append(UInt8(NumberType.allCases.firstIndex(of: number.type)!))
            out.appendString(number.region ?? "", lengthBytes: 1)
            out.appendString(number.national, lengthBytes: 2)
            out.appendString(number.location ?? "", lengthBytes: 2)
            out.appendString(number.invalidReason ?? "", lengthBytes: 2)
        }
    }

    static func decodeCheck(_ reader: inout ByteReader) throws -> LocalCheck {
        switch try reader.byte() {
        case 0: return .empty
        case 1: return .unparseable(reason: try reader.string(lengthBytes: 2))
        case 2:
            let e164 = Int64(bitPattern: try reader.integer(UInt64.self))
            let valid = try reader.byte() == 1
            let typeIndex = Int(try reader.byte())
            guard typeIndex < NumberType.allCases.count else { throw CheckWireError.malformed }
            let region = try reader.string(lengthBytes: 1)
            let national = try reader.string(lengthBytes: 2)
            let location = try reader.string(lengthBytes: 2)
            let reason = try reader.string(lengthBytes: 2)
            return .parsed(NumberDescription(
                e164: e164, region: region.isEmpty ? nil : region, type: NumberType.allCases[typeIndex], isValid: valid,
                national: national, location: location.isEmpty ? nil : location, invalidReason: reason.isEmpty ? nil : reason))
        default:
            throw CheckWireError.malformed
        }
    }
}

enum CheckWireError: Error {
    case malformed
}

extension Array where Element == UInt8 {
    mutating func appendInteger<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    mutating func appendString(_ value: String, lengthBytes: Int) {
        let utf8 = value.utf8
        let limit = lengthBytes >= 4 ? Int(UInt32.max) : (1 << (8 * lengthBytes)) - 1
        let count = Swift.min(utf8.count, limit)
        switch lengthBytes {
        case 1: append(UInt8(count))
        case 2: appendInteger(UInt16(count))
        default: appendInteger(UInt32(count))
        }
        append(contentsOf: utf8.prefix(count))
    }
}

/// Reads what `appendInteger` and `appendString` wrote.
struct ByteReader {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index == bytes.count }

    mutating func byte() throws -> UInt8 {
        guard index < bytes.count else { throw CheckWireError.malformed }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard index + size <= bytes.count else { throw CheckWireError.malformed }
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes[index..<(index + size)]) }
        index += size
        return T(littleEndian: value)
    }

    mutating func string(lengthBytes: Int) throws -> String {
        let count: Int
        switch lengthBytes {
        case 1: count = Int(try byte())
        case 2: count = Int(try integer(UInt16.self))
        default: count = Int(try integer(UInt32.self))
        }
        guard index + count <= bytes.count else { throw CheckWireError.malformed }
        defer { index += count }
        return String(decoding: bytes[index..<(index + count)], as: UTF8.self)
    }
}
