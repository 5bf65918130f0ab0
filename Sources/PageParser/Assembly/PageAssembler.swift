import ChineseText
/// Reads a page's units in order and decides which article each belongs to. The state is the
/// article being read, the headline stack not yet placed, and captions not yet attached.
///
/// The rules, in the order a reader applies them:
/// - Short unpunctuated lines pile up as a headline stack until something else comes. Column names
///   in it are banners; the last remaining line is the headline, the one above a kicker when it
///   looks like one (ends in a dash or names a place), and the rest banners.
/// - A stack followed by an author line or a byline always starts an article. Followed by body
///   text, a stack of two lines starts one; a single line is a subheading inside an open article,
///   a headline after a closed one, and ordinary text when it is the tail of a cut paragraph.
/// - A closing credit ends an article; body text after it starts a new one, untitled if need be. So
///   does a byline in brackets after the text (`（记者 唐亮 通讯员 李青）`).
/// - Folio lines (paper, edition date, page label, section) are page furniture; a date alone on a
///   line is one only where it stands among page furniture.
struct PageAssembler {
    let recognizers: Recognizers
    var configuration: ParserConfiguration { recognizers.configuration }

    private(set) var drafts: [ArticleDraft] = []
    private(set) var banners: [String] = []
    private(set) var editors: [EditorCredit] = []
    private(set) var emails: [String] = []
    private(set) var pageNumbers: [String] = []
    private(set) var furniture: [String] = []
    private(set) var newspaper: String?
    private(set) var printedDate: String?
    private(set) var pageLabel: String?
    /// A section named on a folio line (`第09版：理论`).
    private(set) var folioSection: String?
    /// What each unit turned out to be, by position: where the page's furniture clusters are.
    private(set) var marks: [LayoutMark] = []
    private(set) var captionPlacements: [CaptionPlacement] = []
    /// Text that looked like body but had no article to go to (an orphan credit, say).
    private(set) var orphans: [String] = []

    private var stack: [Unit] = []
    private var current: Int?
    private var pendingSeries: String?
    private var floatingCaptions: [Int] = []
    private var digestSection = false
    /// A banner or an editor line separates page sections; articles do not run across it.
    private var sectionBreak = false

    enum LayoutMark: Equatable {
        /// Captions and photos: neither article text nor furniture.
        case neutral
        /// Part of an article: headline, byline, body, credit.
        case content
        /// Page furniture that only a page head or foot prints: folio, page label, editor line, e-mail.
        case anchor
        case banner(String)
    }

    struct CaptionPlacement {
        var caption: Caption
        var previous: Int?
        var next: Int?
    }

    init(recognizers: Recognizers) {
        self.recognizers = recognizers
    }

    mutating func read(_ units: [Unit]) {
        marks = Array(repeating: .neutral, count: units.count)
        for (index, unit) in units.enumerated() {
            read(unit, following: units[(index + 1)...])
        }
        // Headings left at the end of the page are empty section heads.
        closeStackAsBanners()
    }

    // MARK: - One unit

    private mutating func read(_ unit: Unit, following: ArraySlice<Unit>) {
        switch unit.kind {
        case .editors, .emails, .pageNumber, .notice: marks[unit.index] = .anchor
        case .body, .authorLine, .byline, .credit, .series: marks[unit.index] = .content
        case .heading, .caption, .image, .folio: break
        }
        switch unit.kind {
        case .editors(let credits):
            editors += credits
            furniture.append(unit.raw)
            sectionBreak = true
        case .emails(let found):
            emails += found
            furniture.append(unit.raw)
        case .pageNumber:
            pageNumbers.append(unit.text)
            pageLabel = pageLabel ?? unit.text
            furniture.append(unit.raw)
        case .notice, .image:
            furniture.append(unit.raw)
        case .folio(let folio):
            if folio.isDateOnly, !standsAmongFurniture(unit, following: following) {
                // A dated line closing a notice or a letter, not the edition's date.
                marks[unit.index] = .content
                readBody(unit)
                return
            }
            readFolio(folio, unit: unit)
        case .heading:
            stack.append(unit)
        case .caption(let captions):
            for caption in captions {
                captionPlacements.append(CaptionPlacement(caption: caption, previous: current, next: nil))
                floatingCaptions.append(captionPlacements.count - 1)
            }
        case .series:
            if stack.isEmpty, let index = current, !drafts[index].closed, !drafts[index].hasBody {
                drafts[index].series = unit.text
            } else {
                pendingSeries = unit.text
            }
        case .authorLine(let names):
            readAuthorLine(unit, names: names, following: following)
        case .byline(let byline):
            readStandaloneByline(byline)
        case .credit(let credit):
            readStandaloneCredit(credit, unit: unit)
        case .body:
            readBody(unit)
        }
    }

    private mutating func readFolio(_ folio: Folio, unit: Unit) {
        marks[unit.index] = .anchor
        furniture.append(unit.raw)
        printedDate = printedDate ?? folio.date
        pageLabel = pageLabel ?? folio.pageLabel
        folioSection = folioSection ?? folio.section
        if newspaper == nil { newspaper = folio.newspaper }
        editors += folio.editors
        sectionBreak = true
    }

    /// A unit stands among page furniture when furniture is printed right before or after it, or
    /// when nothing of an article has been read yet.
    private func standsAmongFurniture(_ unit: Unit, following: ArraySlice<Unit>) -> Bool {
        if current == nil, stack.isEmpty { return true }
        if unit.index > 0, marks[unit.index - 1] == .anchor { return true }
        guard let next = following.first else { return false }
        if case .folio(let folio) = next.kind { return !folio.isDateOnly }
        return next.isFurniture && !isImage(next)
    }

    private func isImage(_ unit: Unit) -> Bool {
        if case .image = unit.kind { return true } else { return false }
    }

    private mutating func readAuthorLine(_ unit: Unit, names: [String], following: ArraySlice<Unit>) {
        let people = names.map { Person(name: $0, role: .author) }
        let next = following.first(where: { !$0.isFurniture })
        // A name-shaped line right before another author line or byline is a headline, and so is one
        // written as a heading with no headline above it.
        if let next, isAuthorOrByline(next), stack.isEmpty || !stackHasHeadline() {
            pushAsHeading(unit)
            return
        }
        if unit.isHeadingStyled, !stackHasHeadline() {
            pushAsHeading(unit)
            return
        }
        if !stack.isEmpty {
            startArticleFromStack()
            drafts[current!].authors += people
            return
        }
        if let index = current, !drafts[index].closed, !sectionBreak {
            if !drafts[index].hasBody {
                drafts[index].authors += people
                return
            }
            // An author printed at the end of the text, with a headline or the page end after it.
            if drafts[index].authors.isEmpty, next.map({ !$0.isBody }) ?? true {
                drafts[index].authors += people
                return
            }
        }
        startArticle(title: nil)
        drafts[current!].authors += people
    }

    private mutating func pushAsHeading(_ unit: Unit) {
        marks[unit.index] = .neutral
        var heading = unit
        heading.kind = .heading(level: unit.markdown.headingLevel, bold: unit.markdown.isFullyBold)
        stack.append(heading)
    }

    private func isAuthorOrByline(_ unit: Unit) -> Bool {
        switch unit.kind {
        case .authorLine, .byline: return true
        default: return false
        }
    }

    private func stackHasHeadline() -> Bool {
        stack.contains { !recognizers.furniture.isColumnName($0.text) }
    }

    private mutating func readStandaloneByline(_ byline: Byline) {
        noteOrganisation(byline.organisation)
        if !stack.isEmpty {
            startArticleFromStack()
        } else if !currentTakesByline() {
            startArticle(title: nil)
        }
        let index = current!
        addByline(byline, to: index)
        // A bracketed byline after the text closes its article.
        if byline.enclosed, drafts[index].hasBody { drafts[index].closed = true }
    }

    private mutating func addByline(_ byline: Byline, to index: Int) {
        drafts[index].authors += byline.people
        drafts[index].hasByline = true
        drafts[index].bylineOrganisation = drafts[index].bylineOrganisation ?? byline.organisation
    }

    /// The article being read takes a byline printed on its own line: it has none yet, and either
    /// no body (the byline under the headline) or no authors (a byline printed after the lead).
    private func currentTakesByline() -> Bool {
        guard let index = current, !drafts[index].closed, !sectionBreak, !drafts[index].hasByline else { return false }
        return !drafts[index].hasBody || drafts[index].authors.isEmpty
    }

    private mutating func readStandaloneCredit(_ credit: ClosingCredit, unit: Unit) {
        // Short lines before a credit are the cut tail of the last paragraph, not headlines.
        if !stack.isEmpty, let index = current, !drafts[index].closed {
            for line in stack {
                drafts[index].appendBody(line.text, openers: configuration.paragraphOpeners)
                marks[line.index] = .content
            }
            stack.removeAll()
        } else if !stack.isEmpty {
            closeStackAsBanners()
        }
        guard let index = current, !drafts[index].closed else {
            orphans.append(unit.text)
            return
        }
        apply(credit, to: index)
    }

    private mutating func apply(_ credit: ClosingCredit, to index: Int) {
        if let affiliation = credit.affiliation { drafts[index].affiliation = affiliation }
        if let source = credit.source { drafts[index].source = source }
        drafts[index].authors += credit.authors.map { Person(name: $0, role: .author) }
        drafts[index].closed = true
    }

    // MARK: - Body text

    private mutating func readBody(_ unit: Unit) {
        var text = unit.text
        var lead: String?
        // `**编者按:**…` is a label of the paragraph, not a subheading.
        if configuration.boldLeadsAreSubheadings, let boldLead = unit.markdown.boldLead, !isEditorialLabel(boldLead.lead) {
            lead = normalizeSpaces(boldLead.lead)
            text = dropLeadingPunctuation(boldLead.rest)
        }
        var startedHere = false
        // Furniture between two halves of a cut paragraph (an editor line in the middle of a
        // column) does not end the article: the text goes on.
        if stack.isEmpty, sectionBreak, let index = current, !drafts[index].closed, drafts[index].endsOpen {
            sectionBreak = false
        }
        if !stack.isEmpty, lead == nil, opensNextArticle(unit.text) {
            // A lead byline starts its own article: the heading above it is that article's headline.
            startArticleFromStack()
            startedHere = true
        } else if !stack.isEmpty {
            switch resolveStackBeforeBody(unit.text) {
            case .startedArticle:
                startedHere = true
            case .prependToBody(let prefix):
                text = joinColumnBreak(prefix, unit.text)
                lead = nil
            case .placed:
                break
            }
        }

        var isLead = false
        if lead == nil, let byline = recognizers.bylines.leading(text) {
            noteOrganisation(byline.organisation)
            let needsNewArticle: Bool
            if startedHere {
                needsNewArticle = false
            } else if let index = current, !drafts[index].closed, !sectionBreak {
                // A lead paragraph the layout printed after other text of its article still
                // belongs to it, as long as the article has no byline of its own.
                needsNewArticle = drafts[index].hasByline || (drafts[index].hasBody && !drafts[index].authors.isEmpty)
            } else {
                needsNewArticle = true
            }
            if needsNewArticle { startArticle(title: nil) }
            addByline(byline, to: current!)
            text = byline.rest
            isLead = true
        }

        let credit = recognizers.credits.trailingCredit(in: text)
        if let credit { text = credit.remainder }
        var trailingByline: Byline?
        if credit == nil, let found = recognizers.bylines.trailing(text) {
            text = found.remainder
            trailingByline = found.byline
            noteOrganisation(found.byline.organisation)
        }

        if current == nil || drafts[current!].closed || sectionBreak {
            guard !text.isEmpty || lead != nil || credit != nil || trailingByline != nil else { return }
            startArticle(title: nil)
        }
        floatingCaptions.removeAll()
        let index = current!
        if let lead { drafts[index].appendSubheading(lead) }
        if !text.isEmpty {
            if isLead { drafts[index].leadItem = drafts[index].items.count }
            drafts[index].appendBody(text, openers: configuration.paragraphOpeners, startsParagraph: isLead)
        }
        if let credit { apply(credit, to: index) }
        if let trailingByline {
            addByline(trailingByline, to: index)
            drafts[index].closed = true
        }
    }

    /// The text opens with a news byline (`本报讯（记者 王蕾）…`) that the article being read cannot
    /// take, because it has a byline of its own.
    private func opensNextArticle(_ text: String) -> Bool {
        guard recognizers.bylines.leading(text) != nil else { return false }
        guard let index = current, !drafts[index].closed, !sectionBreak else { return true }
        return drafts[index].hasByline
    }

    private func isEditorialLabel(_ text: String) -> Bool {
        let label = String(text.unicodeScalars.filter { !$0.isColon && !$0.isSpaceLike }.map(Character.init))
        return configuration.editorialTitles.contains(label)
    }

    private enum StackResolution {
        case startedArticle
        case prependToBody(String)
        case placed
    }

    /// Decides what the headline stack is, given that body text follows it.
    private mutating func resolveStackBeforeBody(_ body: String) -> StackResolution {
        let hadColumnName = stack.contains { recognizers.furniture.isColumnName($0.text) }
        let entries = stack.filter { !recognizers.furniture.isColumnName($0.text) }
        if hadColumnName { noteSectionBanners() }

        if entries.count >= 2 {
            startArticleFromStack()
            return .startedArticle
        }
        guard let entry = entries.first else {
            stack.removeAll()
            return .placed
        }
        marks[entry.index] = .content
        let open = current.map { !drafts[$0].closed && !sectionBreak } ?? false
        guard case .heading(let level, let bold) = entry.kind else {
            startArticleFromStack()
            return .startedArticle
        }
        if let level {
            // Only an article whose own headline was a markdown heading has a heading hierarchy.
            if open, let index = current, let titleLevel = drafts[index].titleLevel, level > titleLevel {
                stack.removeAll()
                drafts[index].appendSubheading(entry.text)
                return .placed
            }
            startArticleFromStack()
            return .startedArticle
        }
        if bold {
            if open, let index = current {
                stack.removeAll()
                drafts[index].appendSubheading(entry.text)
                return .placed
            }
            startArticleFromStack()
            return .startedArticle
        }
        if open, let index = current, drafts[index].endsOpen {
            // The tail of a paragraph a column break cut off.
            stack.removeAll()
            drafts[index].appendBody(entry.text, openers: [])
            return .placed
        }
        if open, !entry.text.unicodeScalars.contains(where: \.isSpaceLike), closesWithinTail(body) {
            stack.removeAll()
            return .prependToBody(entry.text)
        }
        if open, let index = current, drafts[index].hasBody || drafts[index].title != nil || !drafts[index].authors.isEmpty {
            stack.removeAll()
            drafts[index].appendSubheading(entry.text)
            return .placed
        }
        startArticleFromStack()
        return .startedArticle
    }

    /// `现代化。主体协同…`: the text opens with a full stop within a few characters, so the short
    /// line before it was the start of that sentence. (A question mark does not count: a short
    /// question often follows a subheading, `改造方案怎么定?`.)
    private func closesWithinTail(_ body: String) -> Bool {
        for (offset, scalar) in body.unicodeScalars.enumerated() {
            if offset > configuration.continuationTailMaxLength { return false }
            if scalar == "。" || scalar == "." { return offset > 0 }
            if scalar.isSentenceFinal || scalar.isClausePause || scalar.isColon { return false }
        }
        return false
    }

    private func dropLeadingPunctuation(_ text: String) -> String {
        String(scalars: text.unicodeScalars.drop(while: { $0.isSentenceFinal || $0.isClausePause || $0.isSpaceLike }))
    }

    // MARK: - Starting articles

    /// Starts an article from the headline stack. Column names in it are banners. The headline is
    /// the last other line, or where the lines are set with different prominence (heading levels,
    /// then bold, then plain), the most prominent one (`<h3>` kicker, `<h1>` headline, `<h2>`
    /// subtitle in e-paper pages; a bold headline between plain lines). The line above it is its
    /// kicker when it is a lesser heading, looks like one (a dash at its end, a place name) or is a
    /// plain line longer than a column label; the line under it is its subtitle when it opens with
    /// a dash or is set less prominently.
    private mutating func startArticleFromStack() {
        var entries = stack
        stack.removeAll()
        var columnNames: [Unit] = []
        entries.removeAll { entry in
            let isColumn = recognizers.furniture.isColumnName(entry.text)
            if isColumn { columnNames.append(entry) }
            return isColumn
        }
        for name in columnNames { addBanner(name) }
        if !columnNames.isEmpty { sectionBreak = true }
        if columnNames.contains(where: { configuration.digestSectionNames.contains($0.text) }) {
            digestSection = true
        } else if !columnNames.isEmpty {
            digestSection = false
        }

        // `——记…` under a headline is its subtitle.
        var subtitle: Unit?
        if entries.count >= 2, let last = entries.last, last.text.hasPrefix("——") || last.text.hasPrefix("—") {
            subtitle = last
            entries.removeLast()
        }
        let ranks = entries.map(prominence)
        var headIndex = entries.count - 1
        if let top = ranks.min(), ranks.contains(where: { $0 > top }) {
            headIndex = ranks.lastIndex(of: top)!
        }
        guard headIndex >= 0 else {
            startArticle(title: nil)
            drafts[current!].subtitle = subtitle.map { normalizeSpaces($0.text) }
            subtitle.map { marks[$0.index] = .content }
            return
        }
        let headline = entries[headIndex]
        var below = Array(entries[(headIndex + 1)...])
        if subtitle == nil, let first = below.first, prominence(first) > prominence(headline) {
            subtitle = first
            below.removeFirst()
        }
        var above = Array(entries[..<headIndex])
        var kicker: Unit?
        if let line = above.last, isLesserHeading(line, than: headline) || isKicker(line.text) || isPlainKicker(line) {
            kicker = line
            above.removeLast()
        }
        let banners = above + below
        for banner in banners { addBanner(banner) }
        if !banners.isEmpty { sectionBreak = true }
        for unit in [kicker, headline, subtitle].compactMap({ $0 }) { marks[unit.index] = .content }
        startArticle(title: normalizeSpaces(headline.text), level: headingLevel(headline))
        drafts[current!].kicker = kicker.map { normalizeSpaces($0.text) }
        drafts[current!].subtitle = subtitle.map { normalizeSpaces($0.text) }
    }

    /// A plain line over a headline is its kicker when it is longer than a column label
    /// (`雨花区天然气入户改造完成过半`), a banner when it is as short as one (`基层学报告`).
    private func isPlainKicker(_ line: Unit) -> Bool {
        !line.isHeadingStyled && line.text.scalarCount >= configuration.minPlainKickerLength
    }

    /// How prominently a stack line is set: markdown heading levels 1 to 6, then a whole bold line
    /// (7), then a plain line (8).
    private func prominence(_ unit: Unit) -> Int {
        if case .heading(let level, let bold) = unit.kind { return level ?? (bold ? 7 : 8) }
        return 8
    }

    private func headingLevel(_ unit: Unit) -> Int? {
        if case .heading(let level, _) = unit.kind { return level }
        return nil
    }

    /// Both are set as headings (markdown or bold), and this one less prominently (`###` against `#`).
    private func isLesserHeading(_ unit: Unit, than headline: Unit) -> Bool {
        unit.isHeadingStyled && prominence(unit) > prominence(headline)
    }

    private func isKicker(_ text: String) -> Bool {
        let trimmed = text.trimmedSpaces
        if trimmed.hasSuffix("——") || trimmed.hasSuffix("—") || trimmed.hasSuffix("──") { return true }
        if trimmed.hasSuffix(":") || trimmed.hasSuffix("：") { return true }
        return recognizers.furniture.isLocalityLine(trimmed)
    }

    private mutating func startArticle(title: String?, level: Int? = nil) {
        var draft = ArticleDraft()
        draft.title = title
        draft.titleLevel = level
        draft.inDigestSection = digestSection
        draft.continuesSection = current != nil && !sectionBreak
        if let series = pendingSeries {
            draft.series = series
            pendingSeries = nil
        }
        drafts.append(draft)
        let newIndex = drafts.count - 1
        for placement in floatingCaptions { captionPlacements[placement].next = newIndex }
        floatingCaptions.removeAll()
        current = newIndex
        sectionBreak = false
    }

    // MARK: - Furniture

    private mutating func noteSectionBanners() {
        var kept: [Unit] = []
        for entry in stack {
            if recognizers.furniture.isColumnName(entry.text) {
                addBanner(entry)
                sectionBreak = true
                if configuration.digestSectionNames.contains(entry.text) {
                    digestSection = true
                } else {
                    digestSection = false
                }
            } else {
                kept.append(entry)
            }
        }
        stack = kept
    }

    private mutating func addBanner(_ unit: Unit) {
        let banner = normalizeSpaces(unit.text)
        marks[unit.index] = .banner(banner)
        banners.append(banner)
        furniture.append(banner)
        if newspaper == nil, let name = recognizers.furniture.newspaperName(in: banner) { newspaper = name }
    }

    private mutating func noteOrganisation(_ organisation: String?) {
        guard newspaper == nil, let organisation else { return }
        newspaper = recognizers.furniture.newspaperName(openingOrganisation: organisation)
    }

    private mutating func closeStackAsBanners() {
        for entry in stack { addBanner(entry) }
        stack.removeAll()
    }

    // MARK: - Section

    /// The section the page head names: on a folio line, or a banner of a section's form that stands
    /// in a cluster of page furniture (next to the folio, the editor line, the page label) or opens
    /// the page. Column banners in the middle of the text (`观点摘编`) are not the page's section.
    func pageSection() -> String? {
        if let folioSection { return folioSection }
        for (index, mark) in marks.enumerated() {
            guard case .banner(let text) = mark, recognizers.folios.isSectionName(text) else { continue }
            if marks[..<index].allSatisfy({ $0 == .neutral }) || furnitureCluster(around: index).contains(.anchor) {
                return text
            }
        }
        return nil
    }

    /// The marks around a position up to the nearest article text on either side.
    private func furnitureCluster(around index: Int) -> [LayoutMark] {
        var cluster: [LayoutMark] = []
        var left = index - 1
        while left >= 0, marks[left] != .content {
            cluster.append(marks[left])
            left -= 1
        }
        var right = index + 1
        while right < marks.count, marks[right] != .content {
            cluster.append(marks[right])
            right += 1
        }
        return cluster
    }
}
