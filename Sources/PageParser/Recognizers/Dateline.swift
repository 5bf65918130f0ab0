import ChineseText
/// A news dateline such as `10月10日`: a month-day date near the start of the lead paragraph that
/// opens a clause (followed by a comma or `电`/`讯`), not a date mentioned in passing later on.
func dateline(inLead paragraph: String, maxOffset: Int) -> String? {
    let scalars = Array(paragraph.unicodeScalars.prefix(maxOffset + 12))
    var index = 0
    while index < min(scalars.count, maxOffset) {
        // The date opens the lead or a sentence of it (`“…很好。”10月10日,…`), or follows the
        // agency's place (`新华社上海10月9日电`); a date in passing (`在10月20日`) is not a dateline.
        let opensClause = index == 0 || scalars[index - 1].isSentenceFinal || scalars[index - 1].isClosingMark
            || scalars[index - 1].isSpaceLike
        guard scalars[index].isASCIIDigit, opensClause || placeBeforeAgencyDate(scalars, index) else {
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

/// `新华社上海10月9日电`: an agency dateline puts the place right before the date and `电` after it.
private func placeBeforeAgencyDate(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
    guard index > 0, scalars[index - 1].isIdeograph else { return false }
    var cursor = index
    while cursor < scalars.count, scalars[cursor] != "电", cursor - index < 12 { cursor += 1 }
    return cursor < scalars.count && scalars[cursor] == "电" && scalars[cursor - 1] == "日"
}
