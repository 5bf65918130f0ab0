/// A parsed search query: clauses that must all match.
///
/// Whitespace and punctuation separate clauses. Text in quotes (`"…"`, `“…”`, `「…」`) is a phrase
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
                clauses.append(contentsOf: runs.map(QueryClause.unquoted))
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
