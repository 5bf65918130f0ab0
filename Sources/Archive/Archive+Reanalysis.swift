import Analysis
import Foundation
import PageParser
import Persistence

extension Archive {
    /// Rebuilds the corpus model from every article now in the archive (words, IDF, pattern
    /// places) and re-analyses every article against it, off the request path: readers keep the
    /// current state meanwhile, writes go on, and the writes that landed during the rebuild are
    /// replayed onto its result before it is installed. Afterwards the archive is exactly what a
    /// full build of its pages gives.
    ///
    /// `isCancelled` is asked between segments: a rebuild takes minutes at a million articles,
    /// and a stopping server must not wait for it. A cancelled rebuild changes nothing (the files
    /// it wrote are named by no manifest, so the next checkpoint removes them). Returns whether the
    /// rebuild was installed.
    @discardableResult
    public func reanalyze(isCancelled: () -> Bool = { false }) -> Bool {
        guard let snapshot = state(), let rebuilt = reanalyzed(snapshot, isCancelled: isCancelled) else { return false }
        writes.withLock { _ in
            guard let current = state() else { return }
            install(current.generation == snapshot.generation ? rebuilt : catchUp(rebuilt, from: snapshot, to: current))
        }
        return true
    }

    /// Re-analyses from an earlier state, replaying what changed since (tests use it to land
    /// writes in the middle of a rebuild).
    public func reanalyzeForTesting(from snapshot: ArchiveState) {
        guard let rebuilt = reanalyzed(snapshot, isCancelled: { false }) else { return }
        writes.withLock { _ in
            guard let current = state() else { return }
            install(catchUp(rebuilt, from: snapshot, to: current))
        }
    }

    /// True when the corpus has drifted far enough from the model it is analysed with, or the
    /// model was built under other analysis rules than this program's.
    public func needsReanalysis(_ state: ArchiveState, rulesRevision: Int = CorpusAnalyzer.rulesRevision) -> Bool {
        if state.articleCount > 0, state.model.rulesRevision != rulesRevision { return true }
        let now = state.articleCount
        let then = state.model.articleCount
        let change = abs(now - then)
        return change >= options.reanalysisMinimumChange && Double(change) >= options.reanalysisDrift * Double(max(then, 1))
    }

    /// `state` against a corpus model rebuilt from its current articles, reading them back from
    /// the records a segment at a time (memory does not grow with the archive); nil when
    /// `isCancelled` says so between two segments.
    func reanalyzed(_ state: ArchiveState, isCancelled: () -> Bool) -> ArchiveState? {
        let isCurrent: @Sendable (PageEntry) -> Bool = { state.page(id: $0.id)?.number == $0.number }
        func texts(_ segment: ArchiveSegment) -> [PageText] {
            Self.pages(in: segment).filter { isCurrent($0.entry) }.map { PagePreparer.text($0.articles.map(ArticleText.init), of: $0.entry) }
        }
        var survey = modelBuilder.survey()
        for segment in state.segments {
            if isCancelled() { return nil }
            survey.merge(modelBuilder.survey(texts(segment)))
        }
        let vocabulary = modelBuilder.vocabulary(from: survey)
        let stems = modelBuilder.stems(of: survey)
        var count = modelBuilder.count()
        for segment in state.segments {
            if isCancelled() { return nil }
            count.merge(modelBuilder.count(texts(segment), vocabulary: vocabulary, stems: stems))
        }
        let model = modelBuilder.model(survey: survey, vocabulary: vocabulary, count: count)
        let places = self.places.with(model: model)
        let saving = stateStore != nil && ownsState()
        var segments: [ArchiveSegment] = []
        for segment in state.segments {
            if isCancelled() { return nil }
            segments.append(analysed(segment, model: model, places: places, saving: saving, current: isCurrent))
        }
        var pages: [PageEntry] = []
        state.pageNumbers.forEach { _, number in if let page = state.page(number: number) { pages.append(page) } }
        let aggregate = ArchiveState.aggregate(of: pages, in: segments, places: places, linkLimit: configuration.initiatives.maxNamesSharingAPart)
        return ArchiveState(generation: state.generation + 1, model: model, aggregate: aggregate, search: state.search,
                            segments: segments, pageTable: state.pageTable, pageNumbers: state.pageNumbers,
                            pagesByHash: state.pagesByHash, pageOrder: state.pageOrder, editionDays: state.editionDays,
                            slotTable: state.slotTable, live: state.live, dateOrder: state.dateOrder, kinds: state.kinds,
                            gone: state.gone, loadErrors: state.loadErrors, lastModified: state.lastModified,
                            pageHashSum: state.pageHashSum, configurationKey: state.configurationKey)
    }

    /// `rebuilt` (made from `snapshot`) with the page changes between `snapshot` and `current`.
    func catchUp(_ rebuilt: ArchiveState, from snapshot: ArchiveState, to current: ArchiveState) -> ArchiveState {
        var removed: [String] = []
        var deleted = Set<String>()
        snapshot.pageNumbers.forEach { id, number in
            guard let now = current.pageNumbers[id] else {
                removed.append(id)
                deleted.insert(id)
                return
            }
            if now != number { removed.append(id) }
        }
        var added: [PreparedPage] = []
        let places = self.places.with(model: rebuilt.model)
        current.pageNumbers.forEach { id, number in
            guard snapshot.pageNumbers[id] != number, let entry = current.page(number: number) else { return }
            let articles = entry.slots.compactMap { slot in current.article(slot: slot).flatMap(current.article) }
            guard articles.count == entry.slots.count else { return }
            let analyses = preparer.analyzer.analyze(PagePreparer.text(articles.map(ArticleText.init), of: entry),
                                                     model: rebuilt.model, places: places)
            added.append(PreparedPage(entry: entry, furniture: current.furniture(ofPage: entry) ?? PageFurniture(Page(id: id, file: entry.file)),
                                      articles: articles, analyses: analyses))
        }
        return rebuilt.applying(removing: removed, adding: added, deleting: deleted, configuration: configuration)
    }
}
