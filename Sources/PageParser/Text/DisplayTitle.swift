import ChineseText
/// A headline for an untitled article, made from the opening of its text: the first clause (cut
/// at a clause or sentence mark outside quotes and brackets), joined with the next ones while it is
/// shorter than `minLength`, ends on a pause rather than a full stop, and the whole fits in
/// `maxLength`. A short opening clause that cannot be joined (`10月10日`, `近日`) frames the news
/// rather than naming it, and gives way to the next.
///
/// A clause longer than `maxLength` is cut where a cut cannot split a word: at a space, at the
/// edge of a Latin or number run, or before a quote or bracket; words that cannot end a title
/// (`暨`, `和`, from `config/`) are dropped from the end, and `…` marks the cut. Without a dictionary
/// nothing else is known to be a word boundary, so a clause with no such place is kept whole up to
/// twice `maxLength`, and only a longer one is cut hard.
func derivedDisplayTitle(from text: String, minLength: Int, maxLength: Int, trailingWords: [String]) -> String {
    let clauses = openingClauses(Array(text.unicodeScalars), limit: maxLength * 4)
    guard var title = clauses.first?.text else { return "" }
    var index = 0
    // A whole sentence is a title however short; a short clause before a pause is not.
    while title.count < minLength, index + 1 < clauses.count, let mark = clauses[index].mark, !mark.isSentenceFinal {
        let following = clauses[index + 1].text
        let joined = title + [mark] + following
        title = joined.count <= maxLength ? joined : following
        index += 1
    }
    guard title.count > maxLength else { return String(scalars: title).trimmedSpaces }
    if let cut = cutAtWordBoundary(title, maxLength: maxLength, trailingWords: trailingWords) { return cut + "…" }
    // No place to cut without risking a word: the whole clause, up to twice the length, else a hard cut.
    if title.count <= maxLength * 2 { return String(scalars: title).trimmedSpaces }
    return String(scalars: title.prefix(maxLength)).trimmedSpaces + "…"
}

private struct Clause {
    var text: [Unicode.Scalar]
    /// The mark that ended it (nil for the last one).
    var mark: Unicode.Scalar?
}

/// The text split at Chinese clause and sentence marks that stand outside quotes and brackets.
private func openingClauses(_ scalars: [Unicode.Scalar], limit: Int) -> [Clause] {
    var clauses: [Clause] = []
    var current: [Unicode.Scalar] = []
    var depth = 0
    for scalar in scalars.prefix(limit) {
        switch scalar {
        case "“", "‘", "《", "「", "『", "（", "(", "【", "〈": depth += 1
        case "”", "’", "》", "」", "』", "）", ")", "】", "〉": depth = max(0, depth - 1)
        default: break
        }
        // ASCII marks left after punctuation is standardised belong to numbers and Latin text (`3.5`, `10:30`).
        if depth == 0, scalar.value >= 0x80, scalar.isClausePause || scalar.isSentenceFinal || scalar.isColon {
            if !current.isEmpty { clauses.append(Clause(text: current, mark: scalar)) }
            current = []
        } else {
            current.append(scalar)
        }
    }
    if !current.isEmpty { clauses.append(Clause(text: current, mark: nil)) }
    return clauses.map { Clause(text: Array(String(scalars: $0.text).trimmedSpaces.unicodeScalars), mark: $0.mark) }
}

/// The longest prefix of at most `maxLength` characters that ends where no word is split, if any.
private func cutAtWordBoundary(_ scalars: [Unicode.Scalar], maxLength: Int, trailingWords: [String]) -> String? {
    var best = 0
    for index in 1..<min(scalars.count, maxLength + 1) {
        let left = scalars[index - 1]
        let right = scalars[index]
        let scriptChange = left.isIdeograph != right.isIdeograph && (left.isASCIIAlphanumeric || right.isASCIIAlphanumeric)
        let beforeOpening = "“‘《「『（(【〈".unicodeScalars.contains(right)
        let afterClosing = "”’》」』）)】〉".unicodeScalars.contains(left)
        if left.isSpaceLike || right.isSpaceLike || scriptChange || beforeOpening || afterClosing { best = index }
    }
    guard best > 0 else { return nil }
    var cut = String(scalars: scalars[..<best]).trimmedSpaces
    var trimmed = true
    while trimmed {
        trimmed = false
        for word in trailingWords.sorted(by: { $0.count > $1.count }) where cut.hasSuffix(word) && cut.count > word.count {
            cut = String(cut.dropLast(word.count)).trimmedSpaces
            trimmed = true
            break
        }
    }
    return cut
}
