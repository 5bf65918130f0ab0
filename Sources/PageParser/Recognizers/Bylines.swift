import ChineseText
/// News bylines: `株洲日报全媒体记者/吴楚`, `株洲日报(全媒体记者/潘东晓 通讯员/刘玲 吴迪)…`,
/// `本报讯(记者 张三)…`, `新华社北京10月10日电(记者 李四)…`, `本报记者 王五 通讯员 赵六`.
struct Byline: Equatable {
    /// What stands before the credits: a paper (`株洲日报`), `本报讯`, an agency dateline.
    var organisation: String?
    var people: [Person]
    /// Paragraph text after the byline (empty for a byline on its own line).
    var rest: String
    /// The byline stood in brackets of its own (`（记者 唐亮 通讯员 李青）`), as bylines printed
    /// after an article's text do.
    var enclosed = false
}

struct BylineRecognizer {
    let configuration: ParserConfiguration
    let names: PersonNames
    /// Labels longest first, so `全媒体记者` wins over `记者`.
    private let labels: [(label: [Unicode.Scalar], role: Person.Role)]

    init(configuration: ParserConfiguration, names: PersonNames) {
        self.configuration = configuration
        self.names = names
        labels = configuration.bylineRoles
            .map { (Array($0.key.unicodeScalars), $0.value) }
            .sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : String(scalars: $0.0) < String(scalars: $1.0) }
    }

    /// A byline that makes up the whole line.
    func standalone(_ line: String) -> Byline? {
        guard line.hasAtMost(configuration.maxAuthorLineLength) else { return nil }
        let text = line.trimmedSpaces
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           first.isOpeningParenthesis, last.isClosingParenthesis,
           let byline = enclosed(String(text.unicodeScalars.dropFirst().dropLast())) {
            return byline
        }
        if let wrapped = leading(text), wrapped.rest.isEmpty { return wrapped }
        let scalars = Array(text.unicodeScalars)
        guard let firstLabel = firstLabelIndex(in: scalars, from: 0) else { return nil }
        let organisation = String(scalars: scalars[..<firstLabel]).trimmedSpaces
        guard isPlausibleOrganisation(organisation) else { return nil }
        var credits = String(scalars: scalars[firstLabel...])
        // `记者 张三 报道` ends with a verb that is not a name.
        for tail in configuration.bylineTails where credits.hasSuffix(tail) {
            credits = String(credits.dropLast(tail.count))
        }
        guard let people = parseCredits(Array(credits.unicodeScalars)), !people.isEmpty else { return nil }
        return Byline(organisation: organisation.isEmpty ? nil : organisation, people: people, rest: "")
    }

    /// A byline opening a paragraph: `ORG(credits)text`. The parenthesised part must consist of
    /// role labels and names only, so an ordinary sentence opening with a parenthesis never matches.
    func leading(_ paragraph: String) -> Byline? {
        let scalars = Array(paragraph.unicodeScalars.prefix(160))
        guard let open = scalars.prefix(40).firstIndex(where: \.isOpeningParenthesis) else { return nil }
        let organisation = String(scalars: scalars[..<open]).trimmedSpaces
        guard isPlausibleOrganisation(organisation) else { return nil }
        guard let close = scalars[(open + 1)...].firstIndex(where: \.isClosingParenthesis) else { return nil }
        let inner = Array(scalars[(open + 1)..<close])
        guard let people = parseCredits(inner), !people.isEmpty else { return nil }
        let rest = String(paragraph.unicodeScalars.dropFirst(close + 1)).trimmedSpaces
        return Byline(organisation: organisation.isEmpty ? nil : organisation, people: people, rest: rest)
    }

    /// The inside of a bracketed byline: credits, perhaps after the paper's or agency's name and
    /// before a tail such as `文/图` (`衡州日报全媒体记者 黄磊 文/图`, `记者 邓婷 通讯员 谢雨`).
    func enclosed(_ inner: String) -> Byline? {
        let text = inner.trimmedSpaces
        guard text.hasAtMost(configuration.maxAuthorLineLength) else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard let firstLabel = firstLabelIndex(in: scalars, from: 0) else { return nil }
        let organisation = String(scalars: scalars[..<firstLabel]).trimmedSpaces
        guard organisation.isEmpty || isPublisher(organisation) else { return nil }
        var credits = String(scalars: scalars[firstLabel...]).trimmedSpaces
        for tail in configuration.bylineTails where credits.hasSuffix(tail) {
            credits = String(credits.dropLast(tail.count)).trimmedSpaces
            break
        }
        guard let people = parseCredits(Array(credits.unicodeScalars)), !people.isEmpty else { return nil }
        return Byline(organisation: organisation.isEmpty ? nil : organisation, people: people, rest: "", enclosed: true)
    }

    /// A bracketed byline closing a paragraph: the text before it, and the byline
    /// (`…营造良好氛围。（记者 唐亮 通讯员 李青）`).
    func trailing(_ paragraph: String) -> (remainder: String, byline: Byline)? {
        guard let last = paragraph.unicodeScalars.reversed().first(where: { !$0.isSpaceLike && $0 != "。" }),
              last.isClosingParenthesis else { return nil }
        let scalars = Array(paragraph.unicodeScalars)
        var end = scalars.count
        while end > 0, scalars[end - 1].isSpaceLike || scalars[end - 1] == "。" { end -= 1 }
        guard let open = scalars[..<(end - 1)].lastIndex(where: \.isOpeningParenthesis), end - open <= 60,
              let byline = enclosed(String(scalars: scalars[(open + 1)..<(end - 1)]))
        else { return nil }
        return (String(scalars: scalars[..<open]).trimmedSpaces, byline)
    }

    /// A paper (`衡州日报`), `本报`, or an agency that prints bylines (`新华社`).
    private func isPublisher(_ text: String) -> Bool {
        guard text.scalarCount <= 12, text.unicodeScalars.allSatisfy(\.isIdeograph) else { return false }
        return text.hasPrefix("本报") || configuration.captionAgencies.contains(text)
            || configuration.newspaperSuffixes.contains { text.hasSuffix($0) && text.count > $0.count }
    }

    /// `本报`, `株洲日报`, `本报讯`, `新华社北京10月10日电`: short, and no sentence punctuation.
    private func isPlausibleOrganisation(_ text: String) -> Bool {
        if text.isEmpty { return true }
        guard text.scalarCount <= 24 else { return false }
        return !text.unicodeScalars.contains(where: { $0.isSentenceFinal || $0.isClausePause || $0.isColon })
    }

    /// A one-character label (`文`, `图`) must be set off from what follows (`文/李四`, `图 张三`):
    /// inside a word (`文章`) it is no label.
    private func label(at index: Int, in scalars: [Unicode.Scalar]) -> (length: Int, role: Person.Role)? {
        for candidate in labels where scalars.hasWord(candidate.label, at: index) {
            let end = index + candidate.label.count
            if candidate.label.count == 1,
               end < scalars.count ? !(scalars[end].isSpaceLike || "/／:：|".unicodeScalars.contains(scalars[end])) : true {
                continue
            }
            return (candidate.label.count, candidate.role)
        }
        return nil
    }

    private func firstLabelIndex(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index < scalars.count {
            if label(at: index, in: scalars) != nil { return index }
            index += 1
        }
        return nil
    }

    /// `全媒体记者/潘东晓 通讯员/刘玲 吴迪` → people with roles. Every stretch must be a label
    /// followed by names; anything else means this is not a byline.
    private func parseCredits(_ scalars: [Unicode.Scalar]) -> [Person]? {
        var people: [Person] = []
        var index = 0
        func skipSeparators() {
            while index < scalars.count, scalars[index].isSpaceLike || "/／:：|".unicodeScalars.contains(scalars[index]) {
                index += 1
            }
        }
        skipSeparators()
        guard index < scalars.count, label(at: index, in: scalars) != nil else { return nil }
        while index < scalars.count {
            guard let found = label(at: index, in: scalars) else { return nil }
            index += found.length
            skipSeparators()
            // Names run until the next label that follows a separator (a label glued to the
            // previous character is part of a name only in theory; names never contain 记者).
            var end = index
            while end < scalars.count {
                if end > index, scalars[end - 1].isSpaceLike || "/／、,，".unicodeScalars.contains(scalars[end - 1]),
                   label(at: end, in: scalars) != nil {
                    break
                }
                if end > index, label(at: end, in: scalars) != nil,
                   !scalars[index..<end].contains(where: \.isSpaceLike),
                   end - index >= 2 {
                    // `记者张三通讯员李四`: a label right after a complete name.
                    if names.isName(String(scalars: scalars[index..<end])) { break }
                }
                end += 1
            }
            let run = String(scalars: scalars[index..<end]).trimmedSpaces
            guard let found2 = names.names(in: run), !found2.isEmpty else { return nil }
            people += found2.map { Person(name: $0, role: found.role) }
            index = end
            skipSeparators()
        }
        return people
    }
}
