/// Puts displaced fragments back where the layout took them from, when the page itself says where.
///
/// A fragment that ends a sentence (`部门联动。`) is the cut-off tail of some paragraph that stops
/// mid-sentence (`…以及各`). Among those paragraphs, the one whose last character and the
/// fragment's first character form the pair seen most often elsewhere on the page (`各部` in
/// `各部门`) is the likely origin. With too little evidence, or a tie, the fragment stays a fragment.
func placeFragments(_ fragments: [String], into articles: inout [Article], minEvidence: Int) -> [String] {
    guard !fragments.isEmpty else { return fragments }
    let pageText = articles.flatMap(\.paragraphs).joined(separator: "\n")
    let counts = bigramCounts(pageText)
    var remaining: [String] = []
    var used = Set<[Int]>()
    for fragment in fragments {
        guard textIsComplete(fragment), let first = fragment.unicodeScalars.first, first.isIdeograph else {
            remaining.append(fragment)
            continue
        }
        var best: (score: Int, article: Int, paragraph: Int)?
        var tie = false
        for (a, article) in articles.enumerated() {
            for (p, paragraph) in article.paragraphs.enumerated() where !textIsComplete(paragraph) && !used.contains([a, p]) {
                guard let last = paragraph.unicodeScalars.last, last.isIdeograph else { continue }
                let score = counts[String(scalars: [last, first]), default: 0]
                if score > (best?.score ?? 0) {
                    best = (score, a, p)
                    tie = false
                } else if score == best?.score, score > 0 {
                    tie = true
                }
            }
        }
        if let best, !tie, best.score >= minEvidence {
            articles[best.article].paragraphs[best.paragraph] += fragment
            used.insert([best.article, best.paragraph])
        } else {
            remaining.append(fragment)
        }
    }
    return remaining
}

private func bigramCounts(_ text: String) -> [String: Int] {
    var counts: [String: Int] = [:]
    let scalars = Array(text.unicodeScalars)
    guard scalars.count >= 2 else { return counts }
    for index in 0..<(scalars.count - 1) where scalars[index].isIdeograph && scalars[index + 1].isIdeograph {
        counts[String(scalars: scalars[index...(index + 1)]), default: 0] += 1
    }
    return counts
}
