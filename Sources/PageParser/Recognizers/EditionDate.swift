import ChineseText
/// A full date with a year, read as ISO `2023-10-12`: `2023年10月12日`, `2023-10-12`, `2023.10.12`,
/// `2023/10/12`, `二〇二三年十月十二日` (full-width digits too). Nil unless a valid date opens the
/// text: no year, a day the month does not have (`2023年2月30日`) or a year outside `years` is no date.
/// Returns the date and how many characters it took.
func editionDate(at scalars: ArraySlice<Unicode.Scalar>, years: ClosedRange<Int>) -> (iso: String, length: Int)? {
    let digits = scalars.map(asciiDigit)
    guard let first = digits.first else { return nil }
    let parsed = first.isASCIIDigit ? arabicDate(digits) : chineseNumeralDate(digits)
    guard let (year, month, day, length) = parsed, years.contains(year), (1...12).contains(month),
          (1...daysIn(month: month, year: year)).contains(day)
    else { return nil }
    return (pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2), length)
}

/// The whole text is one edition date.
func editionDate(_ text: String, years: ClosedRange<Int>) -> String? {
    let scalars = Array(text.trimmedSpaces.unicodeScalars)
    guard let found = editionDate(at: scalars[...], years: years), found.length == scalars.count else { return nil }
    return found.iso
}

private func asciiDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    (0xFF10...0xFF19).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFF10 + 0x30)! : scalar
}

/// `2023年10月12日`, `2023-10-12`, `2023.10.12`, `2023/10/12`.
private func arabicDate(_ scalars: [Unicode.Scalar]) -> (Int, Int, Int, Int)? {
    var index = 0
    func number(maxDigits: Int) -> Int? {
        let start = index
        var value = 0
        while index < scalars.count, index - start < maxDigits, scalars[index].isASCIIDigit {
            value = value * 10 + Int(scalars[index].value - 0x30)
            index += 1
        }
        return index > start ? value : nil
    }
    guard let year = number(maxDigits: 4), index == 4, index < scalars.count else { return nil }
    let separator = scalars[index]
    let (monthMark, dayMark): (Unicode.Scalar, Unicode.Scalar?)
    switch separator {
    case "年": (monthMark, dayMark) = ("月", "日")
    case "-", ".", "/": (monthMark, dayMark) = (separator, nil)
    default: return nil
    }
    index += 1
    guard let month = number(maxDigits: 2), index < scalars.count, scalars[index] == monthMark else { return nil }
    index += 1
    guard let day = number(maxDigits: 2) else { return nil }
    if let dayMark {
        guard index < scalars.count, scalars[index] == dayMark else { return nil }
        index += 1
    } else if index < scalars.count, scalars[index].isASCIIDigit {
        return nil
    }
    return (year, month, day, index)
}

private let chineseDigits: [Unicode.Scalar: Int] = [
    "〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
]

/// `二〇二三年十月十二日`: the year digit by digit, month and day as numbers (十二, 二十一).
private func chineseNumeralDate(_ scalars: [Unicode.Scalar]) -> (Int, Int, Int, Int)? {
    var index = 0
    var year = 0
    while index < 4, index < scalars.count, let digit = chineseDigits[scalars[index]] {
        year = year * 10 + digit
        index += 1
    }
    guard index == 4, index < scalars.count, scalars[index] == "年" else { return nil }
    index += 1
    func number(until mark: Unicode.Scalar) -> Int? {
        let start = index
        while index < scalars.count, scalars[index] != mark, index - start < 3 { index += 1 }
        guard index < scalars.count, scalars[index] == mark, index > start else { return nil }
        let value = chineseNumber(scalars[start..<index])
        index += 1
        return value
    }
    guard let month = number(until: "月"), let day = number(until: "日") else { return nil }
    return (year, month, day, index)
}

/// 1 to 99 written with 十: 十, 十二, 二十, 二十一, 三十一 (and 廿 for twenty).
private func chineseNumber(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
    let text = Array(scalars)
    if text.count == 1, let digit = chineseDigits[text[0]], digit > 0 { return digit }
    if text.count == 1, text[0] == "十" { return 10 }
    if text.first == "廿" { return text.count == 1 ? 20 : chineseDigits[text[1]].map { 20 + $0 } }
    guard let ten = text.firstIndex(of: "十") else { return nil }
    let tens = ten == 0 ? 1 : (ten == 1 ? chineseDigits[text[0]] : nil)
    let unitsPart = text[(ten + 1)...]
    let units = unitsPart.isEmpty ? 0 : (unitsPart.count == 1 ? chineseDigits[unitsPart.first!] : nil)
    guard let tens, tens > 0, let units else { return nil }
    return tens * 10 + units
}

private func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}
