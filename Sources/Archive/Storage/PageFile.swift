import Foundation

/// What the archive keeps about a page besides its text, stored in the page file itself so that
/// the files stay the one source of truth: what the uploader said (newspaper, edition date, page
/// label, section, content type), when the page arrived and changed, and the identity decisions
/// that must outlive a rebuild (which article keeps which id across replacements, and which ids
/// were removed and must answer 410 Gone).
///
/// An uploaded page file is one header line, `%newsroom-page 1 {json}`, then the bytes exactly as
/// uploaded. Seed files have no header. A deleted page leaves a small tombstone file with only the
/// header, so its article ids keep answering 410.
public struct PageMetadata: Sendable, Hashable {
    public var newspaper: String?
    /// ISO `YYYY-MM-DD`.
    public var date: String?
    public var pageLabel: String?
    public var section: String?
    /// The upload's declared content type (`text/html; charset=gbk`), for decoding the body.
    public var contentType: String?
    public var createdAt: Date?
    public var updatedAt: Date?
    /// Article keys that differ from the key the article's content gives (kept across a
    /// replacement): content key → assigned key.
    public var articleKeys: [String: String] = [:]
    /// Article ids this page once had and no longer has.
    public var gone: [String] = []
    /// Set on tombstones.
    public var deletedAt: Date?

    public init(newspaper: String? = nil, date: String? = nil, pageLabel: String? = nil, section: String? = nil,
                contentType: String? = nil, createdAt: Date? = nil, updatedAt: Date? = nil) {
        self.newspaper = newspaper
        self.date = date
        self.pageLabel = pageLabel
        self.section = section
        self.contentType = contentType
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    static let headerPrefix = Array("%newsroom-page 1 ".utf8)

    /// The header line (with its newline).
    var headerLine: [UInt8] {
        var object: [String: Any] = [:]
        object["newspaper"] = newspaper
        object["date"] = date
        object["page_label"] = pageLabel
        object["section"] = section
        object["content_type"] = contentType
        object["created_at"] = createdAt.map(RFC3339.string)
        object["updated_at"] = updatedAt.map(RFC3339.string)
        object["deleted_at"] = deletedAt.map(RFC3339.string)
        if !articleKeys.isEmpty { object["article_keys"] = articleKeys }
        if !gone.isEmpty { object["gone"] = gone }
        let json = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Self.headerPrefix + Array(json) + [0x0A]
    }

    /// Splits a stored file into its metadata and body. A file without the header (a seed, or a
    /// file put in place by hand) is all body.
    static func split(_ data: Data) throws(PageFileError) -> (metadata: PageMetadata?, body: Data) {
        guard data.starts(with: headerPrefix) else { return (nil, data) }
        guard let newline = data.firstIndex(of: 0x0A) else { throw .damagedHeader("no end of header line") }
        let json = data[(data.startIndex + headerPrefix.count)..<newline]
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json))) as? [String: Any] else {
            throw .damagedHeader("header is not a JSON object")
        }
        var metadata = PageMetadata()
        metadata.newspaper = object["newspaper"] as? String
        metadata.date = object["date"] as? String
        metadata.pageLabel = object["page_label"] as? String
        metadata.section = object["section"] as? String
        metadata.contentType = object["content_type"] as? String
        metadata.createdAt = (object["created_at"] as? String).flatMap { RFC3339.date($0) }
        metadata.updatedAt = (object["updated_at"] as? String).flatMap { RFC3339.date($0) }
        metadata.deletedAt = (object["deleted_at"] as? String).flatMap { RFC3339.date($0) }
        metadata.articleKeys = object["article_keys"] as? [String: String] ?? [:]
        metadata.gone = object["gone"] as? [String] ?? []
        return (metadata, Data(data[(newline + 1)...]))
    }
}

public enum PageFileError: Error, Sendable, CustomStringConvertible {
    case damagedHeader(String)

    public var description: String {
        switch self {
        case .damagedHeader(let reason): "damaged %newsroom-page header: \(reason)"
        }
    }
}

/// RFC 3339 timestamps in UTC with milliseconds (`2026-12-01T21:05:00.123Z`).
public enum RFC3339 {
    public static func string(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = milliseconds / 1000
        let fraction = milliseconds - seconds * 1000
        var days = seconds / 86_400
        seconds -= days * 86_400
        if seconds < 0 { seconds += 86_400; days -= 1 }
        let (year, month, day) = civil(fromDays: days)
        // Written digit by digit: responses carry several of these, and String(format:) is slow.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendDigits(Int(year), 4, to: &bytes); bytes.append(0x2D); appendDigits(Int(month), 2, to: &bytes); bytes.append(0x2D)
        appendDigits(Int(day), 2, to: &bytes); bytes.append(0x54); appendDigits(Int(seconds / 3600), 2, to: &bytes); bytes.append(0x3A)
        appendDigits(Int(seconds / 60 % 60), 2, to: &bytes); bytes.append(0x3A); appendDigits(Int(seconds % 60), 2, to: &bytes)
        bytes.append(0x2E); appendDigits(Int(fraction), 3, to: &bytes); bytes.append(0x5A)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func date(_ text: String) -> Date? {
        let scalars = Array(text.utf8)
        guard scalars.count >= 20, scalars[4] == 0x2D, scalars[7] == 0x2D, scalars[10] == 0x54 || scalars[10] == 0x74,
              scalars[13] == 0x3A, scalars[16] == 0x3A else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: scalars[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var index = 19
        var fraction = 0.0
        if index < scalars.count, scalars[index] == 0x2E {
            var scale = 0.1
            index += 1
            while index < scalars.count, (0x30...0x39).contains(scalars[index]) {
                fraction += Double(scalars[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
        }
        var offset = 0
        guard index < scalars.count else { return nil }
        if scalars[index] == 0x5A || scalars[index] == 0x7A {
            index += 1
        } else if scalars[index] == 0x2B || scalars[index] == 0x2D, index + 6 <= scalars.count,
                  let hours = number((index + 1)..<(index + 3)), let minutes = number((index + 4)..<(index + 6)) {
            offset = (hours * 60 + minutes) * 60 * (scalars[index] == 0x2D ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        guard index == scalars.count else { return nil }
        let days = Self.days(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }

    /// The HTTP date of RFC 9110 (`Tue, 01 Dec 2026 21:05:00 GMT`), for Last-Modified.
    public static func httpDate(_ date: Date) -> String {
        var seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        seconds -= days * 86_400
        if seconds < 0 { seconds += 86_400; days -= 1 }
        let (year, month, day) = civil(fromDays: days)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[Int(((days % 7) + 7) % 7)]
        var bytes = Array((weekday + ", ").utf8)
        appendDigits(Int(day), 2, to: &bytes)
        bytes += Array(" \(months[Int(month) - 1]) ".utf8)
        appendDigits(Int(year), 4, to: &bytes); bytes.append(0x20); appendDigits(Int(seconds / 3600), 2, to: &bytes); bytes.append(0x3A)
        appendDigits(Int(seconds / 60 % 60), 2, to: &bytes); bytes.append(0x3A); appendDigits(Int(seconds % 60), 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self) + " GMT"
    }

    /// Parses an HTTP date (IMF-fixdate only, as RFC 9110 requires senders to use).
    public static func date(http text: String) -> Date? {
        let parts = text.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let monthIndex = months.firstIndex(of: String(parts[2])),
              let year = Int(parts[3]) else { return nil }
        let time = parts[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        let days = Self.days(year: year, month: monthIndex + 1, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + time[0] * 3600 + time[1] * 60 + time[2]))
    }
}

/// An edition date, `YYYY-MM-DD`, validated (no 2023-02-30).
public struct EditionDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year), year >= 1800 else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int { RFC3339.days(year: year, month: month, day: day) }

    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendDigits(year, 4, to: &bytes); bytes.append(0x2D); appendDigits(month, 2, to: &bytes); bytes.append(0x2D)
        appendDigits(day, 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func < (a: EditionDate, b: EditionDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

/// Appends `value` as exactly `count` decimal digits (zero-padded; higher digits dropped).
func appendDigits(_ value: Int, _ count: Int, to bytes: inout [UInt8]) {
    var divisor = 1
    for _ in 1..<max(1, count) { divisor *= 10 }
    let value = abs(value)
    while divisor > 0 {
        bytes.append(UInt8(0x30 + value / divisor % 10))
        divisor /= 10
    }
}
