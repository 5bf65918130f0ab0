import ChineseText
/// Standard Chinese punctuation (GB/T 15834-2011) where the context is Chinese: the ASCII marks
/// `,` `:` `;` `?` `!` `(` `)` become `，` `：` `；` `？` `！` `（` `）`. Page dumps mix both forms;
/// served text uses one.
///
/// The context is read from the neighbouring characters:
/// - a mark with a Chinese character or Chinese punctuation on its left is Chinese (`年,` `”,`);
/// - a mark between ASCII text on both sides belongs to that text and stays (`1,000`, `10:30`, `a;b`);
/// - a colon right after a Latin letter or digit stays (`IPv6:`, `Q1:`): it labels Latin text;
/// - other marks after ASCII text that a Chinese character follows end a Chinese clause and change
///   (`增长6%,居`, `IPv6,即`);
/// - parentheses change as a pair when they enclose Chinese text (`湖南(国际)绿色`) and stay round
///   ASCII text (`O1(Pro)`, `(1)`);
/// - nothing inside a URL or an e-mail address changes (`http://a.cn/?q=1,2`, `a@b.cn`).
public func standardizeChinesePunctuation(_ text: String) -> String {
    guard text.utf8.contains(where: { asciiMarks.contains($0) }) else { return text }
    let scalars = Array(text.unicodeScalars)
    let protected = protectedSpans(scalars)
    let pairs = parenthesisPairs(scalars, protected: protected)
    var out = String.UnicodeScalarView()
    out.reserveCapacity(scalars.count)
    for (index, scalar) in scalars.enumerated() {
        guard let wide = fullWidth[scalar], !protected[index] else {
            out.append(scalar)
            continue
        }
        let left = out.last
        let right = index + 1 < scalars.count ? scalars[index + 1] : nil
        let change: Bool
        if scalar == "(" || scalar == ")" {
            if let partner = pairs[index] {
                let range = scalar == "(" ? (index + 1)..<partner : (partner + 1)..<index
                change = scalars[range].contains(where: isChinese)
            } else {
                change = (scalar == "(" ? right : left).map(isChinese) ?? false
            }
        } else if let left, isChinese(left) {
            change = true
        } else if let left, let right, isASCIIText(left), isASCIIText(right) {
            change = false
        } else if scalar == ":", let left, left.isASCIIAlphanumeric {
            change = false
        } else {
            change = right.map(isChinese) ?? false
        }
        out.append(change ? wide : scalar)
    }
    return String(out)
}

private let asciiMarks: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "?"),
                                      UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")")]
private let fullWidth: [Unicode.Scalar: Unicode.Scalar] = [
    ",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）",
]

private func isChinese(_ scalar: Unicode.Scalar) -> Bool { scalar.isWide }
private func isASCIIText(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x80 && !scalar.isSpaceLike }

/// Which characters belong to a URL or an e-mail address: runs of ASCII without spaces that hold
/// `://`, open with `www.`, or hold an `@` followed by a dotted domain. Marks closing such a run
/// (`见http://a.cn,` → the comma) are the sentence's, not the address's.
private func protectedSpans(_ scalars: [Unicode.Scalar]) -> [Bool] {
    var protected = [Bool](repeating: false, count: scalars.count)
    var start = 0
    while start < scalars.count {
        guard isASCIIText(scalars[start]) else { start += 1; continue }
        var end = start
        while end < scalars.count, isASCIIText(scalars[end]) { end += 1 }
        let token = String(scalars: scalars[start..<end])
        let isAddress = token.contains("://") || token.lowercased().hasPrefix("www.")
            || (token.contains("@") && token.split(separator: "@").last.map { $0.contains(".") } == true)
        if isAddress {
            var last = end
            while last > start, ",.;:!?)".unicodeScalars.contains(scalars[last - 1]) { last -= 1 }
            for index in start..<last { protected[index] = true }
        }
        start = end
    }
    return protected
}

/// The partner of each ASCII parenthesis that has one, outside protected spans.
private func parenthesisPairs(_ scalars: [Unicode.Scalar], protected: [Bool]) -> [Int: Int] {
    var pairs: [Int: Int] = [:]
    var open: [Int] = []
    for (index, scalar) in scalars.enumerated() where !protected[index] {
        if scalar == "(" {
            open.append(index)
        } else if scalar == ")", let partner = open.popLast() {
            pairs[partner] = index
            pairs[index] = partner
        }
    }
    return pairs
}
