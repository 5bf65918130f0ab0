/// A parsed search query.
///
/// Syntax (documented for API users in the OpenAPI document):
/// - Words separated by spaces must all match (AND). Punctuation separates words too, except that
///   word tokens joined by punctuation alone (`3.5`, `COVID-19`, `H7N9/H5N1`) stay together.
/// - Text in quotes (`"…"`, `“…”`, `「…」`) is a phrase that must occur contiguously after
///   normalisation; punctuation and spaces inside it match any punctuation or spacing in the text
///   (or none, next to an ideograph), but two word tokens must stay separate tokens. An unclosed
///   quote runs to the end of the query.
/// - `A OR B` matches either side (the word `OR` in capitals, between two words or phrases;
///   chains `A OR B OR C`).
/// - `-word` or `-"phrase"` excludes documents that match it.
/// - An unquoted ideograph run needs all its bigrams and ranks higher where it is contiguous; one
///   ideograph matches by unigram; a word token (`ipv6`, `12345`, `5g`) matches only that token.
public struct SearchQuery: Sendable, Hashable, CustomStringConvertible {
    /// Every group must match; a group matches when one of its alternatives does; an alternative
    /// matches when all its clauses do. A plain query is groups of one alternative of one clause.
    let groups: [[[QueryClause]]]
    /// No document matching one of these is returned.
    let excluded: [[QueryClause]]

    init(groups: [[[QueryClause]]], excluded: [[QueryClause]] = []) {
        var seen = Set<[[QueryClause]]>()
        self.groups = groups.filter { !$0.isEmpty && seen.insert($0).inserted }
        self.excluded = excluded.filter { !$0.isEmpty }
    }

    init(clauses: [QueryClause]) {
        self.init(groups: clauses.map { [[$0]] })
    }

    public static func parse(_ text: String) -> SearchQuery {
        var groups: [[[QueryClause]]] = []
        var excluded: [[QueryClause]] = []
        var joinNext = false
        for token in tokens(of: text) {
            if token.isOr {
                // `OR` between two positive terms joins them; anywhere else it is ignored.
                joinNext = !groups.isEmpty
                continue
            }
            let clauses = token.quoted
                ? QueryClause.quoted(QueryClause.runs(in: token.units)).map { [$0] } ?? []
                : unquotedClauses(token.units[...])
            guard !clauses.isEmpty else { continue }
            if token.negated {
                excluded.append(clauses)
                joinNext = false
            } else if joinNext, var last = groups.popLast() {
                last.append(clauses)
                groups.append(last)
                joinNext = false
            } else {
                // An unquoted token of several runs (`IPv6试点`) is one alternative of several
                // clauses; outside an OR it flattens into required clauses below.
                groups.append([clauses])
            }
        }
        // Plain conjunctions flatten into one clause per group, so the fast AND path sees them.
        var flattened: [[[QueryClause]]] = []
        for group in groups {
            if group.count == 1 {
                for clause in group[0] { flattened.append([[clause]]) }
            } else {
                flattened.append(group)
            }
        }
        return SearchQuery(groups: dedupe(flattened), excluded: excluded)
    }

    private static func dedupe(_ groups: [[[QueryClause]]]) -> [[[QueryClause]]] {
        var seen = Set<[[QueryClause]]>()
        return groups.filter { seen.insert($0).inserted }
    }

    private struct Token {
        var units: [UInt16]
        var quoted: Bool
        var negated: Bool
        var isOr: Bool { !quoted && !negated && units == [0x4F, 0x52] }
    }

    /// Splits raw query text into whitespace-separated tokens and quoted phrases; a `-` opening a
    /// token (or right before a quote) negates it. `OR` is recognised before case folding.
    private static func tokens(of text: String) -> [Token] {
        let raw = Array(text.utf16)
        let units = SearchAnalyzer.normalizedUnits(of: text)
        var tokens: [Token] = []
        var current: [UInt16] = []
        var currentRaw: [UInt16] = []
        var negated = false
        func finish() {
            if !current.isEmpty {
                // `OR` only in capitals, as typed; `or` and `Or` are words.
                let units = currentRaw == [0x4F, 0x52] ? currentRaw : current
                tokens.append(Token(units: units, quoted: false, negated: negated))
            }
            current = []
            currentRaw = []
            negated = false
        }
        var index = 0
        while index < units.count {
            let unit = units[index]
            if isQuote(unit) {
                let phraseNegated = current.isEmpty && negated
                finish()
                var end = index + 1
                while end < units.count, !isQuote(units[end]) { end += 1 }
                tokens.append(Token(units: Array(units[(index + 1)..<min(end, units.count)]), quoted: true, negated: phraseNegated))
                index = end + 1
                continue
            }
            if isSpace(unit) {
                finish()
            } else if current.isEmpty && !negated && (unit == 0x2D || unit == 0xFF0D) {
                negated = true
            } else {
                current.append(unit)
                currentRaw.append(raw[index])
            }
            index += 1
        }
        finish()
        return tokens
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
        var seen = Set<QueryClause>()
        return clauses.filter { seen.insert($0).inserted }
    }

    private static func isSpace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x3000: return true
        default: return false
        }
    }

    /// True when there is nothing to search for; searching it gives `SearchResults.emptyQuery`.
    /// A query of exclusions alone searches for nothing too.
    public var isEmpty: Bool { groups.isEmpty }

    /// True when the query is a plain conjunction: no OR and no exclusion.
    var isConjunction: Bool { excluded.isEmpty && groups.allSatisfy { $0.count == 1 && $0[0].count == 1 } }

    /// Every positive clause (for highlighting and the plain AND path).
    var clauses: [QueryClause] {
        var seen = Set<QueryClause>()
        return groups.flatMap { $0.flatMap { $0 } }.filter { seen.insert($0).inserted }
    }

    /// The required clauses: those of groups with a single alternative.
    var requiredClauses: [QueryClause] {
        var seen = Set<QueryClause>()
        return groups.filter { $0.count == 1 }.flatMap { $0[0] }.filter { seen.insert($0).inserted }
    }

    /// Groups with two or more alternatives.
    var alternativeGroups: [[[QueryClause]]] { groups.filter { $0.count > 1 } }

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

    /// The excluded terms and phrases, normalised.
    public var exclusions: [String] { excluded.map { $0.map(\.text).joined(separator: " ") } }

    /// The alternatives of each OR group, normalised.
    public var alternatives: [[String]] {
        alternativeGroups.map { group in group.map { $0.map(\.text).joined(separator: " ") } }
    }

    public var description: String {
        func show(_ clause: QueryClause) -> String {
            if case .phrase = clause { return "\"\(clause.text)\"" }
            return clause.text
        }
        var parts = groups.map { group in group.map { $0.map(show).joined(separator: " ") }.joined(separator: " OR ") }
        parts += excluded.map { "-" + $0.map(show).joined(separator: " ") }
        return parts.joined(separator: " ")
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
