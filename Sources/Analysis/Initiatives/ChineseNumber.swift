/// Numbers as programme names print them: 两个全覆盖, 双十双百双千, 人才十条, 5+N.
enum ChineseNumber {
    private static let digits: [Unicode.Scalar: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "双": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// The text with every numeral written as one the config patterns' `#` matches: 两 and 双 count
    /// as 二 and 千 and 万 as 百, so `#个*` matches 两个确立 and `#*#*` matches 双十双百双千.
    static func foldedForPatterns(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "两", "双": out.append("二")
            case "千", "万": out.append("百")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// The value of the number a name opens with (四个升级版 → 4, 十二项 → 12, 5+N → 5), or nil.
    static func leadingValue(_ scalars: some Collection<Unicode.Scalar>) -> Int? {
        var ascii = 0
        var asciiDigits = 0
        for scalar in scalars {
            guard scalar.isASCII, let digit = Int(String(scalar)) else { break }
            ascii = ascii * 10 + digit
            asciiDigits += 1
        }
        if asciiDigits > 0 { return ascii }
        // Chinese numerals below a hundred: 三, 十, 十二, 二十, 二十三.
        var value = 0
        var pending: Int?
        var seen = false
        for scalar in scalars {
            if let digit = digits[scalar] {
                pending = digit
            } else if scalar == "十" {
                value += (pending ?? 1) * 10
                pending = nil
            } else {
                break
            }
            seen = true
        }
        guard seen else { return nil }
        return value + (pending ?? 0)
    }
}
