import ChineseText
/// An article while the assembler is still reading its page.
struct ArticleDraft {
    enum Item {
        case paragraph(String)
        case subheading(String)
    }

    var title: String?
    /// Markdown level of the headline (`#` = 1); nil for a plain headline.
    var titleLevel: Int?
    var kicker: String?
    var subtitle: String?
    var series: String?
    var authors: [Person] = []
    var bylineOrganisation: String?
    var hasByline = false
    var affiliation: String?
    var source: String?
    var items: [Item] = []
    /// Index in `items` of the paragraph a news byline opened, where its dateline is looked for.
    var leadItem: Int?
    /// A closing credit was read: nothing after it belongs to this article.
    var closed = false
    var inDigestSection = false
    /// No banner or editor line stands between this article and the one before it, so an article
    /// with no signal of its own kind takes that one's.
    var continuesSection = false

    var hasBody: Bool { !items.isEmpty }

    /// The last body paragraph stops mid-sentence and nothing has come after it.
    var endsOpen: Bool {
        guard case .paragraph(let text) = items.last else { return false }
        return !textIsComplete(text)
    }

    /// Adds body text, continuing the last paragraph when a column break cut it mid-sentence.
    /// A cut before a typical paragraph opening (`二是`, `下一步`) is not rejoined unless the text
    /// stopped on a pause mark, which always continues.
    mutating func appendBody(_ text: String, openers: [String], startsParagraph: Bool = false) {
        if !startsParagraph, case .paragraph(let previous) = items.last, !textIsComplete(previous) {
            let startsFresh = openers.contains { text.hasPrefix($0) }
            if textEndsWithPause(previous) || !startsFresh {
                items[items.count - 1] = .paragraph(joinColumnBreak(previous, text))
                return
            }
        }
        items.append(.paragraph(text))
    }

    mutating func appendSubheading(_ text: String) {
        items.append(.subheading(text))
    }
}
