import Foundation
import Persistence
import TestSupport
import Testing

@Suite("State files: checksummed sections, versions, damage")
struct StateFileTests {
    private func temporaryPath() -> String {
        let directory = scratchURL("newsroom-statefile")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("test.nrs").path
    }

    private let kind = fourCC("TEST")

    private func writeSample(_ path: String, key: UInt64 = 42) throws {
        let writer = try StateFileWriter(path: path, kind: kind, schemaKey: key)
        try writer.addSection(fourCC("NUMS"), [UInt32](0..<1000))
        try writer.addSection(fourCC("TEXT"), Array("志愿服务".utf8))
        try writer.commit()
    }

    @Test func sectionsReadBackAsWritten() throws {
        let path = temporaryPath()
        try writeSample(path)
        let file = try StateFile(path: path, kind: kind, schemaKey: 42)
        let numbers = try file.array(fourCC("NUMS"), of: UInt32.self)
        #expect(numbers.count == 1000 && numbers[999] == 999)
        #expect(numbers.isMapped)
        let text = try file.array(fourCC("TEXT"), of: UInt8.self)
        #expect(String(decoding: text.array, as: UTF8.self) == "志愿服务")
        try file.verifyAll()
    }

    @Test func anotherSchemaKeyIsIncompatible() throws {
        let path = temporaryPath()
        try writeSample(path, key: 1)
        #expect(throws: StateFileError.self) { _ = try StateFile(path: path, kind: kind, schemaKey: 2) }
    }

    @Test func aTruncatedFileIsRecognised() throws {
        let path = temporaryPath()
        try writeSample(path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(data.count - 10).write(to: URL(fileURLWithPath: path))
        #expect(throws: StateFileError.self) { _ = try StateFile(path: path, kind: kind, schemaKey: 42) }
    }

    @Test func aFlippedByteInASectionFailsItsChecksum() throws {
        let path = temporaryPath()
        try writeSample(path)
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        data[100] ^= 0xFF
        try data.write(to: URL(fileURLWithPath: path))
        let file = try StateFile(path: path, kind: kind, schemaKey: 42)
        #expect(!file.verify(fourCC("NUMS")))
        #expect(file.verify(fourCC("TEXT")))
        #expect(throws: StateFileError.self) { try file.verifyAll() }
    }

    @Test func checksumMatchesTheReferenceXXH64() {
        // Reference values of XXH64 with seed 0.
        #expect(Checksum.of([UInt8]()) == 0xEF46_DB37_51D8_E999)
        #expect(Checksum.of("a") == 0xD24E_C4F1_A98C_6E5B)
        #expect(Checksum.of("abc") == 0x44BC_2CF5_AD77_0999)
        let long = Array("Nobody inspects the spammish repetition".utf8)
        #expect(Checksum.of(long) == 0xFBCE_A83C_8A37_8BF1)
    }

    @Test func streamingInPiecesEqualsOneCall() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var stream = Checksum()
        for chunk in stride(from: 0, to: bytes.count, by: 7) { stream.update(bytes[chunk..<min(bytes.count, chunk + 7)]) }
        #expect(stream.value == Checksum.of(bytes))
    }

    @Test func binaryRecordsRoundTripAndDamageIsAnError() throws {
        var writer = BinaryWriter()
        writer.string("株洲日报")
        writer.int(-42)
        writer.optionalString(nil)
        writer.strings(["a", "乙"])
        let bytes = writer.bytes
        try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws in
            var reader = BinaryReader(raw)
            #expect(try reader.string() == "株洲日报")
            #expect(try reader.int() == -42)
            #expect(try reader.optionalString() == nil)
            #expect(try reader.strings() == ["a", "乙"])
            #expect(reader.isAtEnd)
        }
        Array(bytes.prefix(5)).withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var reader = BinaryReader(raw)
            #expect(throws: BinaryReader.Error.self) { _ = try reader.string() }
        }
    }
}
