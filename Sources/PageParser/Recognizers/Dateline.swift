/// A news dateline such as `10月10日`: a month-day date near the start of the lead paragraph that
/// opens a clause (followed by a comma or `电`/`讯`), not a date mentioned in passing later on.
func dateline(inLead paragraph: String, maxOffset: Int) -> String? {
    let scalars = Array(paragraph.unicodeScalars.prefix(maxOffset + 12))
    var index = 0
    while index < min(scalars.count, maxOffset) {
        guard scalars[index].isASCIIDigit, index == 0 || !scalars[index - 1].isASCIIDigit else {
            index += 1
            continue
        }
        var cursor = index
        func digits() -> Bool {
            let start = cursor
            while cursor < scalars.count, scalars[cursor].isASCIIDigit, cursor - start < 2 { cursor += 1 }
            return cursor > start
        }
        // An optional year: `2023年10月10日`.
        let yearStart = cursor
        while cursor < scalars.count, scalars[cursor].isASCIIDigit { cursor += 1 }
        if cursor - yearStart == 4, cursor < scalars.count, scalars[cursor] == "年" {
            cursor += 1
        } else {
            cursor = yearStart
        }
        if digits(), cursor < scalars.count, scalars[cursor] == "月" {
            cursor += 1
            if digits(), cursor < scalars.count, scalars[cursor] == "日" {
                cursor += 1
                let next = cursor < scalars.count ? scalars[cursor] : " "
                if next.isClausePause || next == "电" || next == "讯" || next.isSpaceLike {
                    return String(scalars: scalars[index..<cursor])
                }
            }
        }
        index += 1
    }
    return nil
}
