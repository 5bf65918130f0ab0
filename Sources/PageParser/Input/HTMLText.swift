/// An HTML page turned into page text of the shape the text rules read: one block per paragraph,
/// blank lines between blocks, `#` marks for headings and `**` for bold, so that e-paper pages go
/// through the same page rules as text dumps.
///
/// - Blocks: `p`, `div`, `h1`…`h6`, `li`, `td`, `figure`, `figcaption`, `table` rows and the other
///   block elements start and end a block; `br` ends a line inside one.
/// - `img` becomes a markdown image line (`![alt](src)`), and the next text is kept in its block,
///   so that the line printed under a photo is read as its caption.
/// - `script`, `style`, `title`, `template`, `nav` and form controls are dropped with their
///   content; comments, doctypes and processing instructions are dropped.
/// - Character references are decoded; runs of HTML white space collapse to one space.
func htmlPageText(_ html: String) -> String {
    var reader = HTMLReader(Array(html.utf8))
    reader.read()
    return reader.writer.finished()
}

private let blockElements: Set<String> = [
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html",
    "legend", "li", "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
]
/// Elements whose content is raw text up to the matching end tag, and never page text.
private let rawTextSkipped: Set<String> = ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"]
/// Elements whose content is markup but not page text (navigation, controls, drawings).
private let markupSkipped: Set<String> = ["nav", "select", "button", "svg", "math", "object", "template", "canvas", "datalist", "audio", "video"]
private let boldElements: Set<String> = ["b", "strong"]

private struct HTMLReader {
    let bytes: [UInt8]
    var index = 0
    var writer = PageTextWriter()
    /// Inside an element of `markupSkipped`: its name and how deeply it nests in itself.
    var skipping: (name: String, depth: Int)?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func read() {
        var textStart = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            let tagStart = index
            guard let tag = readMarkup() else { index = tagStart + 1; continue }
            if skipping == nil, textStart < tagStart { writer.text(bytes[textStart..<tagStart]) }
            handle(tag)
            textStart = index
        }
        if skipping == nil, textStart < bytes.count { writer.text(bytes[textStart...]) }
    }

    struct Tag {
        var name: String
        var isEnd: Bool
        var attributes: [String: String]
        /// `<x/>`: an element with no content, so there is nothing to skip.
        var selfClosing = false
    }

    /// Reads the markup at `index` (a `<`) and moves past it; nil when the `<` is plain text.
    /// Comments, doctypes and processing instructions come back as a tag named `!`.
    mutating func readMarkup() -> Tag? {
        let next = index + 1
        guard next < bytes.count else { return nil }
        if bytes[next] == UInt8(ascii: "!") || bytes[next] == UInt8(ascii: "?") {
            let closer: [UInt8] = bytes[next...].starts(with: Array("!--".utf8)) ? Array("-->".utf8)
                : bytes[next...].starts(with: Array("![CDATA[".utf8)) ? Array("]]>".utf8) : [UInt8(ascii: ">")]
            index = find(closer, from: next).map { $0 + closer.count } ?? bytes.count
            return Tag(name: "!", isEnd: false, attributes: [:])
        }
        let isEnd = bytes[next] == UInt8(ascii: "/")
        var cursor = isEnd ? next + 1 : next
        guard cursor < bytes.count, isLetter(bytes[cursor]) else { return nil }
        var name = ""
        while cursor < bytes.count, isNameByte(bytes[cursor]) {
            name.append(Character(Unicode.Scalar(lowercased(bytes[cursor]))))
            cursor += 1
        }
        var attributes: [String: String] = [:]
        while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">") {
            if isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "/") { cursor += 1; continue }
            var attribute = ""
            while cursor < bytes.count, !isSpace(bytes[cursor]), ![UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[cursor]) {
                attribute.append(Character(Unicode.Scalar(lowercased(bytes[cursor]))))
                cursor += 1
            }
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else {
                if !attribute.isEmpty { attributes[attribute] = "" }
                if attribute.isEmpty { cursor += 1 }
                continue
            }
            cursor += 1
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            var valueStart = cursor
            var valueEnd = cursor
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
                let quote = bytes[cursor]
                valueStart = cursor + 1
                valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                cursor = min(valueEnd + 1, bytes.count)
            } else {
                while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                valueEnd = cursor
            }
            attributes[attribute] = decodeHTMLEntities(bytes[valueStart..<valueEnd])
        }
        index = min(cursor + 1, bytes.count)
        let selfClosing = cursor > 0 && cursor < bytes.count && bytes[cursor - 1] == UInt8(ascii: "/")
        return Tag(name: name, isEnd: isEnd, attributes: attributes, selfClosing: selfClosing)
    }

    mutating func handle(_ tag: Tag) {
        if tag.name == "!" { return }
        if let skip = skipping {
            guard tag.name == skip.name else { return }
            let depth = skip.depth + (tag.isEnd ? -1 : 1)
            skipping = depth == 0 ? nil : (skip.name, depth)
            return
        }
        if !tag.isEnd, rawTextSkipped.contains(tag.name) {
            let closer = Array("</\(tag.name)".utf8)
            guard let end = find(closer, from: index, caseInsensitive: true) else { index = bytes.count; return }
            index = bytes[end...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count
            return
        }
        if !tag.isEnd, !tag.selfClosing, markupSkipped.contains(tag.name) {
            skipping = (tag.name, 1)
            return
        }
        switch tag.name {
        case "br":
            writer.lineBreak()
        case "img":
            writer.image(alt: tag.attributes["alt"] ?? "", source: tag.attributes["src"] ?? "")
        case "h1", "h2", "h3", "h4", "h5", "h6":
            writer.heading(level: tag.isEnd ? nil : Int(String(tag.name.dropFirst())))
        case "pre":
            writer.blockBreak()
            writer.preformatted += tag.isEnd ? -1 : 1
        default:
            if boldElements.contains(tag.name) {
                tag.isEnd ? writer.closeBold() : writer.openBold()
            } else if blockElements.contains(tag.name) {
                writer.blockBreak()
            }
        }
    }

    func find(_ needle: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
        guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
        var position = start
        while position + needle.count <= bytes.count {
            var matched = true
            for offset in 0..<needle.count {
                let byte = caseInsensitive ? lowercased(bytes[position + offset]) : bytes[position + offset]
                if byte != needle[offset] { matched = false; break }
            }
            if matched { return position }
            position += 1
        }
        return nil
    }
}

/// Writes page text: decides where blank lines go and keeps white space collapsed.
private struct PageTextWriter {
    enum Break: Int, Comparable {
        case none, line, block
        static func < (a: Break, b: Break) -> Bool { a.rawValue < b.rawValue }
    }

    private var out: [UInt8] = []
    private var pendingBreak = Break.none
    private var pendingSpace = false
    private var lineHasText = false
    /// The heading level of the text being written, marked on the line with `#`.
    var headingLevel: Int?
    private var headingMarked = false
    private var boldDepth = 0
    private var boldOpenOnLine = false
    /// An image was just written: the next block stays in its block as the caption.
    private var gluedToImage = false
    var preformatted = 0

    mutating func blockBreak() { requestBreak(.block) }

    /// A heading starts (or ends) its own block, never the caption of an image before it.
    mutating func heading(level: Int?) {
        gluedToImage = false
        requestBreak(.block)
        headingLevel = level
    }
    mutating func lineBreak() {
        // A break inside a headline is where the printed headline wrapped, not a new line.
        if headingLevel != nil, lineHasText { pendingSpace = true } else { requestBreak(.line) }
    }

    private mutating func requestBreak(_ kind: Break) {
        if boldOpenOnLine {
            out.append(contentsOf: Array("**".utf8))
            boldOpenOnLine = false
        }
        pendingBreak = max(pendingBreak, gluedToImage ? min(kind, .line) : kind)
        pendingSpace = false
        headingMarked = false
    }

    mutating func openBold() { boldDepth += 1 }

    mutating func closeBold() {
        guard boldDepth > 0 else { return }
        boldDepth -= 1
        if boldDepth == 0, boldOpenOnLine {
            out.append(contentsOf: Array("**".utf8))
            boldOpenOnLine = false
        }
    }

    mutating func image(alt: String, source: String) {
        requestBreak(.block)
        let clean = { (text: String) in String(text.unicodeScalars.filter { !"[]()\n\r".unicodeScalars.contains($0) }.map(Character.init)) }
        write(Array("![\(clean(alt))](\(clean(source)))".utf8))
        requestBreak(.line)
        gluedToImage = true
    }

    /// Text between tags: references decoded, white space collapsed (kept in `pre`).
    mutating func text(_ raw: ArraySlice<UInt8>) {
        let decoded = Array(decodeHTMLEntities(raw).utf8)
        var run: [UInt8] = []
        for byte in decoded {
            if byte == 0x0A || byte == 0x0D, preformatted > 0 {
                write(run)
                run.removeAll()
                requestBreak(.line)
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                write(run)
                run.removeAll()
                if lineHasText { pendingSpace = true }
            } else {
                run.append(byte)
            }
        }
        write(run)
    }

    private mutating func write(_ run: [UInt8]) {
        guard !run.isEmpty else { return }
        if pendingBreak != .none {
            if !out.isEmpty { out.append(contentsOf: pendingBreak == .block ? [0x0A, 0x0A] : [0x0A]) }
            pendingBreak = .none
            lineHasText = false
            pendingSpace = false
        }
        if let level = headingLevel, !headingMarked, !lineHasText {
            out.append(contentsOf: Array(String(repeating: "#", count: level).utf8) + [0x20])
            headingMarked = true
        }
        if pendingSpace, lineHasText { out.append(0x20) }
        pendingSpace = false
        if boldDepth > 0, !boldOpenOnLine {
            out.append(contentsOf: Array("**".utf8))
            boldOpenOnLine = true
        }
        out.append(contentsOf: run)
        lineHasText = true
        gluedToImage = false
    }

    mutating func finished() -> String {
        requestBreak(.block)
        var text = String(decoding: out, as: UTF8.self)
        text.append("\n")
        return text
    }
}

private func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
private func isNameByte(_ byte: UInt8) -> Bool {
    isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
}
private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
private func lowercased(_ byte: UInt8) -> UInt8 { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte }
