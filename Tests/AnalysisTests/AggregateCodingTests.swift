@testable import Analysis
import Foundation
import Persistence
import Testing

/// A start-up reads the saved aggregate instead of computing it from every analysis, so what is
/// read must be the aggregate that was saved: every table, the derived rankings and links
/// included, and it must go on changing exactly as the original would.
@Suite("Analysis: the corpus aggregate saved and read back")
struct AggregateCodingTests {
    static let seeds: CorpusAnalysis = {
        do { return analyzer.analyze(try seedPages()) } catch { fatalError("\(error)") }
    }()

    static func encoded(_ aggregate: CorpusAggregate, chunkSize: Int = 1 << 20) -> (bytes: [UInt8], chunks: Int) {
        var bytes: [UInt8] = []
        var chunks = 0
        aggregate.encode(chunkSize: chunkSize) { (chunk: UnsafeRawBufferPointer) in
            bytes += chunk
            chunks += 1
        }
        return (bytes, chunks)
    }

    static func decoded(_ bytes: [UInt8], places: PlaceDirectory) throws -> CorpusAggregate {
        try bytes.withUnsafeBytes {
            try CorpusAggregate(places: places, linkLimit: analysisConfiguration.initiatives.maxNamesSharingAPart, decoding: $0)
        }
    }

    /// Every table of two aggregates, compared entry by entry.
    static func expectEqualTables(_ a: CorpusAggregate, _ b: CorpusAggregate, sourceLocation: SourceLocation = #_sourceLocation) {
        func same<K, V: Equatable>(_ name: String, _ x: SortedMap<K, V>, _ y: SortedMap<K, V>) {
            let left = x.entries, right = y.entries
            let equal = left.count == right.count && zip(left, right).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            #expect(equal, "table \(name) differs", sourceLocation: sourceLocation)
        }
        same("tagArticles", a.tagArticles, b.tagArticles)
        same("tagCounts", a.tagCounts, b.tagCounts)
        same("tagRanking", a.tagRanking, b.tagRanking)
        same("placeAbout", a.placeAbout, b.placeAbout)
        same("placeSubtree", a.placeSubtree, b.placeSubtree)
        same("placeMentions", a.placeMentions, b.placeMentions)
        same("placeRanks", a.placeRanks, b.placeRanks)
        same("placeRanking", a.placeRanking, b.placeRanking)
        same("names", a.names, b.names)
        same("partOf", a.partOf, b.partOf)
        same("groupOfKey", a.groupOfKey, b.groupOfKey)
        same("initiativeRecords", a.initiativeRecords, b.initiativeRecords)
        same("initiativeCounts", a.initiativeCounts, b.initiativeCounts)
        same("initiativeRanking", a.initiativeRanking, b.initiativeRanking)
        same("initiativesByPlace", a.initiativesByPlace, b.initiativesByPlace)
        same("initiativesByKind", a.initiativesByKind, b.initiativesByKind)
        same("bylines", a.bylines, b.bylines)
        same("authorOfAffiliation", a.authorOfAffiliation, b.authorOfAffiliation)
        same("authorRecords", a.authorRecords, b.authorRecords)
        same("authorCounts", a.authorCounts, b.authorCounts)
        same("authorRanking", a.authorRanking, b.authorRanking)
    }

    @Test func theSeedsAggregateReadsBackTableForTable() throws {
        let original = Self.seeds.aggregate
        #expect(original.tagCount > 0 && !original.names.isEmpty && !original.authorRecords.isEmpty && !original.placeMentions.isEmpty)
        let read = try Self.decoded(Self.encoded(original).bytes, places: Self.seeds.places)
        Self.expectEqualTables(original, read)
    }

    @Test func chunkedWritingGivesTheSameBytes() {
        let whole = Self.encoded(Self.seeds.aggregate)
        let chunked = Self.encoded(Self.seeds.aggregate, chunkSize: 512)
        #expect(whole.chunks == 1)
        #expect(chunked.chunks > 10)
        #expect(chunked.bytes == whole.bytes)
    }

    @Test func aReadAggregateChangesAsTheOriginalWould() throws {
        var original = Self.seeds.aggregate
        var read = try Self.decoded(Self.encoded(original).bytes, places: Self.seeds.places)
        let first = Array(Self.seeds.articles.prefix(3).enumerated().map { (slot: $0.offset, analysis: $0.element) })
        original.remove(first)
        read.remove(first)
        Self.expectEqualTables(original, read)
        original.add(first)
        read.add(first)
        Self.expectEqualTables(original, read)
        Self.expectEqualTables(read, Self.seeds.aggregate)
    }

    @Test func damagedOrTruncatedBytesAreAnErrorNotACrash() {
        let bytes = Self.encoded(Self.seeds.aggregate).bytes
        let cuts = stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40))
        for cut in cuts {
            #expect(throws: BinaryReader.Error.self) { _ = try Self.decoded(Array(bytes.prefix(cut)), places: Self.seeds.places) }
        }
        #expect(throws: BinaryReader.Error.self) { _ = try Self.decoded(bytes + [0], places: Self.seeds.places) }
    }

    /// The bytes of an aggregate with every table empty except `groupOfKey` (the tenth, a
    /// string-keyed table) and `partOf` (the last, a sorted index), which hold the given entries.
    static func handWritten(groups: [(key: String, group: String)], parts: [(part: String, name: String)]) -> [UInt8] {
        var writer = BinaryWriter()
        for _ in 0..<9 { writer.varint(0) }
        writer.varint(UInt64(groups.count))
        for entry in groups {
            writer.string(entry.key)
            writer.string(entry.group)
        }
        for _ in 0..<3 { writer.varint(0) }
        writer.varint(UInt64(parts.count))
        for entry in parts {
            writer.string(entry.part)
            writer.string(entry.name)
        }
        return writer.bytes
    }

    @Test func entriesInTheirOrderAreRead() throws {
        let read = try Self.decoded(Self.handWritten(groups: [("三长制", "三长制"), ("链长制", "链长制")],
                                                     parts: [("网格", "网格通"), ("网格通", "网格通行动")]),
                                    places: Self.seeds.places)
        #expect(read.groupOfKey.count == 2)
        #expect(read.partOf.count == 2)
    }

    @Test func aTableOutOfOrderIsAnErrorNotACrash() {
        let bytes = Self.handWritten(groups: [("链长制", "链长制"), ("三长制", "三长制")], parts: [])
        #expect(throws: BinaryReader.Error.self) { _ = try Self.decoded(bytes, places: Self.seeds.places) }
    }

    @Test func anIndexOutOfOrderIsAnErrorNotACrash() {
        let bytes = Self.handWritten(groups: [], parts: [("网格通", "网格通行动"), ("网格", "网格通")])
        #expect(throws: BinaryReader.Error.self) { _ = try Self.decoded(bytes, places: Self.seeds.places) }
    }

    @Test func aRepeatedIndexEntryIsAnErrorNotACrash() {
        let bytes = Self.handWritten(groups: [], parts: [("网格", "网格通"), ("网格", "网格通")])
        #expect(throws: BinaryReader.Error.self) { _ = try Self.decoded(bytes, places: Self.seeds.places) }
    }
}
