/// How a page file is marked up. `auto` decides from the file name and the first bytes.
public enum PageFormat: String, Sendable, Hashable, CaseIterable {
    case auto, text, html
}

/// The character encoding a page file was read in (`rawValue` is its IANA name).
public enum PageEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    /// Also used for GBK and GB2312, which are subsets of it.
    case gb18030 = "GB18030"

    /// The encoding a charset label names (`gbk`, `UTF-8`, `csGB2312` …), matched the way browsers
    /// match labels: case-insensitively, ignoring surrounding spaces and quotes. Nil when unsupported.
    public init?(charsetLabel: String) {
        let label = charsetLabel.trimmingCharacters(in: " \t\"'").lowercased()
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "us-ascii", "ascii": self = .utf8
        case "utf-16le", "utf-16", "unicode", "ucs-2", "csunicode": self = .utf16LittleEndian
        case "utf-16be", "unicodefffe": self = .utf16BigEndian
        case "gb18030", "gbk", "gb2312", "gb_2312", "gb_2312-80", "csgb2312", "x-gbk", "cp936", "ms936",
             "windows-936", "chinese", "euc-cn", "iso-ir-58", "csiso58gb231280":
            self = .gb18030
        default: return nil
        }
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        let unwanted = Set(set.unicodeScalars)
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !unwanted.contains($0) }),
              let last = scalars.lastIndex(where: { !unwanted.contains($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
