import ChineseText
/// Puts displaced fragments back where the layout took them from, when the page itself says where.
///
/// A fragment that ends a sentence (`部门联动。`) is the cut-off tail of some paragraph that stops
/// mid-sentence (`…以及各`). Among those paragraphs in nearby articles, the one whose last character
/// and the fragment's first character form the pair seen most often elsewhere on the page (`各部`
/// in `各部门`) is the likely origin. With too little evidence, or a tie, the fragment stays a
/// fragment.
struct Fragment {
    var text: String
    /// Index of the first article after the fragment's place on the page.
    var position: Int
}

func placeFragments(_ fragments: [Fragment], into articles: inout [Article], minEvidence: Int, window: Int) -> [String] {
    // Candidate joins, keyed by the pair of characters across the join.
    struct Candidate { var fragment: Int; var article: Int; var paragraph: Int; var pair: UInt64 }
    var candidates: [Candidate] = []
    for (f, fragment) in fragments.enumerated() {
        guard textIsComplete(fragment.text), let first = fragment.text.unicodeScalars.first, first.isIdeograph else { continue }
        let range = max(0, fragment.position - window)..<min(articles.count, fragment.position + window)
        for a in range {
            for (p, paragraph) in articles[a].paragraphs.enumerated() where !textIsComplete(paragraph) {
                guard let last = paragraph.unicodeScalars.last, last.isIdeograph else { continue }
                candidates.append(Candidate(fragment: f, article: a, paragraph: p, pair: pairKey(last, first)))
            }
        }
    }
    guard !candidates.isEmpty else { return fragments.map(\.text) }

    // Count only the pairs that matter, in one pass over the page.
    var counts: [UInt64: Int] = [:]
    for candidate in candidates { counts[candidate.pair] = 0 }
    for article in articles {
        for paragraph in article.paragraphs {
            var previous: Unicode.Scalar?
            for scalar in paragraph.unicodeScalars {
                if let previous, let count = counts[pairKey(previous, scalar)] {
                    counts[pairKey(previous, scalar)] = count + 1
                }
                previous = scalar
            }
        }
    }

    var placed = Set<Int>()
    var usedParagraphs = Set<[Int]>()
    var best: [Int: (score: Int, candidate: Candidate, tie: Bool)] = [:]
    for candidate in candidates {
        let score = counts[candidate.pair, default: 0]
        guard score > 0 else { continue }
        if let current = best[candidate.fragment] {
            if score > current.score {
                best[candidate.fragment] = (score, candidate, false)
            } else if score == current.score {
                best[candidate.fragment]?.tie = true
            }
        } else {
            best[candidate.fragment] = (score, candidate, false)
        }
    }
    for f in fragments.indices {
        guard let choice = best[f], !choice.tie, choice.score >= minEvidence else { continue }
        let key = [choice.candidate.article, choice.candidate.paragraph]
        guard !usedParagraphs.contains(key) else { continue }
        articles[choice.candidate.article].paragraphs[choice.candidate.paragraph] += fragments[f].text
        usedParagraphs.insert(key)
        placed.insert(f)
    }
    return fragments.indices.filter { !placed.contains($0) }.map { fragments[$0].text }
}

private func pairKey(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
    UInt64(a.value) << 32 | UInt64(b.value)
}
