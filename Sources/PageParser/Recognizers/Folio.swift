import ChineseText
/// A folio or masthead line: the page's own furniture naming the paper, the edition date, the page
/// label and the section (`光明日报　2023年10月12日　星期四　11版　理论·实践`, `第09版：理论`,
/// `2023.10.12 星期四`, `湘水晚报 | 2023年11月8日 星期三`, `《 人民日报 》（ 2023年10月12日 09 版）`).
struct Folio: Equatable {
    var newspaper: String?
    /// ISO date.
    var date: String?
    var pageLabel: String?
    var section: String?
    /// Editor credits printed on the same line.
    var editors: [EditorCredit] = []
    var wordCount = 0

    /// A date alone on its line: edition furniture only where it stands among page furniture, since
    /// a notice or a letter also ends with a dated line. (With a weekday it is a date line.)
    var isDateOnly: Bool { date != nil && wordCount == 1 }
}

struct FolioRecognizer {
    let configuration: ParserConfiguration
    let furniture: FurnitureRecognizer
    /// A folio names a date, a page or a paper, so it holds a digit, `〇`, `版`, or the last
    /// character of a newspaper name (`报`): lines without any are rejected before being split.
    private let hints: Set<Unicode.Scalar>

    init(configuration: ParserConfiguration, furniture: FurnitureRecognizer) {
        self.configuration = configuration
        self.furniture = furniture
        var hints = Set("0123456789０１２３４５６７８９〇○零版".unicodeScalars)
        for suffix in configuration.newspaperSuffixes { if let last = suffix.unicodeScalars.last { hints.insert(last) } }
        self.hints = hints
    }

    /// Every word of the line must be folio furniture, and one of them a date, a paper's name or a
    /// page label of a page-label form (a bare number alone does not make a line a folio).
    func folio(_ line: String) -> Folio? {
        // Folio lines never pause or end a sentence, and name a date, page or paper.
        guard line.hasAtMost(80), line.unicodeScalars.contains(where: hints.contains),
              !line.unicodeScalars.contains(where: { $0.isClausePause || ($0.isSentenceFinal && $0 != ".") })
        else { return nil }
        let years = configuration.minEditionYear...configuration.maxEditionYear
        var folio = Folio()
        var hasStrongWord = false
        for word in folioWords(line) {
            folio.wordCount += 1
            if let date = editionDate(word, years: years) {
                folio.date = folio.date ?? date
                hasStrongWord = true
            } else if let name = furniture.newspaperName(in: word) {
                folio.newspaper = folio.newspaper ?? name
                hasStrongWord = true
            } else if furniture.isPageNumber(word) {
                folio.pageLabel = folio.pageLabel ?? word
                if !furniture.isBarePageNumber(word) { hasStrongWord = true }
            } else if configuration.folioWordPatterns.contains(where: { $0.matches(word) }) {
                continue
            } else if folio.section == nil, isSectionName(word) {
                folio.section = word
            } else {
                return nil
            }
        }
        return hasStrongWord ? folio : nil
    }

    /// `智库·理论`, `要闻`, `综合新闻`: a short run of Chinese characters, perhaps joined by a middle dot.
    func isSectionName(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard (2...configuration.maxSectionLength).contains(scalars.count), scalars.first?.isIdeograph == true,
              scalars.last?.isIdeograph == true else { return false }
        return scalars.allSatisfy { $0.isIdeograph || $0 == "·" || $0 == "・" || $0 == "•" }
            && furniture.newspaperName(in: text) == nil
    }

    /// The line's words: split at spaces, bars and brackets, a page label's colon split from its
    /// section (`第09版：理论`), a weekday glued to its date split off, and `09 版` joined again.
    private func folioWords(_ line: String) -> [String] {
        let separators: Set<Unicode.Scalar> = ["|", "｜", "丨", "│", "《", "》", "（", "）", "(", ")", "【", "】", "[", "]", "〔", "〕"]
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in line.unicodeScalars {
            if scalar.isSpaceLike || separators.contains(scalar) || scalar.isColon { flush() } else { current.append(scalar) }
        }
        flush()
        func isNumberWord(_ word: String) -> Bool {
            let digits = word.hasPrefix("第") ? word.unicodeScalars.dropFirst() : word.unicodeScalars[...]
            return !digits.isEmpty && digits.allSatisfy(\.isNumeral)
        }
        var joined: [String] = []
        let years = configuration.minEditionYear...configuration.maxEditionYear
        for word in words {
            if let last = joined.last, isNumberWord(last) || last == "第",
               word == "版" || (last == "第" && word.unicodeScalars.allSatisfy(\.isNumeral)) {
                joined[joined.count - 1] = last + word
                continue
            }
            let scalars = Array(word.unicodeScalars)
            if let date = editionDate(at: scalars[...], years: years), date.length < scalars.count {
                joined.append(String(scalars: scalars[..<date.length]))
                joined.append(String(scalars: scalars[date.length...]))
            } else {
                joined.append(word)
            }
        }
        return joined
    }
}
