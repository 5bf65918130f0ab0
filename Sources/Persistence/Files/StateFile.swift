#if canImport(Glibc)
import Glibc
#endif

/// The one binary container of every derived-state file (index segments, analysed articles, the
/// manifest): a fixed header, sections of raw little-endian arrays aligned to 64 bytes, and a
/// section table at the end. Every section and the table carry an XXH64 checksum, and the header
/// names the file's kind and the caller's *schema key* (a hash of the program's format, parser
/// and analysis versions and configuration), so a file from another version or a damaged file is
/// recognised before it is used and the state is rebuilt from the page files instead.
///
///     0   magic "NWSRSTAT"            32  table offset (u64)
///     8   format version (u32)        40  table checksum (u64)
///     12  kind (u32)                  48  header checksum over bytes 0..<48 (u64)
///     16  section count (u32)         56  reserved
///     24  schema key (u64)            64  sections…, then the table: per section
///                                         tag u32, element size u32, offset u64, length u64, checksum u64
public final class StateFile: Sendable {
    public static let formatVersion: UInt32 = 1
    static let magic: [UInt8] = Array("NWSRSTAT".utf8)
    static let headerSize = 64
    static let entrySize = 32

    public struct Section: Sendable {
        public var tag: UInt32
        public var elementSize: Int
        public var offset: Int
        public var length: Int
        public var checksum: UInt64
    }

    public let file: MappedFile
    public let kind: UInt32
    public let schemaKey: UInt64
    public let sections: [UInt32: Section]

    /// Maps and validates the header and the section table (not the sections' checksums; see
    /// `verify`). Throws when the file is not a state file of this format, kind and schema.
    public init(path: String, kind expectedKind: UInt32, schemaKey expectedKey: UInt64) throws(StateFileError) {
        file = try MappedFile(path: path)
        let bytes = file.bytes
        guard bytes.count >= Self.headerSize, Array(bytes[0..<8]) == Self.magic else {
            throw .corrupt(path, "not a Newsroom state file")
        }
        func read<T: FixedWidthInteger>(_ offset: Int, _ type: T.Type) -> T {
            T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
        guard Checksum.of(UnsafeRawBufferPointer(rebasing: bytes[0..<48])) == read(48, UInt64.self) else {
            throw .corrupt(path, "header checksum mismatch")
        }
        let version = read(8, UInt32.self)
        guard version == Self.formatVersion else { throw .incompatible(path, "format version \(version), expected \(Self.formatVersion)") }
        kind = read(12, UInt32.self)
        guard kind == expectedKind else { throw .incompatible(path, "file kind \(kind), expected \(expectedKind)") }
        schemaKey = read(24, UInt64.self)
        guard schemaKey == expectedKey else { throw .incompatible(path, "written by another program version, page-rules revision or configuration") }
        let count = Int(read(16, UInt32.self))
        let tableOffset = Int(read(32, UInt64.self))
        let tableLength = count * Self.entrySize
        guard tableOffset >= Self.headerSize, tableOffset + tableLength == bytes.count else {
            throw .corrupt(path, "truncated (section table out of bounds)")
        }
        guard Checksum.of(UnsafeRawBufferPointer(rebasing: bytes[tableOffset..<(tableOffset + tableLength)])) == read(40, UInt64.self) else {
            throw .corrupt(path, "section table checksum mismatch")
        }
        var sections: [UInt32: Section] = [:]
        for index in 0..<count {
            let entry = tableOffset + index * Self.entrySize
            let section = Section(tag: read(entry, UInt32.self), elementSize: Int(read(entry + 4, UInt32.self)),
                                  offset: Int(read(entry + 8, UInt64.self)), length: Int(read(entry + 16, UInt64.self)),
                                  checksum: read(entry + 24, UInt64.self))
            guard section.offset >= Self.headerSize, section.offset % 64 == 0, section.length >= 0,
                  section.offset + section.length <= tableOffset,
                  section.elementSize > 0, section.length % section.elementSize == 0 else {
                throw .corrupt(path, "section \(section.tag) out of bounds")
            }
            sections[section.tag] = section
        }
        self.sections = sections
    }

    public var path: String { file.path }

    /// True when the file has the section (files written by an earlier layout may lack new ones).
    public func hasSection(_ tag: UInt32) -> Bool { sections[tag] != nil }

    /// True when the section's bytes match their checksum.
    public func verify(_ tag: UInt32) -> Bool {
        guard let section = sections[tag] else { return false }
        file.willRead(section.offset..<(section.offset + section.length))
        let bytes = UnsafeRawBufferPointer(rebasing: file.bytes[section.offset..<(section.offset + section.length)])
        return Checksum.of(bytes) == section.checksum
    }

    /// Verifies every section; throws naming the first damaged one.
    public func verifyAll() throws(StateFileError) {
        for tag in sections.keys.sorted() where !verify(tag) {
            throw .corrupt(path, "section \(tag) checksum mismatch")
        }
    }

    /// The section as an array of `T`. Throws when it is missing or of another element size.
    public func array<T: BitwiseCopyable>(_ tag: UInt32, of type: T.Type = T.self) throws(StateFileError) -> StoredArray<T> {
        guard let section = sections[tag] else { throw .corrupt(path, "section \(tag) missing") }
        guard section.elementSize == MemoryLayout<T>.stride else {
            throw .corrupt(path, "section \(tag) has \(section.elementSize)-byte elements, expected \(MemoryLayout<T>.stride)")
        }
        let base = file.base.map { $0 + section.offset } ?? UnsafeRawPointer(bitPattern: 64)!
        return StoredArray(owner: file, base: base, count: section.length / section.elementSize)
    }

    /// The raw bytes of a section (valid while this file is alive).
    public func bytes(_ tag: UInt32) throws(StateFileError) -> UnsafeRawBufferPointer {
        guard let section = sections[tag] else { throw .corrupt(path, "section \(tag) missing") }
        return UnsafeRawBufferPointer(rebasing: file.bytes[section.offset..<(section.offset + section.length)])
    }
}

/// Writes a state file section by section, streaming (a section can be larger than memory the
/// writer wants to hold), to a temporary name; `commit` fsyncs and renames it into place, so a
/// reader sees the old file or the whole new one.
public final class StateFileWriter {
    private let finalPath: String
    private let temporaryPath: String
    private let descriptor: Int32
    private let kind: UInt32
    private let schemaKey: UInt64
    private var offset = StateFile.headerSize
    private var entries: [StateFile.Section] = []
    private var open: (tag: UInt32, elementSize: Int, start: Int, checksum: Checksum)?
    private var finished = false

    public init(path: String, kind: UInt32, schemaKey: UInt64) throws(StateFileError) {
        finalPath = path
        temporaryPath = path + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        descriptor = Glibc.open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .system("create \(temporaryPath)", errno) }
        self.kind = kind
        self.schemaKey = schemaKey
    }

    deinit {
        if !finished {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    public func beginSection(_ tag: UInt32, elementSize: Int) throws(StateFileError) {
        precondition(open == nil, "a section is already open")
        try pad(to: (offset + 63) & ~63)
        open = (tag, elementSize, offset, Checksum())
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(StateFileError) {
        precondition(open != nil, "no section is open")
        open!.checksum.update(bytes)
        try writeRaw(bytes)
    }

    public func write<T: BitwiseCopyable>(_ values: [T]) throws(StateFileError) {
        var failure: StateFileError?
        values.withUnsafeBytes { raw in
            do throws(StateFileError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    public func endSection() throws(StateFileError) {
        guard let section = open else { preconditionFailure("no section is open") }
        let length = offset - section.start
        precondition(length % section.elementSize == 0, "section \(section.tag) length is not a whole number of elements")
        entries.append(StateFile.Section(tag: section.tag, elementSize: section.elementSize, offset: section.start,
                                         length: length, checksum: section.checksum.value))
        open = nil
    }

    /// A whole section from one array.
    public func addSection<T: BitwiseCopyable>(_ tag: UInt32, _ values: [T]) throws(StateFileError) {
        try beginSection(tag, elementSize: MemoryLayout<T>.stride)
        try write(values)
        try endSection()
    }

    public func addSection<T: BitwiseCopyable>(_ tag: UInt32, _ values: StoredArray<T>) throws(StateFileError) {
        try beginSection(tag, elementSize: MemoryLayout<T>.stride)
        var failure: StateFileError?
        values.withUnsafeBufferPointer { buffer in
            do throws(StateFileError) { try write(UnsafeRawBufferPointer(buffer)) } catch { failure = error }
        }
        if let failure { throw failure }
        try endSection()
    }

    /// Writes the table and header, fsyncs, renames into place and fsyncs the directory.
    public func commit() throws(StateFileError) {
        precondition(open == nil, "a section is still open")
        var table: [UInt8] = []
        for entry in entries {
            table += bytes(UInt32(entry.tag)) + bytes(UInt32(entry.elementSize)) + bytes(UInt64(entry.offset))
                + bytes(UInt64(entry.length)) + bytes(entry.checksum)
        }
        let tableOffset = offset
        try writeRaw(table)
        var header = StateFile.magic + bytes(StateFile.formatVersion) + bytes(kind) + bytes(UInt32(entries.count))
            + bytes(UInt32(0)) + bytes(schemaKey) + bytes(UInt64(tableOffset)) + bytes(Checksum.of(table))
        header += bytes(Checksum.of(header))
        header += [UInt8](repeating: 0, count: StateFile.headerSize - header.count)
        let written = header.withUnsafeBytes { raw in pwrite(descriptor, raw.baseAddress, raw.count, 0) }
        guard written == header.count else { throw .system("write \(temporaryPath)", errno) }
        guard fsync(descriptor) == 0 else { throw .system("fsync \(temporaryPath)", errno) }
        close(descriptor)
        finished = true
        guard rename(temporaryPath, finalPath) == 0 else {
            let code = errno
            unlink(temporaryPath)
            throw .system("rename \(temporaryPath)", code)
        }
        try syncDirectory(containing: finalPath)
    }

    private func pad(to target: Int) throws(StateFileError) {
        guard target > offset else { return }
        try writeRaw([UInt8](repeating: 0, count: target - offset))
    }

    private func writeRaw(_ bytes: [UInt8]) throws(StateFileError) {
        var failure: StateFileError?
        bytes.withUnsafeBytes { raw in
            do throws(StateFileError) { try writeRaw(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private func writeRaw(_ bytes: UnsafeRawBufferPointer) throws(StateFileError) {
        var done = 0
        while done < bytes.count {
            let written = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if written < 0 {
                if errno == EINTR { continue }
                throw .system("write \(temporaryPath)", errno)
            }
            done += written
        }
        offset += bytes.count
    }

    private func bytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }
}

/// Makes a rename or unlink in the directory of `path` durable.
public func syncDirectory(containing path: String) throws(StateFileError) {
    var directory = path
    if let slash = directory.lastIndex(of: "/") { directory = String(directory[..<slash]) } else { directory = "." }
    if directory.isEmpty { directory = "/" }
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .system("open \(directory)", errno) }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else { throw .system("fsync \(directory)", errno) }
}

public enum StateFileError: Error, Sendable, CustomStringConvertible {
    case system(String, Int32)
    /// The file is damaged: rebuild what it held.
    case corrupt(String, String)
    /// The file is sound but from another format, kind or program version: rebuild what it held.
    case incompatible(String, String)

    public var description: String {
        switch self {
        case .system(let operation, let code): "\(operation): \(String(cString: strerror(code)))"
        case .corrupt(let path, let reason): "\(path): damaged state file: \(reason)"
        case .incompatible(let path, let reason): "\(path): \(reason)"
        }
    }
}

/// A four-character code as a section tag or file kind (`"POST"` → 0x54534F50).
public func fourCC(_ text: StaticString) -> UInt32 {
    precondition(text.utf8CodeUnitCount == 4, "a four-character code needs four ASCII characters")
    let bytes = UnsafeBufferPointer(start: text.utf8Start, count: 4)
    return UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
}
