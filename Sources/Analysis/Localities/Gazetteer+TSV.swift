import PageParser
import Foundation

/// `config/gazetteer.tsv`: one place per line, five tab-separated columns (code, parent code,
/// level, official name, comma-separated short forms); `#` lines are comments. Read byte by byte,
/// since the whole country (42 000 lines) is loaded at every start.
extension Gazetteer {
    public static func load(contentsOf url: URL) throws -> Gazetteer {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigurationError(file: url.path, reason: "cannot read file")
        }
        do {
            return try Gazetteer(entries: parseTSV(data))
        } catch {
            throw ConfigurationError(file: url.path, reason: error.description)
        }
    }

    /// The entries of a gazetteer file, in file order.
    public static func parseTSV(_ data: Data) throws(GazetteerError) -> [GazetteerEntry] {
        var entries: [GazetteerEntry] = []
        var lineNumber = 0
        var failure: GazetteerError?
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            while lineStart < bytes.count, failure == nil {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                lineNumber += 1
                var end = lineEnd
                if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                if end > lineStart, bytes[lineStart] != UInt8(ascii: "#") {
                    do throws(GazetteerError) {
                        entries.append(try entry(UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), line: lineNumber))
                    } catch {
                        failure = error
                    }
                }
                lineStart = lineEnd + 1
            }
        }
        if let failure { throw failure }
        return entries
    }

    private static func entry(_ line: UnsafeBufferPointer<UInt8>, line number: Int) throws(GazetteerError) -> GazetteerEntry {
        let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        guard fields.count == 5 else {
            throw .malformedLine(line: number, reason: "expected 5 tab-separated columns, found \(fields.count)")
        }
        let code = String(decoding: fields[0], as: UTF8.self)
        guard isDivisionCode(fields[0]) else { throw .malformedLine(line: number, reason: "code '\(code)' is not 6 or 9 digits") }
        guard fields[1].isEmpty || isDivisionCode(fields[1]) else {
            throw .malformedLine(line: number, reason: "parent code of \(code) is not 6 or 9 digits")
        }
        let levelName = String(decoding: fields[2], as: UTF8.self)
        guard let level = PlaceLevel(rawValue: levelName) else {
            throw .malformedLine(line: number, reason: "unknown level '\(levelName)' for \(code)")
        }
        guard !fields[3].isEmpty else { throw .malformedLine(line: number, reason: "no name for \(code)") }
        let shortNames = fields[4].split(separator: UInt8(ascii: ",")).map { String(decoding: $0, as: UTF8.self) }
        return GazetteerEntry(code: code, name: String(decoding: fields[3], as: UTF8.self), level: level,
                              parentCode: fields[1].isEmpty ? nil : String(decoding: fields[1], as: UTF8.self),
                              shortNames: shortNames)
    }

    private static func isDivisionCode(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        (field.count == 6 || field.count == 9) && field.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
