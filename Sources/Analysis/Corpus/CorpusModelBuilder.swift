import ChineseText
import Foundation
import Synchronization

/// Builds a `CorpusModel` from a corpus in two passes. Each pass accepts articles in any order and
/// can be split across threads (partial passes merge), and its result depends only on which
/// articles the corpus holds:
///
/// 1. **Survey**: a sample of articles for word discovery (the articles with the smallest content
///    fingerprints that fit in `discoverySampleCharacters`, so the sample is bounded and the same
///    however the corpus was loaded), every quoted term, and every place-name candidate found by
///    naming pattern with how it was printed.
/// 2. **Count**: with the words discovered from the sample, how many articles hold each word (for
///    IDF), how often each candidate's stem occurs at all (a stem that is a free word, like 确保 in
///    确保社区, is no place), and which place is printed right before each candidate (its parent).
public struct CorpusModelBuilder: Sendable {
    public let configuration: AnalysisConfiguration
    let matcher: PlaceMatcher
    let directory: PlaceDirectory

    public init(configuration: AnalysisConfiguration) {
        self.configuration = configuration
        matcher = PlaceMatcher(configuration: configuration.localities)
        directory = PlaceDirectory(configuration: configuration.localities)
    }

    /// The places of each scanned text of an article, gazetteer readings decided.
    func occurrences(_ article: ArticleText, home: String?) -> [[PlaceMatcher.Occurrence]] {
        directory.disambiguator.resolve(texts: article.scannedTexts.map(matcher.occurrences(in:)), home: home)
    }

    // MARK: - Pass 1

    public struct Survey: Sendable {
        struct Sampled: Sendable {
            var key: UInt64
            var characters: Int
            var text: String
        }

        struct Candidate: Sendable {
            var total = 0
            var chained = 0
            var prefix = ""
        }

        let budget: Int
        /// The sampled articles, a max-heap by key.
        var sample: [Sampled] = []
        var sampleCharacters = 0
        var quoted = Set<String>()
        var candidates: [String: Candidate] = [:]
        public internal(set) var articleCount = 0

        mutating func offer(_ item: Sampled) {
            sample.append(item)
            sampleCharacters += item.characters
            siftUp(sample.count - 1)
            // Drop the largest keys while over budget (always keeping one article).
            while sampleCharacters > budget, sample.count > 1 {
                let largest = sample[0]
                sample.swapAt(0, sample.count - 1)
                sample.removeLast()
                siftDown(0)
                sampleCharacters -= largest.characters
            }
        }

        private mutating func siftUp(_ start: Int) {
            var child = start
            while child > 0 {
                let parent = (child - 1) / 2
                guard sample[child].key > sample[parent].key else { return }
                sample.swapAt(child, parent)
                child = parent
            }
        }

        private mutating func siftDown(_ start: Int) {
            var parent = start
            while true {
                var largest = parent
                let left = 2 * parent + 1
                if left < sample.count, sample[left].key > sample[largest].key { largest = left }
                if left + 1 < sample.count, sample[left + 1].key > sample[largest].key { largest = left + 1 }
                guard largest != parent else { return }
                sample.swapAt(parent, largest)
                parent = largest
            }
        }

        public mutating func merge(_ other: Survey) {
            for item in other.sample { offer(item) }
            quoted.formUnion(other.quoted)
            for (name, candidate) in other.candidates {
                var entry = candidates[name] ?? Candidate(prefix: candidate.prefix)
                entry.total += candidate.total
                entry.chained += candidate.chained
                if entry.prefix.isEmpty || (!candidate.prefix.isEmpty && candidate.prefix < entry.prefix) { entry.prefix = candidate.prefix }
                candidates[name] = entry
            }
            articleCount += other.articleCount
        }
    }

    public func survey() -> Survey { Survey(budget: max(1, configuration.tags.discoverySampleCharacters)) }

    public func survey(_ page: PageText, into survey: inout Survey) {
        let discovery = TermDiscovery(configuration: configuration.tags)
        let home = page.newspaper.flatMap(directory.homeCity(ofNewspaper:))
        for article in page.articles {
            survey.articleCount += 1
            let texts = KeywordExtractor.weightedTexts(article, configuration: configuration.tags).map(\.0)
            let joined = texts.joined(separator: "\n")
            survey.offer(.init(key: article.sampleKey, characters: joined.unicodeScalars.count, text: joined))
            for text in texts {
                for term in discovery.quotedTerms(in: text) where discovery.isAcceptable(term) { survey.quoted.insert(term) }
            }
            for occurrence in occurrences(article, home: home).joined() where !occurrence.fromGazetteer {
                var entry = survey.candidates[occurrence.place] ?? Survey.Candidate(prefix: occurrence.prefix ?? "")
                entry.total += 1
                if occurrence.chained { entry.chained += 1 }
                // The smallest stem seen, so the choice does not depend on order.
                if let prefix = occurrence.prefix, prefix < entry.prefix || entry.prefix.isEmpty { entry.prefix = prefix }
                survey.candidates[occurrence.place] = entry
            }
        }
    }

    // MARK: - Vocabulary

    /// The words: discovered from the sample (taken in key order), plus every quoted term.
    public struct Vocabulary: Sendable {
        var codes: CharacterCodes
        var terms: [Gram: TermDiscovery.Term]
        var prefixes: Set<Gram>
    }

    public func vocabulary(from survey: Survey) -> Vocabulary {
        var codes = CharacterCodes()
        let ordered = survey.sample.sorted { $0.key < $1.key }.map(\.text)
        let discovery = TermDiscovery(configuration: configuration.tags)
        var terms = discovery.discover(ordered, codes: &codes)
        for quoted in survey.quoted.sorted() {
            let scalars = Array(quoted.unicodeScalars)
            guard scalars.count <= 8 else { continue }
            let gram = Gram(scalars.map { codes.code($0) })
            if terms[gram] == nil {
                terms[gram] = TermDiscovery.Term(gram: gram, text: quoted, length: scalars.count, frequency: 1, quoted: true,
                                                 discovered: false)
            } else {
                terms[gram]?.quoted = true
            }
        }
        var prefixes = Set<Gram>()
        for term in terms.values {
            for length in 1...term.length { prefixes.insert(term.gram.prefix(length)) }
        }
        return Vocabulary(codes: codes, terms: terms, prefixes: prefixes)
    }

    // MARK: - Pass 2

    public struct Count: Sendable {
        var documentFrequencies: [Gram: Int] = [:]
        var stemTotals: [String: Int] = [:]
        var parentVotes: [String: [String: Int]] = [:]

        public mutating func merge(_ other: Count) {
            documentFrequencies.merge(other.documentFrequencies, uniquingKeysWith: +)
            stemTotals.merge(other.stemTotals, uniquingKeysWith: +)
            for (name, votes) in other.parentVotes { parentVotes[name, default: [:]].merge(votes, uniquingKeysWith: +) }
        }
    }

    public func count() -> Count { Count() }

    /// Stems of candidates in a trie, for counting their occurrences: from each position of a
    /// text the walk follows only stems that match so far, so the cost is the text's length times
    /// the (short) stem length, however many candidates a large corpus proposes.
    public struct Stems: Sendable {
        var children: [[Unicode.Scalar: Int32]] = [[:]]
        var terminal: [String?] = [nil]

        mutating func insert(_ stem: String) {
            var node = 0
            for scalar in stem.unicodeScalars {
                if let next = children[node][scalar] {
                    node = Int(next)
                } else {
                    children.append([:])
                    terminal.append(nil)
                    children[node][scalar] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            terminal[node] = stem
        }

        /// Calls `found` with every stem that starts at `start`.
        func matches(in scalars: [Unicode.Scalar], from start: Int, _ found: (String) -> Void) {
            var node = 0
            var index = start
            while index < scalars.count, let next = children[node][scalars[index]] {
                node = Int(next)
                if let stem = terminal[node] { found(stem) }
                index += 1
            }
        }
    }

    public func stems(of survey: Survey) -> Stems {
        var stems = Stems()
        for prefix in Set(survey.candidates.values.map(\.prefix)) where !prefix.isEmpty { stems.insert(prefix) }
        return stems
    }

    public func count(_ page: PageText, vocabulary: Vocabulary, stems: Stems, into count: inout Count) {
        let home = page.newspaper.flatMap(directory.homeCity(ofNewspaper:))
        for article in page.articles {
            let frequencies = KeywordExtractor.termFrequencies(article, codes: vocabulary.codes, prefixes: vocabulary.prefixes,
                                                               isTerm: { vocabulary.terms[$0] != nil },
                                                               configuration: configuration.tags)
            for gram in frequencies.keys { count.documentFrequencies[gram, default: 0] += 1 }
            let found = occurrences(article, home: home)
            for (textIndex, text) in article.scannedTexts.enumerated() {
                let scalars = Array(text.unicodeScalars)
                for index in scalars.indices {
                    stems.matches(in: scalars, from: index) { count.stemTotals[$0, default: 0] += 1 }
                }
                var previous: PlaceMatcher.Occurrence?
                for occurrence in found[textIndex] {
                    if !occurrence.fromGazetteer, let previous, previous.end == occurrence.start {
                        count.parentVotes[occurrence.place, default: [:]][previous.place, default: 0] += 1
                    }
                    previous = occurrence
                }
            }
        }
    }

    // MARK: - The model

    public func model(survey: Survey, vocabulary: Vocabulary, count: Count) -> CorpusModel {
        var terms: [Gram: CorpusModel.TermInfo] = [:]
        for (gram, term) in vocabulary.terms {
            terms[gram] = CorpusModel.TermInfo(text: term.text, length: term.length, quoted: term.quoted, discovered: term.discovered,
                                               documentFrequency: count.documentFrequencies[gram] ?? 0)
        }
        // A pattern name is a place when it is printed after a known place or recurs, and its stem
        // is not a free word: at least half of the stem's occurrences are in this name
        // (`确保社区` fails: 确保 is everywhere; `响塘社区` passes).
        var accepted = Set<String>()
        for (name, candidate) in survey.candidates {
            guard candidate.chained > 0 || candidate.total >= configuration.localities.minPatternOccurrences else { continue }
            let stemTotal = count.stemTotals[candidate.prefix] ?? candidate.total
            guard stemTotal - candidate.total <= candidate.total else { continue }
            accepted.insert(name)
        }
        var places: [String: Place] = [:]
        for name in accepted {
            places[name] = Place(id: name, name: name, level: Self.patternLevel(name), parent: nil, fromGazetteer: false)
        }
        let gazetteer = PlaceDirectory(configuration: configuration.localities)
        func known(_ name: String) -> Bool { gazetteer[name] != nil || accepted.contains(name) }
        func parent(of name: String) -> String? { places[name]?.parent ?? gazetteer[name]?.parent }
        // `开州区汉丰街道`: a place printed right before another is its parent, by majority; ties go
        // to the smaller name. Names are visited in sorted order so cycles resolve the same way.
        for name in accepted.sorted() {
            let votes = (count.parentVotes[name] ?? [:]).filter { known($0.key) && $0.key != name }
            guard let best = votes.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { continue }
            var ancestor: String? = best.key
            var steps = 0
            var cycle = false
            while let current = ancestor, steps < 12 {
                if current == name { cycle = true; break }
                ancestor = parent(of: current)
                steps += 1
            }
            if !cycle { places[name]?.parent = best.key }
        }
        return CorpusModel(codes: vocabulary.codes, terms: terms, patternPlaces: places, articleCount: survey.articleCount)
    }

    static func patternLevel(_ name: String) -> PlaceLevel {
        if name.hasSuffix("社区") || name.hasSuffix("村") { return .community }
        return .street
    }

    /// Both passes over pages held in memory, each split across `threads` (the partial passes
    /// merge, and the result does not depend on the split).
    public func build(_ pages: [PageText], threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> CorpusModel {
        let survey = survey(pages, threads: threads)
        let vocabulary = vocabulary(from: survey)
        let stems = stems(of: survey)
        return model(survey: survey, vocabulary: vocabulary, count: count(pages, vocabulary: vocabulary, stems: stems, threads: threads))
    }

    /// The survey pass over `pages`, split across `threads`.
    public func survey(_ pages: [PageText], threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> Survey {
        Self.inParallel(pages, threads: threads, start: { self.survey() }, work: { page, partial in self.survey(page, into: &partial) },
                        merge: { $0.merge($1) })
    }

    /// The counting pass over `pages`, split across `threads`.
    public func count(_ pages: [PageText], vocabulary: Vocabulary, stems: Stems,
                      threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> Count {
        Self.inParallel(pages, threads: threads, start: { self.count() },
                        work: { page, partial in self.count(page, vocabulary: vocabulary, stems: stems, into: &partial) },
                        merge: { $0.merge($1) })
    }

    private static func inParallel<Partial: Sendable>(_ pages: [PageText], threads: Int, start: @Sendable () -> Partial,
                                                      work: @Sendable (PageText, inout Partial) -> Void,
                                                      merge: (inout Partial, Partial) -> Void) -> Partial {
        let parts = max(1, min(threads, pages.count / 64 + 1))
        let chunk = (pages.count + parts - 1) / parts
        let results = Mutex<[Int: Partial]>([:])
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var partial = start()
            for page in pages[min(pages.count, part * chunk)..<min(pages.count, (part + 1) * chunk)] { work(page, &partial) }
            let done = partial
            results.withLock { $0[part] = done }
        }
        let all = results.withLock { $0 }
        var total = all[0] ?? start()
        for part in 1..<parts { if let partial = all[part] { merge(&total, partial) } }
        return total
    }
}
