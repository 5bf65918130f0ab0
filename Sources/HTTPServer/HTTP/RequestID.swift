/// A request's id: the client's `X-Request-Id` when it is 1–128 characters of
/// `[A-Za-z0-9._:-]` (safe to log and to echo), otherwise one made from a
/// random per-process prefix, the loop and a per-loop counter, which is unique
/// within the process without any shared counter. A generated id is only turned
/// into a String if a handler asks for it; the engine writes its bytes directly.
struct RequestID: Sendable {
    private enum Storage: Sendable {
        case generated(loop: Int, serial: UInt64)
        case client(String)
    }

    private let storage: Storage

    static let maxLength = 128

    /// 64 random bits as 16 lowercase hex digits, drawn once per process.
    static let processPrefix: [UInt8] = {
        var generator = SystemRandomNumberGenerator()
        return hexDigits(generator.next(), width: 16)
    }()

    init(loop: Int, serial: UInt64) { storage = .generated(loop: loop, serial: serial) }

    init(client: String) { storage = .client(client) }

    /// The client's value if acceptable.
    static func accepting(_ value: UnsafeBufferPointer<UInt8>) -> String? {
        guard !value.isEmpty, value.count <= maxLength, value.allSatisfy(isIDByte) else { return nil }
        return String(decoding: value, as: UTF8.self)
    }

    @inline(__always) static func isIDByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    var text: String {
        switch storage {
        case .client(let value): value
        case .generated(let loop, let serial): String(decoding: Self.generatedBytes(loop: loop, serial: serial), as: UTF8.self)
        }
    }

    func write(into out: ByteBuffer) {
        switch storage {
        case .client(let value): out.append(value)
        case .generated(let loop, let serial):
            out.append(Self.processPrefix)
            out.appendByte(UInt8(ascii: "-"))
            out.appendHex(UInt64(loop))
            out.appendByte(UInt8(ascii: "-"))
            out.appendHex(serial)
        }
    }

    private static func generatedBytes(loop: Int, serial: UInt64) -> [UInt8] {
        processPrefix + [UInt8(ascii: "-")] + hexDigits(UInt64(loop), width: 1) + [UInt8(ascii: "-")] + hexDigits(serial, width: 1)
    }

    /// Lowercase hex, at least `width` digits.
    static func hexDigits(_ value: UInt64, width: Int) -> [UInt8] {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        var v = value
        repeat {
            out.append(digits[Int(v & 0xF)])
            v >>= 4
        } while v > 0 || out.count < width
        return out.reversed()
    }
}
