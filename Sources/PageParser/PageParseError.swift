import ChineseText
/// Why a page file could not be read as a page. The description names the file, so the server
/// log and the CLI can print it as is.
public struct PageParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case notUTF8(byteOffset: Int)
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
        case .notUTF8(let offset): return "not valid UTF-8 text (first invalid byte at offset \(offset))"
        case .binary: return "binary data, not page text (contains NUL or control bytes)"
        case .empty: return "empty page: no text at all"
        case .noArticles: return "no recognisable article: no headline, author, credit or body paragraph long enough to be one"
        }
    }

    public var description: String { "\(file): \(message)" }
}
