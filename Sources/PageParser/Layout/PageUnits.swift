import ChineseText
import Foundation

/// The page text cut into units: the smallest pieces the assembler reasons about. A unit is one
/// printed line, except that a caption block stays whole and hard-wrapped lines of one paragraph
/// are joined back.
struct Unit {
    enum Kind {
        /// A headline, kicker, column name or subheading candidate: short and unpunctuated, or
        /// marked up as a heading (`level`) or as a whole bold line.
        case heading(level: Int?, bold: Bool)
        case body
        case authorLine([String])
        case byline(Byline)
        case credit(ClosingCredit)
        /// Usually one caption; several when one block describes several photos.
        case caption([Caption])
        case editors([EditorCredit])
        case emails([String])
        case pageNumber
        case folio(Folio)
        /// A legal notice (版权所有, Copyright).
        case notice
        /// A photo (`![alt](src)`, as the HTML reader writes `img`) with no caption under it.
        case image
        case series
    }

    var kind: Kind
    /// The text without markdown marks.
    var text: String
    /// The source lines, verbatim.
    var raw: String
    var markdown: MarkdownLine
    /// Position on the page, in reading order.
    var index = 0

    var isBody: Bool { if case .body = kind { return true } else { return false } }
    var isFurniture: Bool {
        switch kind {
        case .editors, .emails, .pageNumber, .folio, .notice, .image: return true
        default: return false
        }
    }
    /// Written as a heading (markdown `#` or a whole bold line).
    var isHeadingStyled: Bool { markdown.headingLevel != nil || markdown.isFullyBold }
}

struct Recognizers {
    let configuration: ParserConfiguration
    let names: PersonNames
    let bylines: BylineRecognizer
    let credits: CreditRecognizer
    let captions: CaptionRecognizer
    let furniture: FurnitureRecognizer
    let folios: FolioRecognizer

    init(configuration: ParserConfiguration) {
        self.configuration = configuration
        names = PersonNames(surnames: configuration.surnames)
        bylines = BylineRecognizer(configuration: configuration, names: names)
        credits = CreditRecognizer(configuration: configuration, names: names)
        captions = CaptionRecognizer(configuration: configuration, names: names, bylines: bylines)
        furniture = FurnitureRecognizer(configuration: configuration, names: names)
        folios = FolioRecognizer(configuration: configuration, furniture: furniture)
    }
}

/// Blocks are runs of non-blank lines. A block whose lines end with a photo credit is one caption,
/// and so are the lines under a photo (an image line) in its block; otherwise every line is its own
/// unit, after hard-wrapped lines are joined.
func pageUnits(_ text: String, recognizers: Recognizers) -> [Unit] {
    var units: [Unit] = []
    var block: [String] = []
    func addCaption(_ caption: Caption, raw: [String]) {
        let raw = raw.joined(separator: "\n")
        units.append(Unit(kind: .caption(recognizers.captions.split(caption)), text: caption.text, raw: raw,
                          markdown: MarkdownLine(caption.text)))
    }
    func flush() {
        defer { block.removeAll(keepingCapacity: true) }
        var lines = block[...]
        while let first = lines.first, isImageLine(first) {
            units.append(Unit(kind: .image, text: first.trimmedSpaces, raw: first, markdown: MarkdownLine("")))
            lines = lines.dropFirst()
            guard let next = lines.first, !isImageLine(next) else { continue }
            // The photo's caption, unless the text under it is a heading or too long for one.
            if !next.trimmedSpaces.hasPrefix("#"), let caption = recognizers.captions.imageCaption(lines: Array(lines)) {
                addCaption(caption, raw: Array(lines))
                return
            }
        }
        guard !lines.isEmpty else { return }
        if lines.count > 1, let caption = recognizers.captions.caption(lines: Array(lines)) {
            addCaption(caption, raw: Array(lines))
            return
        }
        let standsAlone: (String) -> Bool = { line in
            recognizers.bylines.standalone(line) != nil
                || authorLineNames(line, configuration: recognizers.configuration, names: recognizers.names) != nil
        }
        for line in unwrapLines(Array(lines), configuration: recognizers.configuration, standsAlone: standsAlone) {
            units.append(classify(line, recognizers: recognizers))
        }
    }
    forEachLine(in: text) { line in
        if line.unicodeScalars.allSatisfy(\.isSpaceLike) {
            flush()
        } else {
            block.append(String(line))
        }
    }
    flush()
    for index in units.indices { units[index].index = index }
    return units
}

/// `![alt](src)`: a photo, as the HTML reader writes an `img`.
func isImageLine(_ line: String) -> Bool {
    let text = line.trimmedSpaces
    return text.hasPrefix("![") && text.hasSuffix(")") && text.contains("](")
}

/// Calls `body` with each line, split at LF, CRLF or CR by scanning bytes (splitting a String by
/// Character would segment graphemes across the whole page).
func forEachLine(in text: String, _ body: (Substring) -> Void) {
    let utf8 = text.utf8
    var start = utf8.startIndex
    var index = start
    while index != utf8.endIndex {
        let byte = utf8[index]
        if byte == 0x0A || byte == 0x0D {
            body(text[start..<index])
            var next = utf8.index(after: index)
            if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            start = next
            index = next
        } else {
            index = utf8.index(after: index)
        }
    }
    if start != utf8.endIndex { body(text[start...]) }
}

/// Joins lines of one block that are hard-wrapped text: lines about as long as the block's longest
/// line that stop mid-sentence continue on the next line. Short lines (headlines, names) stay apart,
/// and so does a heading-shaped line from a next line that `standsAlone` (an author line or byline
/// printed without a blank line under its headline: in a two-line block the headline is the longest
/// line, so its length alone says nothing).
func unwrapLines(_ lines: [String], configuration: ParserConfiguration, standsAlone: (String) -> Bool = { _ in false }) -> [String] {
    guard lines.count > 1 else { return lines.map(\.trimmedSpaces) }
    let trimmed = lines.map(\.trimmedSpaces)
    let longest = trimmed.map(\.scalarCount).max() ?? 0
    let fullWidth = max(configuration.wrappedLineMinLength, Int((Double(longest) * configuration.wrappedLineRatio).rounded(.up)))
    var result: [String] = []
    var carry: String?
    for (index, line) in trimmed.enumerated() {
        let joined = carry.map { joinColumnBreak($0, line) } ?? line
        let headsWhatFollows = carry == nil && index + 1 < trimmed.count && line.scalarCount <= configuration.maxHeadingLength
            && looksLikeHeading(line, configuration: configuration) && standsAlone(trimmed[index + 1])
        if line.scalarCount >= fullWidth, !textIsComplete(line), !line.hasPrefix("#"), !headsWhatFollows {
            carry = joined
        } else {
            result.append(joined)
            carry = nil
        }
    }
    if let carry { result.append(carry) }
    return result
}

func classify(_ line: String, recognizers: Recognizers) -> Unit {
    let configuration = recognizers.configuration
    let markdown = MarkdownLine(line)
    let text = markdown.text
    func unit(_ kind: Unit.Kind) -> Unit { Unit(kind: kind, text: text, raw: line, markdown: markdown) }

    if let editorLine = recognizers.furniture.editorLine(text) {
        if !editorLine.prefix.isEmpty, var folio = recognizers.folios.folio(editorLine.prefix) {
            folio.editors = editorLine.credits
            return unit(.folio(folio))
        }
        return unit(.editors(editorLine.credits))
    }
    if let emails = recognizers.furniture.furnitureEmails(text) { return unit(.emails(emails)) }
    if recognizers.furniture.isLegalNotice(text) { return unit(.notice) }
    if recognizers.furniture.isPageNumber(text) { return unit(.pageNumber) }
    if let folio = recognizers.folios.folio(text) { return unit(.folio(folio)) }
    if let credit = recognizers.credits.trailingCredit(in: text), credit.remainder.isEmpty {
        return unit(.credit(credit))
    }
    if let caption = recognizers.captions.caption(lines: [text]) { return unit(.caption(recognizers.captions.split(caption))) }
    // Everything below applies to short lines only; long ones are body text.
    guard text.hasAtMost(max(configuration.maxHeadingLength, configuration.maxAuthorLineLength) * 2) else { return unit(.body) }
    // Column names first: `智库·理论` is shaped like a transliterated name but is a column.
    if recognizers.furniture.isColumnName(text) {
        return unit(.heading(level: markdown.headingLevel, bold: markdown.isFullyBold))
    }
    let plain = markdown.headingLevel == nil && !markdown.isFullyBold
    if plain, let byline = recognizers.bylines.standalone(text) { return unit(.byline(byline)) }
    // A name written as a heading (`<h4>` in an e-paper page) is an author line too; the assembler
    // decides from what stands above it whether it is the byline or itself a headline.
    if let names = authorLineNames(text, configuration: configuration, names: recognizers.names) {
        return unit(.authorLine(names))
    }
    if plain, recognizers.furniture.isSeries(text) { return unit(.series) }
    if let level = markdown.headingLevel { return unit(.heading(level: level, bold: markdown.isFullyBold)) }
    if markdown.isFullyBold, text.scalarCount <= configuration.maxHeadingLength * 2 {
        return unit(.heading(level: nil, bold: true))
    }
    if text.scalarCount <= configuration.maxHeadingLength, looksLikeHeading(text, configuration: configuration) {
        return unit(.heading(level: nil, bold: false))
    }
    return unit(.body)
}

/// A short line is a heading candidate unless its punctuation says it is running text: it ends a
/// sentence or a clause, opens with a bracket, pauses more often than a headline does
/// (`积极高效的组织力,激发了…,小区外围…,一家餐厅`), or opens like a paragraph and pauses
/// (`三是从重点企业、龙头企业延伸…`).
func looksLikeHeading(_ text: String, configuration: ParserConfiguration) -> Bool {
    let scalars = Array(text.unicodeScalars)
    guard let last = scalars.last, let first = scalars.first else { return false }
    if last.isSentenceFinal || last.isClausePause || last.isColon { return false }
    if last.isClosingMark, scalars.count >= 2, scalars[scalars.count - 2].isSentenceFinal { return false }
    if first.isOpeningParenthesis { return false }
    // An opening quote or bracket left open means the line was cut mid-sentence.
    if hasUnclosedMark(scalars) { return false }
    let pauses = scalars.filter(\.isClausePause).count
    if pauses > configuration.maxHeadingPauses { return false }
    if pauses > 0, configuration.paragraphOpeners.contains(where: { text.hasPrefix($0) }) { return false }
    return true
}

/// The text ends a sentence (possibly inside closing quotes) or introduces what follows with a
/// colon: a column break after it is a real paragraph end.
func textIsComplete(_ text: String) -> Bool {
    var scalars = text.unicodeScalars.reversed().drop(while: \.isSpaceLike)
    while let last = scalars.first, last.isClosingMark {
        scalars = scalars.dropFirst()
        if let next = scalars.first, next.isSentenceFinal || next.isColon { return true }
    }
    guard let last = scalars.first else { return true }
    return last.isSentenceFinal || last.isColon
}

/// The text stops on a pause mark (，、；): it certainly continues.
func textEndsWithPause(_ text: String) -> Bool {
    guard let last = text.unicodeScalars.reversed().first(where: { !$0.isSpaceLike }) else { return false }
    return last.isClausePause
}

/// More opening than closing quotes or brackets (`深入实施“双十双百双`).
func hasUnclosedMark(_ scalars: [Unicode.Scalar]) -> Bool {
    var depth = 0
    for scalar in scalars {
        switch scalar {
        case "“", "‘", "《", "「", "『", "(", "（", "[", "【", "〈": depth += 1
        case "”", "’", "》", "」", "』", ")", "）", "]", "】", "〉": depth -= 1
        default: break
        }
    }
    return depth > 0
}
