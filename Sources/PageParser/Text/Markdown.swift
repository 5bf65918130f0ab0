import ChineseText
/// What markdown the dump wrapped a line in. Dumps use `#`..`######` for headlines and `**` for
/// bold; the printed page has neither, so both are removed from every text the parser returns.
struct MarkdownLine {
    /// 1...6 for `#` headings, nil otherwise.
    var headingLevel: Int?
    /// The whole line was bold (`**一、着力在“深化”上下功夫**`).
    var isFullyBold = false
    /// A bold run opening the line and followed by more text: `**一是…坚定。**通过…`.
    var boldLead: (lead: String, rest: String)?
    /// The line without markdown marks.
    var text: String

    init(_ raw: String) {
        // Most lines carry no markdown at all.
        let utf8 = raw.utf8
        if utf8.first != UInt8(ascii: "#"), !utf8.contains(UInt8(ascii: "*")) {
            text = raw.trimmedSpaces
            return
        }
        var line = trimmed(Array(raw.unicodeScalars)[...])
        if line.first == "#" {
            let hashes = line.prefix(while: { $0 == "#" }).count
            let after = line.dropFirst(hashes)
            if hashes <= 6, after.isEmpty || after.first!.isSpaceLike {
                headingLevel = hashes
                line = trimmed(after)
            }
        }
        if line.count > 4, line.first == "*", line[line.startIndex + 1] == "*" {
            let inner = line.dropFirst(2)
            if let close = indexOfDoubleStar(inner) {
                let lead = trimmed(inner[..<close])
                let rest = trimmed(stripBold(inner[(close + 2)...])[...])
                if rest.isEmpty {
                    isFullyBold = !lead.isEmpty
                } else if !lead.isEmpty {
                    boldLead = (String(scalars: lead), String(scalars: rest))
                }
            }
        }
        text = String(scalars: trimmed(stripBold(line)[...]))
    }
}

private func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    guard let first = scalars.firstIndex(where: { !$0.isSpaceLike }),
          let last = scalars.lastIndex(where: { !$0.isSpaceLike }) else { return [] }
    return scalars[first...last]
}

private func indexOfDoubleStar(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
    var index = scalars.startIndex
    while index + 1 < scalars.endIndex {
        if scalars[index] == "*", scalars[index + 1] == "*" { return index }
        index += 1
    }
    return nil
}

/// Removes `**` bold marks wherever they stand. (`__` is left alone: the dumps never use it for
/// bold, and in text it is content, as in `window.__name` or `a__b`.)
private func stripBold(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(scalars.count)
    var index = scalars.startIndex
    while index < scalars.endIndex {
        let scalar = scalars[index]
        if scalar == "*", index + 1 < scalars.endIndex, scalars[index + 1] == "*" {
            index += 2
            continue
        }
        out.append(scalar)
        index += 1
    }
    return out
}
