import ChineseText
import Foundation

/// A page file's bytes as text, with what was used to read them.
struct DecodedPage {
    var text: String
    var encoding: PageEncoding
    var format: PageFormat
}

/// Why bytes could not be read as text (the `PageParseError` reason, as a `Result` failure).
struct DecodeFailure: Error {
    var reason: PageParseError.Reason
    init(_ reason: PageParseError.Reason) { self.reason = reason }
}

struct InvalidByte: Error {
    var byteOffset: Int
}

/// Reads a page file's bytes. The encoding is, in this order: a byte-order mark; the declared
/// charset (an upload's `charset=`, the CLI's `--encoding`); for HTML, its `<meta charset>`;
/// otherwise detected: valid UTF-8 is UTF-8, and bytes that are not UTF-8 but decode cleanly as
/// GB18030 into mostly Chinese text are GB18030. Anything else is the "not UTF-8 at byte N" error.
func decodePage(_ data: Data, fileName: String, format: PageFormat, declaredEncoding: String?,
                minLegacyCJKShare: Double) throws(PageParseError) -> DecodedPage {
    if data.isEmpty { throw PageParseError(file: fileName, reason: .empty) }
    let result: Result<DecodedPage, DecodeFailure> = data.withUnsafeBytes { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        let isHTML = format == .html || (format == .auto && (hasHTMLExtension(fileName) || sniffsAsHTML(bytes)))
        let chosen: Result<(String, PageEncoding), DecodeFailure>
        if let (encoding, bomLength) = byteOrderMark(bytes) {
            chosen = decode(UnsafeBufferPointer(rebasing: bytes[bomLength...]), as: encoding).map { ($0, encoding) }
        } else if let declaredEncoding {
            guard let encoding = PageEncoding(charsetLabel: declaredEncoding) else {
                return .failure(DecodeFailure(.unsupportedEncoding(declaredEncoding)))
            }
            chosen = decode(bytes, as: encoding).map { ($0, encoding) }
        } else if isHTML, let label = metaCharset(bytes) {
            guard let encoding = PageEncoding(charsetLabel: label) else { return .failure(DecodeFailure(.unsupportedEncoding(label))) }
            chosen = decodeDeclaredInDocument(bytes, as: encoding, minCJKShare: minLegacyCJKShare)
        } else {
            chosen = detect(bytes, minCJKShare: minLegacyCJKShare)
        }
        return chosen.map { text, encoding in
            let pageFormat: PageFormat = format == .auto ? (isHTML || sniffsAsHTML(text) ? .html : .text) : format
            return DecodedPage(text: text, encoding: encoding, format: pageFormat)
        }
    }
    switch result {
    case .success(let page): return page
    case .failure(let failure): throw PageParseError(file: fileName, reason: failure.reason)
    }
}

func hasHTMLExtension(_ fileName: String) -> Bool {
    let lower = fileName.lowercased()
    return [".html", ".htm", ".xhtml", ".shtml"].contains { lower.hasSuffix($0) }
}

private func byteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> (PageEncoding, Int)? {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
    if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
    if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
    if bytes.starts(with: [0x84, 0x31, 0x95, 0x33]) { return (.gb18030, 4) }
    return nil
}

private func decode(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: PageEncoding) -> Result<String, DecodeFailure> {
    switch encoding {
    case .utf8:
        if bytes.contains(0) { return .failure(DecodeFailure(.binary)) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(DecodeFailure(.notUTF8(byteOffset: firstInvalidUTF8Offset(bytes))))
        }
        return .success(text)
    case .utf16LittleEndian, .utf16BigEndian:
        return decodeUTF16(bytes, bigEndian: encoding == .utf16BigEndian)
            .mapError { DecodeFailure(.invalidBytes(encoding: encoding, byteOffset: $0.byteOffset)) }
    case .gb18030:
        if bytes.contains(0) { return .failure(DecodeFailure(.binary)) }
        switch GB18030Decoder.decode(bytes) {
        case .text(let text): return .success(text)
        case .invalid(let offset): return .failure(DecodeFailure(.invalidBytes(encoding: .gb18030, byteOffset: offset)))
        }
    }
}

/// A page's own `<meta charset>` is often stale: pages saved again as UTF-8 keep the old label. So
/// valid UTF-8 with non-ASCII text is read as UTF-8 whatever the label says, and a label of UTF-8
/// on bytes that are not is answered by detection.
private func decodeDeclaredInDocument(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: PageEncoding,
                                      minCJKShare: Double) -> Result<(String, PageEncoding), DecodeFailure> {
    switch encoding {
    case .utf8:
        return detect(bytes, minCJKShare: minCJKShare)
    case .gb18030:
        if bytes.contains(where: { $0 >= 0x80 }), !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) {
            return .success((text, .utf8))
        }
        return decode(bytes, as: encoding).map { ($0, encoding) }
    case .utf16LittleEndian, .utf16BigEndian:
        // An ASCII-compatible meta tag cannot truly declare UTF-16 (browsers read such pages as UTF-8).
        return detect(bytes, minCJKShare: minCJKShare)
    }
}

private func detect(_ bytes: UnsafeBufferPointer<UInt8>, minCJKShare: Double) -> Result<(String, PageEncoding), DecodeFailure> {
    if bytes.contains(0) { return .failure(DecodeFailure(.binary)) }
    if let text = String(validating: bytes, as: UTF8.self) { return .success((text, .utf8)) }
    if case .text(let text) = GB18030Decoder.decode(bytes), isMostlyChinese(text, minShare: minCJKShare) {
        return .success((text, .gb18030))
    }
    return .failure(DecodeFailure(.notUTF8(byteOffset: firstInvalidUTF8Offset(bytes))))
}

/// Most characters beyond ASCII are Chinese characters or Chinese punctuation: what GB18030 text
/// decodes to, and what Latin-1 or random bytes that happen to decode do not.
func isMostlyChinese(_ text: String, minShare: Double) -> Bool {
    var nonASCII = 0
    var chinese = 0
    for scalar in text.unicodeScalars where scalar.value >= 0x80 {
        nonASCII += 1
        if scalar.isWide || (0xFF01...0xFF5E).contains(scalar.value) { chinese += 1 }
    }
    return nonASCII > 0 && Double(chinese) >= Double(nonASCII) * minShare
}

private func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> Result<String, InvalidByte> {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = 0
    while index + 1 < bytes.count {
        let a = UInt16(bytes[index])
        let b = UInt16(bytes[index + 1])
        units.append(bigEndian ? a << 8 | b : b << 8 | a)
        index += 2
    }
    if index < bytes.count { return .failure(InvalidByte(byteOffset: index)) }
    var scalars = String.UnicodeScalarView()
    var decoder = UTF16()
    var iterator = units.makeIterator()
    var consumed = 0
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
            scalars.append(scalar)
            consumed += UTF16.width(scalar)
        case .emptyInput:
            return .success(String(scalars))
        case .error:
            return .failure(InvalidByte(byteOffset: consumed * 2))
        }
    }
}

/// Where UTF-8 decoding first fails, for an error message a person can act on.
func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var consumed = 0
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): consumed += UTF8.width(scalar)
        case .emptyInput, .error: return consumed
        }
    }
}

// MARK: - HTML sniffing

/// Tags an HTML page or fragment opens with; text pages never start with one of these.
private let openingTags: Set<String> = [
    "!doctype", "!--", "html", "head", "body", "meta", "title", "link", "style", "script", "base",
    "p", "div", "span", "br", "h1", "h2", "h3", "h4", "h5", "h6", "table", "article", "section",
    "header", "main", "ul", "ol", "li", "img", "figure", "font", "center", "strong", "b", "a", "?xml",
]

private func sniffsAsHTML(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(bytes[index]) { index += 1 }
    guard index < bytes.count, bytes[index] == UInt8(ascii: "<") else { return false }
    index += 1
    let rest = bytes[index...]
    if rest.starts(with: Array("!--".utf8)) { return true }
    var name: [UInt8] = []
    if let first = rest.first, first == UInt8(ascii: "!") || first == UInt8(ascii: "?") {
        name.append(first)
        index += 1
    }
    while index < bytes.count, name.count < 10, isLabelByte(bytes[index] | 0x20), bytes[index] != UInt8(ascii: "-") {
        name.append(bytes[index] | 0x20)
        index += 1
    }
    return openingTags.contains(String(decoding: name, as: UTF8.self))
}

func sniffsAsHTML(_ text: String) -> Bool {
    Array(text.utf8.prefix(64)).withUnsafeBufferPointer { sniffsAsHTML($0) }
}

/// The charset a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">` in the first
/// kilobytes names (the HTML prescan, simplified: ASCII-compatible bytes, first match wins).
func metaCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let head = bytes.prefix(4096).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    let needle = Array("<meta".utf8)
    var index = 0
    while index + needle.count <= head.count {
        guard head[index..<(index + needle.count)].elementsEqual(needle) else { index += 1; continue }
        let end = head[index...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
        let tag = Array(head[index..<end])
        if let label = charsetValue(in: tag) { return label }
        index = end
    }
    return nil
}

private func charsetValue(in tag: [UInt8]) -> String? {
    let key = Array("charset".utf8)
    var index = 0
    while index + key.count <= tag.count {
        guard tag[index..<(index + key.count)].elementsEqual(key) else { index += 1; continue }
        var cursor = index + key.count
        while cursor < tag.count, tag[cursor] == 0x20 { cursor += 1 }
        guard cursor < tag.count, tag[cursor] == UInt8(ascii: "=") else { index += 1; continue }
        cursor += 1
        while cursor < tag.count, [0x20, UInt8(ascii: "\""), UInt8(ascii: "'")].contains(tag[cursor]) { cursor += 1 }
        var label: [UInt8] = []
        while cursor < tag.count, isLabelByte(tag[cursor]) {
            label.append(tag[cursor])
            cursor += 1
        }
        return label.isEmpty ? nil : String(decoding: label, as: UTF8.self)
    }
    return nil
}

private func isLabelByte(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
}
