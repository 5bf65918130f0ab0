import Foundation

/// URLs of the API's resources: every reference carries one.
enum Links {
    static let base = "/api/v1"

    static func article(_ id: String) -> String { "\(base)/articles/\(segment(id))" }
    static func page(_ id: String) -> String { "\(base)/pages/\(segment(id))" }
    static func pageRaw(_ id: String) -> String { "\(base)/pages/\(segment(id))/raw" }
    static func author(_ id: String) -> String { "\(base)/authors/\(segment(id))" }
    static func locality(_ id: String) -> String { "\(base)/localities/\(segment(id))" }
    static func initiative(_ id: String) -> String { "\(base)/initiatives/\(segment(id))" }
    static func tag(_ id: String) -> String { "\(base)/tags/\(segment(id))" }
    static func edition(_ date: String) -> String { "\(base)/editions/\(date)" }

    /// Percent-encodes one path segment (ids may hold CJK: 六单工作法 → %E5%85%AD…).
    static func segment(_ text: String) -> String { percentEncode(text) }
}

/// Percent-encodes everything but unreserved characters (RFC 3986 §2.3).
func percentEncode(_ text: String) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count * 3)
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            out.append(byte)
        default:
            // Every link of every response passes here: no String(format:), which costs microseconds.
            out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
    }
    return String(decoding: out, as: UTF8.self)
}
