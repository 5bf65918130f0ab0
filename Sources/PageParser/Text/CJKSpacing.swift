import ChineseText
/// Removes the spaces layout and OCR leave between CJK characters (`营造良好政 治生态`) while
/// keeping the ones that mean something (`南太湖 App 上`, `IPv6 技术`).
///
/// A run of spaces is dropped when both neighbours are wide (ideograph or CJK punctuation), or one
/// is wide and the other an ASCII digit or ASCII punctuation: Chinese typesetting never puts a space
/// there. Between a wide character and a Latin letter the space is kept, as good typography does.
/// Every other run collapses to one ASCII space.
public func collapseCJKSpacing(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: \.isSpaceLike) else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    out.reserveCapacity(scalars.count)
    var index = 0
    // Leading spaces are dropped.
    while index < scalars.count, scalars[index].isSpaceLike { index += 1 }
    while index < scalars.count {
        let scalar = scalars[index]
        guard scalar.isSpaceLike else {
            out.append(scalar)
            index += 1
            continue
        }
        var end = index
        while end < scalars.count, scalars[end].isSpaceLike { end += 1 }
        guard end < scalars.count, let left = out.last else { break }  // trailing run
        if spaceIsMeaningful(between: left, and: scalars[end])
            || latinWordTouches(out.reversed(), left) || latinWordTouches(scalars[end...], scalars[end]) {
            out.append(" ")
        }
        index = end
    }
    return String(out)
}

/// A digit next to the space that belongs to a Latin word (`IPv6 技术`, `5G 网络`) keeps the space:
/// only bare numbers (`3月8 日`) are set solid with CJK.
private func latinWordTouches<S: Sequence>(_ run: S, _ neighbour: Unicode.Scalar) -> Bool where S.Element == Unicode.Scalar {
    guard neighbour.isASCIIDigit else { return false }
    for scalar in run {
        if scalar.isASCIILetter { return true }
        if !scalar.isASCIIDigit { return false }
    }
    return false
}

/// Whether a space between these two characters carries meaning and must survive.
func spaceIsMeaningful(between left: Unicode.Scalar, and right: Unicode.Scalar) -> Bool {
    func looseWithWide(_ other: Unicode.Scalar) -> Bool {
        other.isWide || other.isASCIIDigit || other.isASCIIPunctuation
    }
    if left.isWide, looseWithWide(right) { return false }
    if right.isWide, looseWithWide(left) { return false }
    return true
}

/// Joins two pieces of one paragraph that a column break separated: no space between wide text,
/// one space where two Latin words or numbers meet.
func joinColumnBreak(_ left: String, _ right: String) -> String {
    guard let last = left.unicodeScalars.last, let first = right.unicodeScalars.first else {
        return left + right
    }
    if last.isASCIIAlphanumeric, first.isASCIIAlphanumeric { return left + " " + right }
    return left + right
}

/// Collapses every run of spaces to one ASCII space and trims: for headlines and names, whose
/// spaces separate halves and people and must be kept.
func normalizeSpaces(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
        if scalar.isSpaceLike {
            pendingSpace = !out.isEmpty
        } else {
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
    }
    return String(out)
}
