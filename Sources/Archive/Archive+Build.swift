import Analysis
import Foundation
import PageParser
import Persistence

/// A whole archive built from its page files (a first start, a rebuild, an import), in memory
/// that does not grow with the archive: pages are parsed a batch at a time on every core and cut
/// into segments of `bulkSegmentSize` articles (their search index and records, written to state
/// files and mapped as soon as they are full); the corpus model and then the analyses are made
/// by reading the records back, a segment at a time.
extension Archive {
    /// Articles per segment when a whole archive is built at once.
    static let bulkSegmentSize = 32_768
    /// Pages parsed per round of a bulk build.
    static let bulkParseBatch = 1024

    /// Why a page file cannot be loaded for its name alone, if it cannot.
    static func unloadable(_ entry: PageStore.Entry, loaded: Bool) -> LoadError? {
        guard isValidPageID(entry.id) else {
            return LoadError(file: entry.path, reason: "file name is not a valid page id (letters, digits, '-', '_', '.'; at most 64)")
        }
        guard !loaded else {
            return LoadError(file: entry.path, reason: "a page with id '\(entry.id)' is already loaded (seeds win over uploads)")
        }
        return nil
    }

    /// Parses, models, analyses and assembles every page of `entries`.
    func build(_ entries: [PageStore.Entry], model given: CorpusModel? = nil, errors: inout [LoadError],
               report: (String) -> Void) -> ArchiveState {
        var seen = Set<String>()
        var inputs: [(PagePreparer.Input, PageStore.Entry)] = []
        var tombstones: [String: [String]] = [:]
        for entry in entries where entry.isTombstone {
            if let gone = (try? store.read(entry))?.metadata?.gone { tombstones[entry.id] = gone }
        }
        for entry in entries where !entry.isTombstone {
            if let problem = Self.unloadable(entry, loaded: !seen.insert(entry.id).inserted) {
                errors.append(problem)
                continue
            }
            inputs.append((PagePreparer.Input(id: entry.id, file: (entry.path as NSString).lastPathComponent, source: entry.source,
                                              body: Data(), metadata: nil, size: entry.size, modified: entry.modified), entry))
        }
        let saving = stateStore != nil && ownsState()
        if saving { try? stateStore?.prepareDirectory() }
        progress.withLock { $0 = LoadProgress(phase: .parsing, done: 0, total: inputs.count) }

        // 1. Parse, survey for the model, cut segments (search index and records).
        var survey = modelBuilder.survey()
        var pages: [PageEntry] = []
        var segments: [ArchiveSegment] = []
        var waiting: [PreparedPage] = []
        var waitingArticles = 0
        var nextSlot = 0
        var nextNumber = 0
        let threads = ProcessInfoCores.count
        func cutSegments(final: Bool) {
            guard final ? !waiting.isEmpty : waitingArticles >= threads * Self.bulkSegmentSize else { return }
            var groups: [[PreparedPage]] = []
            var current: [PreparedPage] = []
            var count = 0
            for var page in waiting {
                page.entry.number = nextNumber
                nextNumber += 1
                page.entry.slots = Array(nextSlot..<(nextSlot + page.articles.count))
                nextSlot += page.articles.count
                current.append(page)
                count += page.articles.count
                if count >= Self.bulkSegmentSize {
                    groups.append(current)
                    current = []
                    count = 0
                }
            }
            if !current.isEmpty { groups.append(current) }
            waiting = []
            waitingArticles = 0
            pages += groups.flatMap { $0.map(\.entry) }
            segments += parallelMap(groups, threads: threads) { [self] group in
                persisted(ArchiveState.segment(of: group, model: nil, configuration: configuration), saving: saving)
            }
        }
        let store = self.store
        let preparer = self.preparer
        var done = 0
        for start in stride(from: 0, to: inputs.count, by: Self.bulkParseBatch) {
            let batch = Array(inputs[start..<min(inputs.count, start + Self.bulkParseBatch)])
            let before = done
            let parsed: [Result<PreparedPage, LoadError>] = parallelMap(batch, threads: threads, progress: { [self] count in
                progress.withLock { $0.done = before + count }
            }) { input, entry in
                var input = input
                do {
                    let (metadata, body) = try store.read(entry)
                    input.body = body
                    input.metadata = metadata
                    return .success(preparer.unanalysed(input, parsed: try preparer.parse(input)))
                } catch let error as PageStore.ReadError {
                    return .failure(LoadError(file: error.path, reason: error.reason))
                } catch let error as PageParseError {
                    return .failure(LoadError(file: entry.path, reason: error.message))
                } catch {
                    return .failure(LoadError(file: entry.path, reason: "\(error)"))
                }
            }
            done += batch.count
            var prepared: [PreparedPage] = []
            for result in parsed {
                switch result {
                case .success(let page): prepared.append(page)
                case .failure(let error): errors.append(error)
                }
            }
            if given == nil {
                survey.merge(modelBuilder.survey(prepared.map { PagePreparer.text($0.articles.map(ArticleText.init), of: $0.entry) },
                                                 threads: threads))
            }
            waiting += prepared
            waitingArticles += prepared.reduce(0) { $0 + $1.articles.count }
            cutSegments(final: false)
        }
        cutSegments(final: true)

        // 2. The corpus model, counted over the records.
        let model: CorpusModel
        if let given {
            model = given
        } else {
            progress.withLock { $0 = LoadProgress(phase: .modelling, done: 0, total: segments.count) }
            let vocabulary = modelBuilder.vocabulary(from: survey)
            let stems = modelBuilder.stems(of: survey)
            var count = modelBuilder.count()
            for segment in segments {
                count.merge(modelBuilder.count(Self.pages(in: segment).map { PagePreparer.text($0.articles.map(ArticleText.init), of: $0.entry) },
                                               vocabulary: vocabulary, stems: stems, threads: threads))
                progress.withLock { $0.done += 1 }
            }
            model = modelBuilder.model(survey: survey, vocabulary: vocabulary, count: count)
        }

        // 3. The analyses, a segment at a time.
        progress.withLock { $0 = LoadProgress(phase: .analysing, done: 0, total: segments.count) }
        let places = self.places.with(model: model)
        segments = segments.map { segment in
            let analysed = analysed(segment, model: model, places: places, saving: saving, threads: threads)
            progress.withLock { $0.done += 1 }
            return analysed
        }
        progress.withLock { $0 = LoadProgress(phase: .indexing, done: 0, total: 1) }
        return ArchiveState.assembled(segments: segments, pages: pages,
                                      aggregate: ArchiveState.aggregate(of: pages, in: segments, places: places, linkLimit: configuration.initiatives.maxNamesSharingAPart), model: model,
                                      search: searchConfiguration, tombstones: tombstones, loadErrors: errors,
                                      configurationKey: options.configurationKey, generation: 1)
    }

    /// `segment` with the analyses of its current pages against `model`, made on every core (and
    /// written to a state file and mapped when saving).
    func analysed(_ segment: ArchiveSegment, model: CorpusModel, places: PlaceDirectory, saving: Bool,
                  threads: Int = ProcessInfoCores.count, current: ((PageEntry) -> Bool)? = nil) -> ArchiveSegment {
        let analyzer = preparer.analyzer
        let pages = Self.pages(in: segment).filter { current?($0.entry) ?? true }
        let results: [[ArticleAnalysis]] = parallelMap(pages, threads: threads) { page in
            analyzer.analyze(PagePreparer.text(page.articles.map(ArticleText.init), of: page.entry), model: model, places: places)
        }
        var analyses: [Int: ArticleAnalysis] = [:]
        for (page, list) in zip(pages, results) {
            for (slot, analysis) in zip(page.entry.slots, list) { analyses[slot] = analysis }
        }
        var result = ArchiveSegment(search: segment.search, records: segment.records,
                                    analyses: AnalysisSegment(base: segment.base, count: segment.slots.count,
                                                              modelFingerprint: model.fingerprint, analyses: analyses),
                                    fileID: segment.fileID)
        if saving, let store = stateStore {
            let id = nextFileID()
            if let mapped = try? store.write(analyses: result.analyses, fileID: id) {
                result = ArchiveSegment(search: result.search, records: result.records, analyses: mapped, fileID: result.fileID)
                result.analysisFileID = id
            }
        }
        return result
    }

    /// The segment written to state files and read back through a map (when saving), so that a
    /// large build holds only the segment it is making.
    func persisted(_ segment: ArchiveSegment, saving: Bool) -> ArchiveSegment {
        guard saving, let store = stateStore else { return segment }
        return (try? store.write(segment, fileID: nextFileID())) ?? segment
    }

    /// The pages a segment's records hold, with their articles decoded.
    static func pages(in segment: ArchiveSegment) -> [(entry: PageEntry, articles: [Article])] {
        (0..<segment.records.pageCount).compactMap { index in
            guard let bytes = try? segment.records.withPageBytes(index, { Array($0) }), let entry = decodePage(bytes) else { return nil }
            let articles = entry.slots.indices.compactMap { try? segment.records.article(slot: entry.slots[$0], id: entry.articleID(at: $0)) }
            return articles.count == entry.slots.count ? (entry, articles) : nil
        }
    }
}
