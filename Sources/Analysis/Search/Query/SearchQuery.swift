/// A parsed search query: clauses that must all match.
///
/// Whitespace and punctuation separate clauses, except that word tokens joined by punctuation
/// alone (`3.5`, `COVID-19`) must stay together. Text in quotes (`"…"`, `“…”`, `「…」`) is a phrase
/// that must occur contiguously after normalisation; punctuation and spaces inside it match any
/// punctuation or spacing in the text (or none, next to an ideograph), but two word tokens must
/// stay separate tokens. An unquoted ideograph run needs all its bigrams and ranks higher where it
/// is contiguous; one ideograph matches by unigram; a word token (`ipv6`, `12345`, `5g`) matches
/// only that whole token. An unclosed quote runs to the end of the query.
public struct SearchQuery: Sendable, Hashable, CustomStringConvertible {
    let clauses: [QueryClause]

    init(clauses: [QueryClause]) {
        var seen = Set<QueryClause>()
        self.clauses = clauses.filter { seen.insert($0).inserted }
    }

    public static func parse(_ text: String) -> SearchQuery {
        let units = SearchAnalyzer.normalizedUnits(of: text)
        var clauses: [QueryClause] = []
        var inQuote = false
        var segmentStart = 0
        func finishSegment(at end: Int) {
            let runs = QueryClause.runs(in: units[segmentStart..<end])
            if inQuote {
                if let clause = QueryClause.quoted(runs) { clauses.append(clause) }
            } else {
                clauses.append(contentsOf: unquotedClauses(units[segmentStart..<end]))
            }
        }
        for (index, unit) in units.enumerated() where isQuote(unit) {
            finishSegment(at: index)
            inQuote.toggle()
            segmentStart = index + 1
        }
        finishSegment(at: units.count)
        return SearchQuery(clauses: clauses)
    }

    /// Clauses of unquoted text. Word tokens joined by punctuation without a space (`3.5`,
    /// `COVID-19`, `H7N9/H5N1`) stay together as an implicit phrase, as a tokenizer that kept them
    /// whole would; anything else is one clause per run.
    private static func unquotedClauses(_ units: ArraySlice<UInt16>) -> [QueryClause] {
        var clauses: [QueryClause] = []
        for chunk in units.split(whereSeparator: isSpace) {
            var joined: [QueryClause.QueryRun] = []
            func finishJoined() {
                if joined.count == 1 { clauses.append(.word(joined[0].units)) }
                if joined.count > 1 { clauses.append(.phrase(joined)) }
                joined.removeAll()
            }
            for run in QueryClause.runs(in: chunk) {
                if run.isWord {
                    joined.append(run)
                } else {
                    finishJoined()
                    clauses.append(.ideographs(run.units))
                }
            }
            finishJoined()
        }
        return clauses
    }

    private static func isSpace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x3000: return true
        default: return false
        }
    }

    /// True when there is nothing to search for; searching it gives `SearchResults.emptyQuery`.
    public var isEmpty: Bool { clauses.isEmpty }

    /// The unquoted terms, normalised (`IPv6` is `ipv6`).
    public var terms: [String] {
        clauses.compactMap { clause in
            if case .phrase = clause { return nil }
            return clause.text
        }
    }

    /// The quoted phrases that must match contiguously, normalised, their runs joined by a space.
    public var phrases: [String] {
        clauses.compactMap { clause in
            guard case .phrase = clause else { return nil }
            return clause.text
        }
    }

    public var description: String {
        clauses.map { clause in
            if case .phrase = clause { return "\"\(clause.text)\"" }
            return clause.text
        }.joined(separator: " ")
    }

    /// Quotation marks toggle phrase mode; users mix the ASCII, curly and corner forms, so any of
    /// them closes whichever opened.
    private static func isQuote(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x22, 0x201C, 0x201D, 0xFF02, 0x300C, 0x300D, 0x300E, 0x300F: return true
        default: return false
        }
    }
}
