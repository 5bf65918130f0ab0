import ChineseText
import Foundation

/// Turns the assembler's drafts into the final page: demotes too-small drafts to fragments,
/// cleans and deduplicates paragraphs, standardises punctuation, attaches captions, decides kinds
/// and display titles, assigns ids, and reads the edition's metadata off the furniture.
func finishPage(_ assembler: PageAssembler, fileName: String, recognizers: Recognizers) -> Page {
    let configuration = recognizers.configuration
    let id = pageID(forFileName: fileName)
    var page = Page(id: id, file: (fileName as NSString).lastPathComponent)
    page.newspaper = assembler.newspaper
    page.printedDate = assembler.printedDate
    page.pageLabel = assembler.pageLabel
    page.section = assembler.pageSection()
    page.banners = assembler.banners
    page.editors = assembler.editors
    page.emails = assembler.emails
    page.pageNumbers = assembler.pageNumbers
    page.furniture = assembler.furniture

    // Drafts too small to be articles are text the layout displaced.
    var kept: [Int] = []
    var fragments: [Fragment] = assembler.orphans.map { Fragment(text: standardizeChinesePunctuation($0), position: 0) }
    for (index, draft) in assembler.drafts.enumerated() {
        if isFragment(draft, configuration: configuration) {
            fragments += draftTexts(draft).map { Fragment(text: standardizeChinesePunctuation($0), position: kept.count) }
        } else {
            kept.append(index)
        }
    }

    var articles: [Article] = []
    var articleForDraft: [Int: Int] = [:]
    var previousKind: ArticleKind?
    for draftIndex in kept {
        let draft = assembler.drafts[draftIndex]
        var article = makeArticle(draft, recognizers: recognizers, previousKind: previousKind)
        article.id = "\(id)-\(articles.count + 1)"
        articleForDraft[draftIndex] = articles.count
        previousKind = article.kind
        articles.append(article)
    }

    for placement in assembler.captionPlacements {
        let previous = placement.previous.flatMap { articleForDraft[$0] }
        let next = placement.next.flatMap { articleForDraft[$0] }
        let previousClosed = placement.previous.map { assembler.drafts[$0].closed } ?? true
        let caption = Caption(text: standardizeChinesePunctuation(placement.caption.text),
                              credit: placement.caption.credit.map(standardizeChinesePunctuation))
        let photographers = placement.caption.credit.map(recognizers.captions.photographers) ?? []
        guard let target = chooseCaptionArticle(caption, photographers: photographers, previous: previous, next: next,
                                                previousClosed: previousClosed, articles: articles)
        else {
            fragments.append(Fragment(text: caption.text, position: articles.count))
            continue
        }
        articles[target].captions.append(caption)
    }

    if configuration.fragmentPlacementMinEvidence > 0 {
        page.fragments = placeFragments(fragments, into: &articles, minEvidence: configuration.fragmentPlacementMinEvidence,
                                        window: configuration.fragmentPlacementWindow)
    } else {
        page.fragments = fragments.map(\.text)
    }
    page.articles = articles
    return page
}

private func isFragment(_ draft: ArticleDraft, configuration: ParserConfiguration) -> Bool {
    guard draft.authors.isEmpty, draft.affiliation == nil, draft.source == nil else { return false }
    var bodyLength = 0
    for item in draft.items {
        switch item {
        case .paragraph(let text): bodyLength += text.scalarCount
        case .subheading: return false
        }
    }
    return bodyLength < configuration.minArticleBodyLength
}

private func draftTexts(_ draft: ArticleDraft) -> [String] {
    var texts: [String] = [draft.kicker, draft.title, draft.subtitle].compactMap { $0 }
    for item in draft.items {
        if case .paragraph(let text) = item { texts.append(collapseCJKSpacing(text)) }
    }
    return texts
}

private func makeArticle(_ draft: ArticleDraft, recognizers: Recognizers, previousKind: ArticleKind?) -> Article {
    let configuration = recognizers.configuration
    var article = Article(id: "")
    article.title = draft.title.map(standardizeChinesePunctuation)
    article.kicker = draft.kicker.map(standardizeChinesePunctuation)
    article.subtitle = draft.subtitle.map(standardizeChinesePunctuation)
    article.series = draft.series.map(standardizeChinesePunctuation)
    article.authors = uniquePeople(draft.authors)
    article.affiliation = draft.affiliation.map(normalizeSpaces)
    article.source = draft.source.map(normalizeSpaces)
    if let affiliation = article.affiliation {
        article.credit = recognizers.credits.parse(affiliation: collapseCJKSpacing(affiliation))
    }

    // Compared as bytes: hashing a String normalises it first, which costs more than the rest.
    var seen = Set<[UInt8]>()
    var leadParagraph: Int?
    for (itemIndex, item) in draft.items.enumerated() {
        switch item {
        case .subheading(let text):
            article.subheadings.append(Subheading(index: article.paragraphs.count,
                                                  text: standardizeChinesePunctuation(normalizeSpaces(text))))
        case .paragraph(let raw):
            let text = standardizeChinesePunctuation(collapseCJKSpacing(raw))
            guard !text.isEmpty else { continue }
            if text.scalarCount >= configuration.minDuplicateParagraphLength {
                if !seen.insert(Array(text.utf8)).inserted {
                    article.duplicatesRemoved += 1
                    continue
                }
            }
            if itemIndex == draft.leadItem { leadParagraph = article.paragraphs.count }
            article.paragraphs.append(text)
        }
    }
    article.kind = kind(of: draft, article: article, configuration: configuration, previousKind: previousKind)
    if let title = article.title {
        article.displayTitle = title
    } else {
        let opening = article.paragraphs.first ?? article.subtitle ?? article.kicker ?? ""
        article.displayTitle = derivedDisplayTitle(from: opening, minLength: configuration.displayTitleMinLength,
                                                   maxLength: configuration.displayTitleMaxLength,
                                                   trailingWords: configuration.displayTitleTrailingWords)
        article.displayTitleIsDerived = true
    }
    if article.kind == .news {
        let lead = leadParagraph ?? 0
        if lead < article.paragraphs.count {
            article.dateline = dateline(inLead: article.paragraphs[lead], maxOffset: configuration.maxDatelineOffset)
        }
        if article.dateline == nil, let organisation = draft.bylineOrganisation {
            article.dateline = dateline(inLead: organisation, maxOffset: configuration.maxDatelineOffset)
        }
    }
    return article
}

private func uniquePeople(_ people: [Person]) -> [Person] {
    var seen = Set<Person>()
    return people.filter { seen.insert($0).inserted }
}

private func kind(of draft: ArticleDraft, article: Article, configuration: ParserConfiguration, previousKind: ArticleKind?) -> ArticleKind {
    if let title = article.title, configuration.editorialTitles.contains(title) { return .editorial }
    if let first = article.paragraphs.first, article.authors.isEmpty,
       configuration.editorialTitles.contains(where: { first.hasPrefix($0 + ":") || first.hasPrefix($0 + "：") }) {
        return .editorial
    }
    if draft.inDigestSection { return .digest }
    // A byline of writers only (`文/ 欧阳华`, `执笔`) signs commentary as much as news; reporters,
    // correspondents, photographers and interns report.
    if draft.hasByline, article.authors.contains(where: { $0.role != .author && $0.role != .editor }) {
        return .news
    }
    if article.affiliation != nil || !article.authors.isEmpty || article.source != nil { return .theory }
    if draft.continuesSection, let previousKind, previousKind == .news { return .news }
    return .theory
}

/// A caption between two articles goes to the one whose text it shares more with; a caption after
/// a closed article (credit printed) goes to the next one. A caption with no open article next to
/// it (printed at the page foot) goes to the article whose byline names its photographer.
private func chooseCaptionArticle(_ caption: Caption, photographers: [String], previous: Int?, next: Int?,
                                  previousClosed: Bool, articles: [Article]) -> Int? {
    if next == nil, previous == nil || previousClosed,
       let byPhotographer = articles.firstIndex(where: { article in article.authors.contains { photographers.contains($0.name) } }) {
        return byPhotographer
    }
    switch (previous, next) {
    case (nil, nil): return nil
    case (let only?, nil): return only
    case (nil, let only?): return only
    case (let before?, let after?):
        if previousClosed { return after }
        let captionGrams = bigrams(caption.text)
        let before = sharedBigrams(captionGrams, articleText(articles[before]))
        let after = sharedBigrams(captionGrams, articleText(articles[after]))
        return after > before ? next : previous
    }
}

func articleText(_ article: Article) -> String {
    ([article.title, article.kicker].compactMap { $0 } + article.subheadings.map(\.text) + article.paragraphs)
        .joined(separator: "\n")
}

/// Distinct pairs of adjacent ideographs: a dictionary-free measure of shared vocabulary.
func bigrams(_ text: String) -> Set<String> {
    let scalars = Array(text.unicodeScalars)
    var grams = Set<String>()
    guard scalars.count >= 2 else { return grams }
    for index in 0..<(scalars.count - 1) where scalars[index].isIdeograph && scalars[index + 1].isIdeograph {
        grams.insert(String(scalars: scalars[index...(index + 1)]))
    }
    return grams
}

private func sharedBigrams(_ grams: Set<String>, _ text: String) -> Int {
    grams.intersection(bigrams(text)).count
}
