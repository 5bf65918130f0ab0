import ChineseText
import PageParser
import Persistence

/// Article ids: `<page id>-<key>`, where the key is six base-32 characters derived from the
/// article's content (its title and the opening of its body, with spacing, punctuation and case
/// ignored). So an id never depends on load order or on the article's position on the page, and
/// the same page uploaded again gives the same ids.
///
/// When a page is replaced, each new article is matched with an old one by content (the same key,
/// else the most similar body: shared character pairs, or the same title with some shared text) and
/// keeps the old article's key; the page file records such kept keys, so a rebuild from the files
/// gives the same ids. Old articles left unmatched are recorded as gone (410 with a link to the page).
enum ArticleKeys {
    static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)
    static let length = 6

    /// The key the article's content gives, before collisions on its page are resolved.
    static func contentKey(_ article: Article, attempt: UInt64 = 0) -> String {
        var checksum = Checksum(seed: attempt)
        checksum.update(Array(normalized(article.title ?? "").utf8))
        checksum.update([0])
        var opening: [Unicode.Scalar] = []
        for paragraph in article.paragraphs where opening.count < 120 {
            normalize(paragraph, into: &opening, limit: 120)
        }
        checksum.update(Array(String(String.UnicodeScalarView(opening.prefix(120))).utf8))
        var value = checksum.value
        var key: [UInt8] = []
        for _ in 0..<length {
            key.append(alphabet[Int(value & 31)])
            value >>= 5
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Letters, digits and ideographs only, case folded.
    static func normalized(_ text: String) -> String {
        var out: [Unicode.Scalar] = []
        normalize(text, into: &out)
        return String(String.UnicodeScalarView(out))
    }

    /// Appends the normalised scalars of `text` to `out`, stopping once `out` holds `limit`: an
    /// id needs only the opening of a body that may be a whole page long. Ideographs and ASCII,
    /// almost every scalar, skip the Unicode property tables (their case mapping is known).
    static func normalize(_ text: String, into out: inout [Unicode.Scalar], limit: Int = .max) {
        for scalar in text.unicodeScalars {
            guard out.count < limit else { return }
            if scalar.isIdeograph {
                out.append(scalar)
            } else if scalar.isASCII {
                switch scalar.value {
                case 0x30...0x39, 0x61...0x7A: out.append(scalar)
                case 0x41...0x5A: out.append(Unicode.Scalar(scalar.value + 0x20)!)
                default: break
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
    }

    static func isValidKey(_ key: String) -> Bool {
        key.utf8.count == length && key.utf8.allSatisfy(alphabet.contains)
    }

    /// Keys for the articles of a page, in page order: a recorded key where the page file keeps
    /// one for the article's content key, else the content key; a key already taken on the page is
    /// re-derived until it is free.
    static func assign(_ articles: [Article], kept: [String: String]) -> [String] {
        var taken = Set<String>()
        var keys: [String] = []
        for article in articles {
            let content = contentKey(article)
            var key = kept[content].flatMap { isValidKey($0) ? $0 : nil } ?? content
            var attempt: UInt64 = 1
            while taken.contains(key) {
                key = contentKey(article, attempt: attempt)
                attempt += 1
            }
            taken.insert(key)
            keys.append(key)
        }
        return keys
    }

    /// Matches the articles of a replacement page to the page's current ones.
    /// - Returns: the keys to record (content key → kept key, for articles whose key is not their
    ///   content key) and the old keys no new article took.
    static func match(new articles: [Article], old: [(key: String, article: Article)]) -> (kept: [String: String], gone: [String]) {
        let contentKeys = articles.map { contentKey($0) }
        var assigned = [String?](repeating: nil, count: articles.count)
        var unmatchedOld = Set(old.indices)
        // Same content: same key.
        for (index, key) in contentKeys.enumerated() {
            if let match = unmatchedOld.first(where: { old[$0].key == key || contentKey(old[$0].article) == key }) {
                assigned[index] = old[match].key
                unmatchedOld.remove(match)
            }
        }
        // Edited articles: the most similar pairs first.
        let signatures = articles.map(signature)
        let oldSignatures = old.map { signature($0.article) }
        var pairs: [(similarity: Double, new: Int, old: Int)] = []
        for index in articles.indices where assigned[index] == nil {
            for candidate in unmatchedOld {
                let similarity = jaccard(signatures[index], oldSignatures[candidate])
                let sameTitle = articles[index].title != nil && articles[index].title == old[candidate].article.title
                if similarity >= 0.5 || (sameTitle && similarity >= 0.2) {
                    pairs.append((similarity + (sameTitle ? 1 : 0), index, candidate))
                }
            }
        }
        pairs.sort { ($0.similarity, -$0.new, -$0.old) > ($1.similarity, -$1.new, -$1.old) }
        for pair in pairs where assigned[pair.new] == nil && unmatchedOld.contains(pair.old) {
            assigned[pair.new] = old[pair.old].key
            unmatchedOld.remove(pair.old)
        }
        var kept: [String: String] = [:]
        for (index, key) in assigned.enumerated() {
            if let key, key != contentKeys[index] { kept[contentKeys[index]] = key }
        }
        return (kept, unmatchedOld.map { old[$0].key }.sorted())
    }

    /// Hashes of the character pairs of the article's text (its first few thousand characters).
    static func signature(_ article: Article) -> Set<UInt32> {
        var pairs = Set<UInt32>()
        var previous: UInt32?
        var seen = 0
        for paragraph in [article.title ?? ""] + article.paragraphs {
            var scalars: [Unicode.Scalar] = []
            normalize(paragraph, into: &scalars, limit: 4001 - seen)
            for scalar in scalars {
                if let previous { pairs.insert(previous &* 0x9E37_79B1 ^ scalar.value) }
                previous = scalar.value
                seen += 1
                if seen > 4000 { return pairs }
            }
            previous = nil
        }
        return pairs
    }

    static func jaccard(_ a: Set<UInt32>, _ b: Set<UInt32>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        let shared = a.intersection(b).count
        return Double(shared) / Double(a.count + b.count - shared)
    }
}
