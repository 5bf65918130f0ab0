import ChineseText
import Foundation

/// Photo captions: a short block that ends with a photo credit (`吴楚/摄`, `记者谭昕吾摄`,
/// `受访企业供图`) and not with a sentence.
struct CaptionRecognizer {
    let configuration: ParserConfiguration
    let names: PersonNames
    let bylines: BylineRecognizer
    private let endings: [TextPattern]

    init(configuration: ParserConfiguration, names: PersonNames, bylines: BylineRecognizer) {
        self.configuration = configuration
        self.names = names
        self.bylines = bylines
        endings = configuration.captionCreditEndings.map { TextPattern("*" + $0) }
    }

    /// The caption with its credit, if these lines (one block) are a caption.
    func caption(lines: [String]) -> Caption? {
        let lines = lines.map(\.trimmedSpaces).filter { !$0.isEmpty }
        // Cheap rejection first: body lines end with a sentence mark and captions never do.
        guard let lastLine = lines.last, let lastScalar = lastLine.unicodeScalars.last, !lastScalar.isSentenceFinal,
              lines.reduce(0, { $0 + $1.utf8.count }) <= configuration.maxCaptionLength * 4
        else { return nil }
        // A credit on a line of its own (`吴楚/摄` under the caption lines) is set off by a space.
        if lines.count > 1, isCredit(lastLine) {
            let text = joinCaptionLines(Array(lines.dropLast())) + " " + lastLine
            return text.scalarCount <= configuration.maxCaptionLength ? Caption(text: text, credit: lastLine) : nil
        }
        let text = joinCaptionLines(lines)
        guard text.scalarCount <= configuration.maxCaptionLength,
              let last = text.unicodeScalars.last, !last.isSentenceFinal,
              let credit = credit(atEndOf: text)
        else { return nil }
        return Caption(text: text, credit: credit)
    }

    /// The text printed under a photo (an image line in the page text): a caption whatever it ends
    /// with, its credit taken when there is one.
    func imageCaption(lines: [String]) -> Caption? {
        let lines = lines.map(\.trimmedSpaces).filter { !$0.isEmpty }
        guard let lastLine = lines.last else { return nil }
        if lines.count > 1, isCredit(lastLine) {
            let text = joinCaptionLines(Array(lines.dropLast())) + " " + lastLine
            return text.scalarCount <= configuration.maxCaptionLength ? Caption(text: text, credit: lastLine) : nil
        }
        let text = joinCaptionLines(lines)
        guard text.scalarCount <= configuration.maxCaptionLength else { return nil }
        return Caption(text: text, credit: credit(atEndOf: text))
    }

    /// One caption per photo where a caption block describes several (`▲ 田心路通车▼老旧小区加装电梯`):
    /// split at the pointing marks, the marks dropped. A credit printed once at the end belongs to
    /// every part that has none of its own.
    func split(_ caption: Caption) -> [Caption] {
        guard configuration.captionSplitMarkers.contains(where: caption.text.contains) else { return [caption] }
        let shared = caption.credit
        let markers = configuration.captionSplitMarkers.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        let scalars = Array(caption.text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if let marker = markers.first(where: { scalars.hasWord($0, at: index) }) {
                parts.append(String(current))
                current = String.UnicodeScalarView()
                index += marker.count
            } else {
                current.append(scalars[index])
                index += 1
            }
        }
        parts.append(String(current))
        return parts.map(\.trimmedSpaces).filter { !$0.isEmpty }.map { part in
            if let own = credit(atEndOf: part) { return Caption(text: part, credit: own) }
            return Caption(text: shared.map { "\(part) \($0)" } ?? part, credit: shared)
        }
    }

    /// The people a photo credit names (`记者 李涛 摄` → 李涛), to find the article whose byline they are in.
    func photographers(in credit: String) -> [String] {
        var who = credit.trimmedSpaces
        for ending in configuration.photographerCreditEndings where who.hasSuffix(ending) {
            who = String(who.dropLast(ending.count)).trimmedSpaces
            break
        }
        if let found = names.names(in: who) { return found }
        for agency in configuration.captionAgencies where who.hasPrefix(agency) {
            who = String(who.dropFirst(agency.count))
        }
        return bylines.standalone(who)?.people.map(\.name) ?? []
    }

    /// The longest valid credit at the end of the text, starting after a space, a punctuation mark
    /// or at the start of the text.
    func credit(atEndOf text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        let limit = configuration.maxCaptionCreditLength
        var start = max(0, scalars.count - limit)
        while start < scalars.count {
            let boundary = start == 0 || scalars[start - 1].isSpaceLike || scalars[start - 1].isSentenceFinal
                || scalars[start - 1].isClausePause || scalars[start - 1].isClosingMark
                || scalars[start - 1].isWidePunctuation
            if boundary {
                let candidate = String(scalars: scalars[start...]).trimmedSpaces
                if isCredit(candidate) { return candidate }
            }
            start += 1
        }
        return nil
    }

    private func isCredit(_ candidate: String) -> Bool {
        guard !candidate.isEmpty, endings.contains(where: { $0.matches(candidate) }) else { return false }
        // `…摄` needs a photographer before it: a name, or a byline label and a name.
        for ending in configuration.photographerCreditEndings where candidate.hasSuffix(ending) {
            let who = String(candidate.dropLast(ending.count)).trimmedSpaces
            if who.isEmpty { return false }
            if names.names(in: who) != nil { return true }
            if bylines.standalone(who) != nil { return true }
            // `新华社记者 张三`: an agency before a labelled name.
            return configuration.captionAgencies.contains { agency in
                who.hasPrefix(agency) && bylines.standalone(String(who.dropFirst(agency.count))) != nil
            }
        }
        return true
    }
}

/// Caption lines are printed next to a photo; joined, they read as one text. Lines meet without
/// a space between wide characters, and the credit is set off by one space.
func joinCaptionLines(_ lines: [String]) -> String {
    var text = ""
    for line in lines.map(\.trimmedSpaces) where !line.isEmpty {
        if text.isEmpty {
            text = line
        } else if let last = text.unicodeScalars.last, let first = line.unicodeScalars.first,
                  !spaceIsMeaningful(between: last, and: first) {
            text += line
        } else {
            text += " " + line
        }
    }
    return text
}
