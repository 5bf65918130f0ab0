import ChineseText
import Foundation

/// Every threshold and word list the page rules use. The values live in `config/parser.json` and
/// `config/surnames.txt` (documented in `config/README.md`); nothing here has a built-in default, so
/// the files are the one place to read or change them.
public struct ParserConfiguration: Sendable {
    // MARK: Layout thresholds (lengths are counted in Unicode scalars)

    /// Longest line that can be a headline, kicker or subheading.
    public var maxHeadingLength: Int
    /// Most pause marks (，、；) a headline has; a short line with more is a cut piece of text.
    public var maxHeadingPauses: Int
    /// An article with no author, no credit and less body text than this is a displaced fragment.
    public var minArticleBodyLength: Int
    /// Duplicate paragraphs shorter than this are kept: short refrains repeat on purpose.
    public var minDuplicateParagraphLength: Int
    /// A short unpunctuated line followed by a block whose first sentence ends within this many
    /// characters (`以主体协同推进市域社会治理` / `现代化。…`) is a broken paragraph, not a subheading.
    public var continuationTailMaxLength: Int
    /// Lines of one block at least this long, and at least `wrappedLineRatio` of the block's
    /// longest line, are hard-wrapped text and are joined when they end mid-sentence.
    public var wrappedLineMinLength: Int
    public var wrappedLineRatio: Double
    /// Longest block that can be a photo caption, and longest credit at its end.
    public var maxCaptionLength: Int
    public var maxCaptionCreditLength: Int
    /// How far into a news article's first paragraph a dateline may stand.
    public var maxDatelineOffset: Int
    /// Longest author line, and most names on it.
    public var maxAuthorLineLength: Int
    public var maxAuthorNames: Int
    /// Longest `X·Y` label that counts as a column name (`智库·理论`).
    public var maxDottedColumnLength: Int
    /// Longest line that can be a series label (`新区企业上新了②`).
    public var maxSeriesLength: Int
    /// Bold lead sentences (`**一是…。**通过…`) become subheadings when true.
    public var boldLeadsAreSubheadings: Bool
    /// How many times the bigram across a candidate join must occur elsewhere on the page before
    /// a displaced fragment is placed back into a paragraph; 0 disables placement.
    public var fragmentPlacementMinEvidence: Int
    /// How many articles before and after a fragment's place are searched for its origin.
    public var fragmentPlacementWindow: Int
    /// Bytes that are not UTF-8 are read as GB18030 only when at least this share of the non-ASCII
    /// characters they decode to are Chinese characters or Chinese punctuation.
    public var legacyEncodingMinChineseShare: Double
    /// Longest section name (`智库·理论`, `综合新闻`) read from the page head.
    public var maxSectionLength: Int
    /// A plain line at least this long right above a plain headline is its kicker (引题); shorter
    /// ones are column labels (`基层学报告`).
    public var minPlainKickerLength: Int
    /// A line of at most this many ASCII digits (`04`) is a page label; 0 turns the rule off.
    public var barePageNumberMaxDigits: Int
    /// Edition dates outside these years are not dates a newspaper page prints.
    public var minEditionYear: Int
    public var maxEditionYear: Int
    /// Derived display titles of untitled articles: the opening clauses, at least `min` characters
    /// where the text allows it and at most `max`.
    public var displayTitleMinLength: Int
    public var displayTitleMaxLength: Int

    // MARK: Word lists

    /// Column and section names that are furniture wherever they stand (globs, see `TextPattern`).
    public var columnNamePatterns: [TextPattern]
    /// Section heads whose articles are digests (观点摘编).
    public var digestSectionNames: [String]
    /// Titles of editors' notes (开栏的话, 编者按).
    public var editorialTitles: [String]
    /// Labels of editor credits in page furniture (责任编辑, 美术编辑, 校对) and what each one means.
    public var editorRoles: [String: EditorRole]
    /// Words that mark a line with an e-mail address as furniture (投稿邮箱).
    public var emailLabels: [String]
    /// Page number lines (globs).
    public var pageNumberPatterns: [TextPattern]
    /// Credit openings that introduce the author's affiliation (作者系, 作者单位:).
    public var affiliationPrefixes: [String]
    /// Credit openings that introduce a reprint source (载, 摘编自).
    public var sourcePrefixes: [String]
    /// Credit endings that name who supplied the piece (`三市镇供稿`).
    public var sourceSuffixes: [String]
    /// Byline role labels and the role each one gives (全媒体记者 → reporter).
    public var bylineRoles: [String: Person.Role]
    /// Marks that may stand before an author line (文/, □, ◎), longest first.
    public var authorLinePrefixes: [String]
    /// Endings of photo credits (摄, 供图, 资料图片).
    public var captionCreditEndings: [String]
    /// Credit endings that must follow a photographer's name or byline (摄, /摄), longest first.
    public var photographerCreditEndings: [String]
    /// Agencies that may stand before a photographer's byline (新华社).
    public var captionAgencies: [String]
    /// Verbs that may close a byline line (报道).
    public var bylineTails: [String]
    /// Openings of notes inside a credit that are neither organisation nor position (本文为…项目).
    public var creditNotePrefixes: [String]
    /// Series labels besides a final circled number (globs, `*(之#)`).
    public var seriesPatterns: [TextPattern]
    /// Paragraph openings a column break never splits from the text before (一是, 第二, 下一步).
    public var paragraphOpeners: [String]
    /// Place-name endings: a short line with one above a headline is a kicker (石峰区学林街道).
    public var localitySuffixes: [String]
    /// Position titles, matched at the end of a credit segment (党组书记, 助理研究员, 部长).
    public var positionTitles: [String]
    /// Endings of newspaper names (日报, 晚报).
    public var newspaperSuffixes: [String]
    /// Marks that point at one of several photos a caption block describes (▲, ▼, 上图:): the
    /// caption is split at them.
    public var captionSplitMarkers: [String]
    /// Words of a folio line that carry no data of their own: weekdays, lunar dates, issue numbers (globs).
    public var folioWordPatterns: [TextPattern]
    /// Words that make a short line a legal notice (版权所有, Copyright): page furniture.
    public var legalNoticeMarkers: [String]
    /// Words a derived display title does not end on (暨, 和): it is cut before them.
    public var displayTitleTrailingWords: [String]
    /// Single-character and compound surnames: a token is a person's name only if it opens with one.
    public var surnames: Set<String>

    public init(
        maxHeadingLength: Int, maxHeadingPauses: Int, minArticleBodyLength: Int, minDuplicateParagraphLength: Int,
        continuationTailMaxLength: Int, wrappedLineMinLength: Int, wrappedLineRatio: Double,
        maxCaptionLength: Int, maxCaptionCreditLength: Int, maxDatelineOffset: Int,
        maxAuthorLineLength: Int, maxAuthorNames: Int, maxDottedColumnLength: Int, maxSeriesLength: Int,
        boldLeadsAreSubheadings: Bool, fragmentPlacementMinEvidence: Int, fragmentPlacementWindow: Int,
        legacyEncodingMinChineseShare: Double, maxSectionLength: Int, minPlainKickerLength: Int, barePageNumberMaxDigits: Int,
        minEditionYear: Int, maxEditionYear: Int, displayTitleMinLength: Int, displayTitleMaxLength: Int,
        columnNamePatterns: [TextPattern], digestSectionNames: [String], editorialTitles: [String],
        editorRoles: [String: EditorRole], emailLabels: [String], pageNumberPatterns: [TextPattern],
        affiliationPrefixes: [String], sourcePrefixes: [String], sourceSuffixes: [String], bylineRoles: [String: Person.Role],
        authorLinePrefixes: [String], captionCreditEndings: [String], photographerCreditEndings: [String],
        captionAgencies: [String], bylineTails: [String], creditNotePrefixes: [String], seriesPatterns: [TextPattern],
        paragraphOpeners: [String],
        localitySuffixes: [String], positionTitles: [String], newspaperSuffixes: [String],
        captionSplitMarkers: [String], folioWordPatterns: [TextPattern], legalNoticeMarkers: [String],
        displayTitleTrailingWords: [String], surnames: Set<String>
    ) {
        self.maxHeadingLength = maxHeadingLength
        self.maxHeadingPauses = maxHeadingPauses
        self.minArticleBodyLength = minArticleBodyLength
        self.minDuplicateParagraphLength = minDuplicateParagraphLength
        self.continuationTailMaxLength = continuationTailMaxLength
        self.wrappedLineMinLength = wrappedLineMinLength
        self.wrappedLineRatio = wrappedLineRatio
        self.maxCaptionLength = maxCaptionLength
        self.maxCaptionCreditLength = maxCaptionCreditLength
        self.maxDatelineOffset = maxDatelineOffset
        self.maxAuthorLineLength = maxAuthorLineLength
        self.maxAuthorNames = maxAuthorNames
        self.maxDottedColumnLength = maxDottedColumnLength
        self.maxSeriesLength = maxSeriesLength
        self.boldLeadsAreSubheadings = boldLeadsAreSubheadings
        self.fragmentPlacementMinEvidence = fragmentPlacementMinEvidence
        self.fragmentPlacementWindow = fragmentPlacementWindow
        self.legacyEncodingMinChineseShare = legacyEncodingMinChineseShare
        self.maxSectionLength = maxSectionLength
        self.minPlainKickerLength = minPlainKickerLength
        self.barePageNumberMaxDigits = barePageNumberMaxDigits
        self.minEditionYear = minEditionYear
        self.maxEditionYear = maxEditionYear
        self.displayTitleMinLength = displayTitleMinLength
        self.displayTitleMaxLength = displayTitleMaxLength
        self.columnNamePatterns = columnNamePatterns
        self.digestSectionNames = digestSectionNames
        self.editorialTitles = editorialTitles
        self.editorRoles = editorRoles
        self.emailLabels = emailLabels
        self.pageNumberPatterns = pageNumberPatterns
        self.affiliationPrefixes = affiliationPrefixes
        self.sourcePrefixes = sourcePrefixes
        self.sourceSuffixes = sourceSuffixes
        self.bylineRoles = bylineRoles
        self.authorLinePrefixes = authorLinePrefixes
        self.captionCreditEndings = captionCreditEndings
        self.photographerCreditEndings = photographerCreditEndings
        self.captionAgencies = captionAgencies
        self.bylineTails = bylineTails
        self.creditNotePrefixes = creditNotePrefixes
        self.seriesPatterns = seriesPatterns
        self.paragraphOpeners = paragraphOpeners
        self.localitySuffixes = localitySuffixes
        self.positionTitles = positionTitles
        self.newspaperSuffixes = newspaperSuffixes
        self.captionSplitMarkers = captionSplitMarkers
        self.folioWordPatterns = folioWordPatterns
        self.legalNoticeMarkers = legalNoticeMarkers
        self.displayTitleTrailingWords = displayTitleTrailingWords
        self.surnames = surnames
    }
}

// MARK: - Loading from config/

public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): \(reason)" }
}

extension ParserConfiguration {
    /// Reads `parser.json` and `surnames.txt` from a configuration directory. Unknown and missing
    /// keys are errors, so a typo in the file cannot silently fall back to something else.
    public static func load(fromDirectory directory: URL) throws -> ParserConfiguration {
        let jsonURL = directory.appendingPathComponent("parser.json")
        var object = try ConfigFile(url: jsonURL)
        let surnamesURL = directory.appendingPathComponent("surnames.txt")
        let surnames = try readWordList(surnamesURL)

        let roles = try object.stringDictionary("bylineRoles")
        var bylineRoles: [String: Person.Role] = [:]
        for (label, roleName) in roles {
            guard let role = Person.Role(rawValue: roleName) else {
                throw ConfigurationError(
                    file: jsonURL.path,
                    reason: "bylineRoles.\(label): unknown role '\(roleName)' (expected one of \(Person.Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            bylineRoles[label] = role
        }
        var editorRoles: [String: EditorRole] = [:]
        for (label, roleName) in try object.stringDictionary("editorRoles") {
            guard let role = EditorRole(rawValue: roleName) else {
                throw ConfigurationError(
                    file: jsonURL.path,
                    reason: "editorRoles.\(label): unknown role '\(roleName)' (expected one of \(EditorRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            editorRoles[label] = role
        }

        let configuration = ParserConfiguration(
            maxHeadingLength: try object.int("maxHeadingLength"),
            maxHeadingPauses: try object.int("maxHeadingPauses"),
            minArticleBodyLength: try object.int("minArticleBodyLength"),
            minDuplicateParagraphLength: try object.int("minDuplicateParagraphLength"),
            continuationTailMaxLength: try object.int("continuationTailMaxLength"),
            wrappedLineMinLength: try object.int("wrappedLineMinLength"),
            wrappedLineRatio: try object.double("wrappedLineRatio"),
            maxCaptionLength: try object.int("maxCaptionLength"),
            maxCaptionCreditLength: try object.int("maxCaptionCreditLength"),
            maxDatelineOffset: try object.int("maxDatelineOffset"),
            maxAuthorLineLength: try object.int("maxAuthorLineLength"),
            maxAuthorNames: try object.int("maxAuthorNames"),
            maxDottedColumnLength: try object.int("maxDottedColumnLength"),
            maxSeriesLength: try object.int("maxSeriesLength"),
            boldLeadsAreSubheadings: try object.bool("boldLeadsAreSubheadings"),
            fragmentPlacementMinEvidence: try object.int("fragmentPlacementMinEvidence"),
            fragmentPlacementWindow: try object.int("fragmentPlacementWindow"),
            legacyEncodingMinChineseShare: try object.double("legacyEncodingMinChineseShare"),
            maxSectionLength: try object.int("maxSectionLength"),
            minPlainKickerLength: try object.int("minPlainKickerLength"),
            barePageNumberMaxDigits: try object.int("barePageNumberMaxDigits"),
            minEditionYear: try object.int("minEditionYear"),
            maxEditionYear: try object.int("maxEditionYear"),
            displayTitleMinLength: try object.int("displayTitleMinLength"),
            displayTitleMaxLength: try object.int("displayTitleMaxLength"),
            columnNamePatterns: try object.strings("columnNamePatterns").map(TextPattern.init),
            digestSectionNames: try object.strings("digestSectionNames"),
            editorialTitles: try object.strings("editorialTitles"),
            editorRoles: editorRoles,
            emailLabels: try object.strings("emailLabels"),
            pageNumberPatterns: try object.strings("pageNumberPatterns").map(TextPattern.init),
            affiliationPrefixes: try object.strings("affiliationPrefixes"),
            sourcePrefixes: try object.strings("sourcePrefixes"),
            sourceSuffixes: try object.strings("sourceSuffixes"),
            bylineRoles: bylineRoles,
            authorLinePrefixes: try object.strings("authorLinePrefixes").sorted { $0.count > $1.count },
            captionCreditEndings: try object.strings("captionCreditEndings"),
            photographerCreditEndings: try object.strings("photographerCreditEndings").sorted { $0.count > $1.count },
            captionAgencies: try object.strings("captionAgencies"),
            bylineTails: try object.strings("bylineTails"),
            creditNotePrefixes: try object.strings("creditNotePrefixes"),
            seriesPatterns: try object.strings("seriesPatterns").map(TextPattern.init),
            paragraphOpeners: try object.strings("paragraphOpeners"),
            localitySuffixes: try object.strings("localitySuffixes"),
            positionTitles: try object.strings("positionTitles"),
            newspaperSuffixes: try object.strings("newspaperSuffixes"),
            captionSplitMarkers: try object.strings("captionSplitMarkers"),
            folioWordPatterns: try object.strings("folioWordPatterns").map(TextPattern.init),
            legalNoticeMarkers: try object.strings("legalNoticeMarkers"),
            displayTitleTrailingWords: try object.strings("displayTitleTrailingWords"),
            surnames: Set(surnames)
        )
        try object.rejectUnusedKeys()
        return configuration
    }
}

/// Reads a word list: entries separated by spaces or newlines, `#` starts a comment, blank lines ignored.
public func readWordList(_ url: URL) throws -> [String] {
    guard let data = FileManager.default.contents(atPath: url.path) else {
        throw ConfigurationError(file: url.path, reason: "cannot read file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw ConfigurationError(file: url.path, reason: "not valid UTF-8")
    }
    return text.split(whereSeparator: \.isNewline).flatMap { line -> [String] in
        let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return content.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }
}

/// A JSON object read from a config file, whose every key must be consumed exactly once.
public struct ConfigFile {
    public let path: String
    private var values: [String: Any]
    private var used: Set<String> = []

    public init(url: URL) throws {
        path = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigurationError(file: url.path, reason: "cannot read file")
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ConfigurationError(file: url.path, reason: "not valid JSON (\(error.localizedDescription))")
        }
        guard let object = parsed as? [String: Any] else {
            throw ConfigurationError(file: url.path, reason: "top level must be a JSON object")
        }
        // Keys starting with "//" are comments.
        values = object.filter { !$0.key.hasPrefix("//") }
    }

    private init(path: String, values: [String: Any]) {
        self.path = path
        self.values = values.filter { !$0.key.hasPrefix("//") }
    }

    /// A nested object, checked as strictly as the file: read it, then call `rejectUnusedKeys()`.
    public mutating func section(_ key: String) throws -> ConfigFile {
        let nested = try object(key)
        return ConfigFile(path: "\(path) [\(key)]", values: nested)
    }

    public mutating func doubleDictionary(_ key: String) throws -> [String: Double] {
        let raw = try object(key)
        var result: [String: Double] = [:]
        for (name, value) in raw {
            guard let number = value as? NSNumber, !number.isBoolean else { throw typeError(key, "an object of numbers") }
            result[name] = number.doubleValue
        }
        return result
    }

    /// A list of objects, each checked as strictly as the file.
    public mutating func sections(_ key: String) throws -> [ConfigFile] {
        guard let list = try value(key) as? [[String: Any]] else { throw typeError(key, "a list of objects") }
        return list.enumerated().map { ConfigFile(path: "\(path) [\(key) #\($0.offset + 1)]", values: $0.element) }
    }

    public mutating func optionalString(_ key: String) throws -> String? {
        has(key) ? try string(key) : nil
    }

    public mutating func optionalStrings(_ key: String) throws -> [String] {
        has(key) ? try strings(key) : []
    }

    public func has(_ key: String) -> Bool { values[key] != nil }

    private mutating func value(_ key: String) throws -> Any {
        guard let value = values[key] else {
            throw ConfigurationError(file: path, reason: "missing key '\(key)'")
        }
        used.insert(key)
        return value
    }

    private func typeError(_ key: String, _ expected: String) -> ConfigurationError {
        ConfigurationError(file: path, reason: "'\(key)' must be \(expected)")
    }

    public mutating func int(_ key: String) throws -> Int {
        guard let number = try value(key) as? NSNumber, !number.isBoolean,
              number.doubleValue == number.doubleValue.rounded() else {
            throw typeError(key, "an integer")
        }
        return number.intValue
    }

    public mutating func double(_ key: String) throws -> Double {
        guard let number = try value(key) as? NSNumber, !number.isBoolean else { throw typeError(key, "a number") }
        return number.doubleValue
    }

    public mutating func bool(_ key: String) throws -> Bool {
        guard let number = try value(key) as? NSNumber, number.isBoolean else { throw typeError(key, "true or false") }
        return number.boolValue
    }

    public mutating func string(_ key: String) throws -> String {
        guard let text = try value(key) as? String else { throw typeError(key, "a string") }
        return text
    }

    public mutating func strings(_ key: String) throws -> [String] {
        guard let list = try value(key) as? [String] else { throw typeError(key, "a list of strings") }
        return list
    }

    public mutating func stringDictionary(_ key: String) throws -> [String: String] {
        guard let map = try value(key) as? [String: String] else {
            throw typeError(key, "an object of strings")
        }
        return map
    }

    public mutating func object(_ key: String) throws -> [String: Any] {
        guard let map = try value(key) as? [String: Any] else { throw typeError(key, "an object") }
        return map
    }

    public func rejectUnusedKeys() throws {
        let unused = Set(values.keys).subtracting(used)
        if !unused.isEmpty {
            throw ConfigurationError(file: path, reason: "unknown key(s): \(unused.sorted().joined(separator: ", "))")
        }
    }
}

extension NSNumber {
    /// JSON `true`/`false` (NSNumber bridges 0 and 1 to Bool too, so `is Bool` cannot tell).
    public var isBoolean: Bool { String(cString: objCType) == "c" }
}
