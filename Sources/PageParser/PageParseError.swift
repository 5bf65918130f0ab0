import ChineseText
/// Why a page file could not be read as a page. The description names the file, so the server
/// log and the CLI can print it as is.
public struct PageParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Not UTF-8, and not recognisably another supported encoding either.
        case notUTF8(byteOffset: Int)
        /// The encoding was declared (or marked by a byte-order mark) but the bytes break it.
        case invalidBytes(encoding: PageEncoding, byteOffset: Int)
        /// A declared charset this parser does not read (`big5`, a typo …).
        case unsupportedEncoding(String)
        case binary
        case empty
        case noArticles
    }

    public let file: String
    public let reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var message: String {
        switch reason {
        case .notUTF8(let offset):
            return "not valid UTF-8 text (first invalid byte at offset \(offset)), nor GB18030/GBK Chinese text"
        case .invalidBytes(let encoding, let offset):
            return "not valid \(encoding.rawValue) text (first invalid byte at offset \(offset))"
        case .unsupportedEncoding(let label):
            let supported = PageEncoding.allCases.map(\.rawValue).joined(separator: ", ")
            return "unsupported character encoding '\(label)' (supported: \(supported), and GBK/GB2312 as GB18030)"
        case .binary: return "binary data, not page text (contains NUL or control bytes)"
        case .empty: return "empty page: no text at all"
        case .noArticles: return "no recognisable article: no headline, author, credit or body paragraph long enough to be one"
        }
    }

    public var description: String { "\(file): \(message)" }
}
