import Foundation
import HTTPServer

/// RFC 9110 §13.1.2: `If-None-Match` is a list of entity tags (or `*`), compared weakly.
func etagMatches(_ condition: String, _ etag: String) -> Bool {
    let target = bareTag(Substring(etag))
    for candidate in condition.split(separator: ",") {
        let tag = bareTag(candidate).prefix(while: { $0 != " " && $0 != "\t" })
        if tag == "*" || tag == target { return true }
    }
    return false
}

private func bareTag(_ tag: Substring) -> Substring {
    let trimmed = tag.drop(while: { $0 == " " || $0 == "\t" })
    return trimmed.hasPrefix("W/") ? trimmed.dropFirst(2) : trimmed
}

/// The strong entity tags of an `If-Match` header (`*` included as is); weak tags never match
/// strongly, so they are left out.
func strongTags(_ header: String) -> [String] {
    header.split(separator: ",").compactMap { part in
        let tag = part.trimmingCharacters(in: .whitespaces)
        if tag == "*" { return "*" }
        return tag.hasPrefix("W/") ? nil : tag
    }
}

/// True when a GET with these headers may be answered 304 (If-None-Match first; If-Modified-Since
/// only without it).
func isNotModified(_ request: HTTPRequest, etag: String, lastModified: String?) -> Bool {
    if let condition = request.headers["If-None-Match"] { return etagMatches(condition, etag) }
    if let since = request.headers["If-Modified-Since"], let lastModified,
       let sinceDate = HTTPDate.parse(since), let modified = HTTPDate.parse(lastModified) {
        return modified <= sinceDate
    }
    return false
}

/// IMF-fixdate parsing for If-Modified-Since (seconds since 1970).
enum HTTPDate {
    static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]),
              let month = months.firstIndex(of: String(parts[2])), let year = Int(parts[3]) else { return nil }
        let time = parts[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        let y = month + 1 <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + 1 + (month + 1 > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + time[0] * 3600 + time[1] * 60 + time[2]
    }
}

