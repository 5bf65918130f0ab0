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
    var hasMark = false
    var mayHoldAddress = false
    var hasParenthesis = false
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "?"), UInt8(ascii: "!"): hasMark = true
        case UInt8(ascii: ":"): hasMark = true; mayHoldAddress = true
        case UInt8(ascii: "("), UInt8(ascii: ")"): hasMark = true; hasParenthesis = true
        case UInt8(ascii: "@"), UInt8(ascii: "w"), UInt8(ascii: "W"): mayHoldAddress = true
        default: break
        }
    }
    guard hasMark else { return text }
    // The marks are single ASCII bytes: work on the UTF-8 and decode only the neighbours of marks.
    let bytes = Array(text.utf8)
    let protected = mayHoldAddress ? protectedSpans(bytes) : []
    let partners = hasParenthesis ? parenthesisPartners(bytes, protected: protected) : []
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 32)
    for (index, byte) in bytes.enumerated() {
        guard let wide = fullWidth(byte), protected.isEmpty || !protected[index] else {
            out.append(byte)
            continue
        }
        let left = lastScalar(out)
        let right = scalar(at: index + 1, in: bytes)
        let change: Bool
        if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") {
            if !partners.isEmpty, partners[index] >= 0 {
                let partner = partners[index]
                let range = byte == UInt8(ascii: "(") ? (index + 1)..<partner : (partner + 1)..<index
                change = String(decoding: bytes[range], as: UTF8.self).unicodeScalars.contains(where: isChinese)
            } else {
                change = (byte == UInt8(ascii: "(") ? right : left).map(isChinese) ?? false
            }
        } else if let left, isChinese(left) {
            change = true
        } else if let left, let right, isASCIIText(left), isASCIIText(right) {
            change = false
        } else if byte == UInt8(ascii: ":"), let left, left.isASCIIAlphanumeric {
            change = false
        } else {
            change = right.map(isChinese) ?? false
        }
        if change { out.append(contentsOf: String(wide).utf8) } else { out.append(byte) }
    }
    return String(decoding: out, as: UTF8.self)
}

private func fullWidth(_ byte: UInt8) -> Unicode.Scalar? {
    switch byte {
    case UInt8(ascii: ","): return "，"
    case UInt8(ascii: ":"): return "："
    case UInt8(ascii: ";"): return "；"
    case UInt8(ascii: "?"): return "？"
    case UInt8(ascii: "!"): return "！"
    case UInt8(ascii: "("): return "（"
    case UInt8(ascii: ")"): return "）"
    default: return nil
    }
}

private func isChinese(_ scalar: Unicode.Scalar) -> Bool { scalar.isWide }
private func isASCIIText(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x80 && !scalar.isSpaceLike }
private func isASCIIText(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && byte != 0x09 }

/// The character starting at `index`, if any.
private func scalar(at index: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
    guard index < bytes.count else { return nil }
    var iterator = bytes[index...].makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
    return nil
}

/// The last character written so far.
private func lastScalar(_ bytes: [UInt8]) -> Unicode.Scalar? {
    guard var start = bytes.indices.last else { return nil }
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return scalar(at: start, in: bytes)
}

/// Which bytes belong to a URL or an e-mail address: runs of ASCII without spaces that hold
/// `://`, open with `www.`, or hold an `@` followed by a dotted domain.
private func protectedSpans(_ bytes: [UInt8]) -> [Bool] {
    var protected = [Bool](repeating: false, count: bytes.count)
    var start = 0
    while start < bytes.count {
        guard isASCIIText(bytes[start]) else { start += 1; continue }
        var end = start
        while end < bytes.count, isASCIIText(bytes[end]) { end += 1 }
        // Marks opening or closing the run (`邮箱:a@b.cn,`) belong to the sentence, not the address.
        while start < end, Array(",.;:!?(\"'".utf8).contains(bytes[start]) { start += 1 }
        if end - start >= 4, isAddress(bytes[start..<end]) {
            var last = end
            while last > start, Array(",.;:!?)".utf8).contains(bytes[last - 1]) { last -= 1 }
            for index in start..<last { protected[index] = true }
        }
        start = end
    }
    return protected
}

private func isAddress(_ token: ArraySlice<UInt8>) -> Bool {
    let text = String(decoding: token, as: UTF8.self)
    if text.contains("://") || text.lowercased().hasPrefix("www.") { return true }
    guard let at = token.firstIndex(of: UInt8(ascii: "@")) else { return false }
    return token[(at + 1)...].contains(UInt8(ascii: "."))
}

/// For each ASCII parenthesis outside protected spans, the index of its partner (or -1).
private func parenthesisPartners(_ bytes: [UInt8], protected: [Bool]) -> [Int] {
    var partners = [Int](repeating: -1, count: bytes.count)
    var open: [Int] = []
    for (index, byte) in bytes.enumerated() where protected.isEmpty || !protected[index] {
        if byte == UInt8(ascii: "(") {
            open.append(index)
        } else if byte == UInt8(ascii: ")"), let partner = open.popLast() {
            partners[partner] = index
            partners[index] = partner
        }
    }
    return partners
}
