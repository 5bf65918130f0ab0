import Foundation
import PageParser
import Persistence

/// Where a page says it comes from: newspaper, edition date, page label and section.
public struct Edition: Sendable, Hashable {
    public var newspaper: String?
    public var date: EditionDate?
    public var pageLabel: String?
    public var section: String?

    public init(newspaper: String? = nil, date: EditionDate? = nil, pageLabel: String? = nil, section: String? = nil) {
        self.newspaper = newspaper
        self.date = date
        self.pageLabel = pageLabel
        self.section = section
    }
}

/// A value printed on the page that contradicts what the upload said; the upload's value is used.
public struct MetadataConflict: Sendable, Hashable {
    public var field: String
    public var uploaded: String
    public var printed: String
}

/// A page of the archive: where it came from, what it is, and which article slots hold its
/// articles (in page order).
public struct PageEntry: Sendable {
    public var id: String
    public var file: String
    public var source: PageSource
    /// XXH64 of the page's body bytes: the same page has the same hash on every machine.
    public var bodyHash: UInt64
    public var size: Int
    public var modified: Int64
    /// What is used: the upload's values, else what the page prints.
    public var edition: Edition
    public var printed: Edition
    public var conflicts: [MetadataConflict]
    public var createdAt: Date
    public var updatedAt: Date
    public var contentType: String?
    public var slots: [Int]
    /// Article keys in page order (ids are `<page id>-<key>`).
    public var keys: [String]
    /// Article kinds in page order (indexes into `ArticleKind.allCases`).
    public var kinds: [UInt8] = []
    /// Ids of articles the page once had.
    public var gone: [String]
    /// Monotonic per page version: the newer of two entries for one page id wins.
    public var number: Int

    public func articleID(at index: Int) -> String { "\(id)-\(keys[index])" }

    /// A strong validator of the page: its body and its metadata.
    public var etag: String {
        var checksum = Checksum(seed: bodyHash)
        checksum.update(Array("\(edition.newspaper ?? "")\u{1}\(edition.date?.description ?? "")\u{1}\(edition.pageLabel ?? "")\u{1}\(edition.section ?? "")\u{1}\(RFC3339.string(updatedAt))".utf8))
        return "\"p" + String(checksum.value, radix: 36) + "\""
    }

    /// A fingerprint of everything the page contributes, added up (order-free) into the archive's.
    var contentHash: UInt64 {
        var checksum = Checksum(seed: bodyHash)
        checksum.update(Array("\(id)\u{1}\(etag)\u{1}\(keys.joined(separator: ","))\u{1}\(gone.joined(separator: ","))".utf8))
        return checksum.value
    }

    // MARK: - Stored form

    func encode(furniture: PageFurniture) -> [UInt8] {
        var writer = BinaryWriter(capacity: 512)
        writer.string(id)
        writer.string(file)
        writer.string(source.rawValue)
        writer.uint64(bodyHash)
        writer.int(size)
        writer.int(Int(modified))
        for edition in [edition, printed] {
            writer.optionalString(edition.newspaper)
            writer.optionalString(edition.date?.description)
            writer.optionalString(edition.pageLabel)
            writer.optionalString(edition.section)
        }
        writer.varint(UInt64(conflicts.count))
        for conflict in conflicts {
            writer.string(conflict.field)
            writer.string(conflict.uploaded)
            writer.string(conflict.printed)
        }
        writer.double(createdAt.timeIntervalSince1970)
        writer.double(updatedAt.timeIntervalSince1970)
        writer.optionalString(contentType)
        writer.varint(UInt64(slots.count))
        for slot in slots { writer.varint(UInt64(slot)) }
        writer.strings(keys)
        writer.varint(UInt64(kinds.count))
        for kind in kinds { writer.byte(kind) }
        writer.strings(gone)
        writer.varint(UInt64(number))
        writer.raw(furniture.bytes)
        return writer.bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws(BinaryReader.Error) -> (entry: PageEntry, furniture: PageFurniture) {
        var reader = BinaryReader(bytes)
        let id = try reader.string()
        let file = try reader.string()
        guard let source = PageSource(rawValue: try reader.string()) else { throw BinaryReader.Error() }
        let bodyHash = try reader.uint64()
        let size = try reader.int()
        let modified = Int64(try reader.int())
        var editions: [Edition] = []
        for _ in 0..<2 {
            let newspaper = try reader.optionalString()
            let date = try reader.optionalString().flatMap(EditionDate.init)
            editions.append(Edition(newspaper: newspaper, date: date, pageLabel: try reader.optionalString(),
                                    section: try reader.optionalString()))
        }
        var conflicts: [MetadataConflict] = []
        for _ in 0..<(try reader.count()) {
            conflicts.append(MetadataConflict(field: try reader.string(), uploaded: try reader.string(), printed: try reader.string()))
        }
        let createdAt = Date(timeIntervalSince1970: try reader.double())
        let updatedAt = Date(timeIntervalSince1970: try reader.double())
        let contentType = try reader.optionalString()
        var slots: [Int] = []
        for _ in 0..<(try reader.count()) { slots.append(try reader.count(limit: Int(Int32.max))) }
        let keys = try reader.strings()
        var kinds: [UInt8] = []
        for _ in 0..<(try reader.count()) { kinds.append(try reader.byte()) }
        let gone = try reader.strings()
        let number = try reader.count(limit: Int(Int32.max))
        guard keys.count == slots.count, kinds.count == slots.count else { throw BinaryReader.Error() }
        let entry = PageEntry(id: id, file: file, source: source, bodyHash: bodyHash, size: size, modified: modified,
                              edition: editions[0], printed: editions[1], conflicts: conflicts, createdAt: createdAt,
                              updatedAt: updatedAt, contentType: contentType, slots: slots, keys: keys, kinds: kinds, gone: gone,
                              number: number)
        let furniture = try PageFurniture(bytes: UnsafeRawBufferPointer(rebasing: bytes[reader.offset...]))
        return (entry, furniture)
    }
}
