import ChineseText
import Analysis
/// Documents and queries for measuring the index at scale, recombined from real page text so the
/// vocabulary and term frequencies look like the archive's. Deterministic for a given seed.
enum SyntheticCorpus {
    /// The sentences of page dumps: paragraphs are split at blank lines, Markdown `#` and `*` are
    /// dropped, and each paragraph is cut after 。！？；.
    static func sentences(fromPages pages: [String]) -> [String] {
        var sentences: [String] = []
        for page in pages {
            let cleaned = page.replacingAll(of: ["#", "*", "\r"])
            for paragraph in cleaned.split(separator: "\n", omittingEmptySubsequences: true) {
                var current = String.UnicodeScalarView()
                for scalar in paragraph.unicodeScalars {
                    current.append(scalar)
                    if "。！？；".unicodeScalars.contains(scalar) {
                        appendSentence(current, to: &sentences)
                        current = String.UnicodeScalarView()
                    }
                }
                appendSentence(current, to: &sentences)
            }
        }
        return sentences
    }

    /// `count` documents of a title (3), an optional subheading (2) and a body (1) of about
    /// `bodyLength` characters in paragraphs, drawn at random from `sentences`.
    static func documents(count: Int, sentences: [String], bodyLength: Int = 1500, seed: UInt64 = 1) -> [SearchDocument] {
        guard !sentences.isEmpty else { return [] }
        var random = SplitMix64(seed: seed)
        let lengths = sentences.map(\.unicodeScalars.count)
        return (0..<count).map { id in
            var fields = [SearchField.title(heading(from: sentences.randomElement(using: &random)!))]
            if Bool.random(using: &random) {
                fields.append(.subheading(heading(from: sentences.randomElement(using: &random)!)))
            }
            var body = ""
            var length = 0
            var inParagraph = 0
            while length < bodyLength {
                let pick = Int.random(in: 0..<sentences.count, using: &random)
                body += sentences[pick]
                length += lengths[pick]
                inParagraph += 1
                if inParagraph >= Int.random(in: 3...5, using: &random) {
                    body += "\n"
                    inParagraph = 0
                }
            }
            fields.append(.body(body))
            return SearchDocument(id: id, fields: fields)
        }
    }

    /// Topic words of the seed pages, used as the single-word queries.
    static let topicWords = [
        "志愿服务", "营商环境", "数字经济", "基层治理", "新质生产力", "高质量发展", "主题教育", "乡村振兴",
        "社会治理", "产业链", "科技创新", "生态环境", "人才", "改革", "民营企业", "城市更新",
    ]

    /// `count` queries in a fixed mix: topic words, two-term queries, quoted phrases, Latin and
    /// digit tokens alone and with Chinese, single characters, runs cut from the text, and queries
    /// that match nothing.
    static func mixedQueries(count: Int, sentences: [String], seed: UInt64 = 2) -> [String] {
        var random = SplitMix64(seed: seed)
        let latin = ["IPv6", "12345", "5G", "O1", "IPv6 试点", "5G 网络", "12345 热线", "O1 投影仪", "App"]
        let missing = ["量子计算机", "xyzzy", "火星基地", "\"志愿服务营商环境\"", "区块链 IPv6", "ipv60"]
        let runs = sentences.map { Array($0.unicodeScalars.filter { $0.isIdeograph }) }.filter { $0.count >= 8 }
        func cut(_ length: Int) -> String {
            let run = runs.randomElement(using: &random)!
            let start = Int.random(in: 0...(run.count - length), using: &random)
            return String(String.UnicodeScalarView(run[start..<(start + length)]))
        }
        return (0..<count).map { index in
            switch index % 20 {
            case 0, 1, 2, 3: return topicWords.randomElement(using: &random)!
            case 4, 5: return topicWords.randomElement(using: &random)! + " " + topicWords.randomElement(using: &random)!
            case 6, 7: return cut(2) + " " + cut(2)
            case 8, 9: return "\"" + cut(Int.random(in: 3...6, using: &random)) + "\""
            case 10, 11: return latin.randomElement(using: &random)!
            case 12, 13: return cut(1)
            case 14: return missing.randomElement(using: &random)!
            default: return cut(Int.random(in: 2...5, using: &random))
            }
        }
    }

    private static func appendSentence(_ scalars: String.UnicodeScalarView, to sentences: inout [String]) {
        let sentence = String(scalars).trimmingSpaces
        if sentence.unicodeScalars.count >= 4 { sentences.append(sentence) }
    }

    /// A headline-like line: the sentence's first clause without its punctuation, at most 24 characters.
    private static func heading(from sentence: String) -> String {
        let clause = sentence.unicodeScalars.prefix { !"，。！？；：、".unicodeScalars.contains($0) }.prefix(24)
        return String(String.UnicodeScalarView(clause))
    }
}

private extension String {
    func replacingAll(of characters: [Character]) -> String {
        String(filter { !characters.contains($0) })
    }

    var trimmingSpaces: String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
