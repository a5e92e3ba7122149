import Foundation

/// Appends values to a byte buffer in a fixed little-endian layout, for the files in `.briefing/` that only
/// this program reads.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func fingerprint(_ fingerprint: Fingerprint) {
        for word in [fingerprint.words.0, fingerprint.words.1, fingerprint.words.2, fingerprint.words.3] { int(Int(bitPattern: UInt(word))) }
    }

    /// A count, then the values as four bytes each: lists of millions of small numbers.
    mutating func uint32s(_ values: [UInt32]) {
        int(values.count)
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    }

    mutating func optional(_ text: String?) {
        int(text == nil ? 0 : 1)
        if let text { string(text) }
    }

    mutating func list<Item>(_ items: [Item], _ write: (inout BinaryWriter, Item) -> Void) {
        int(items.count)
        for item in items { write(&self, item) }
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// Adds the bytes to the end of an existing file, for append-only logs whose readers ignore a partial tail.
    func append(to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_APPEND)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { close(descriptor) }
        try write(to: descriptor, path: url.path)
    }

    /// Writes the bytes to a temporary name and renames it: a build killed while saving leaves the old file or none.
    func save(to url: URL) throws {
        try BinaryWriter.save(to: url) { descriptor in try write(to: descriptor, path: url.path) }
    }

    /// Writes what `produce` writes to the open file (it may `flush` as it goes, so a file of a hundred megabytes
    /// is never held whole) to a temporary name, and renames it into place.
    static func save(to url: URL, _ produce: (Int32) throws -> Void) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        do {
            try produce(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0, rename(temporary, url.path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// Writes the bytes gathered so far to `descriptor` and starts afresh.
    mutating func flush(to descriptor: Int32, path: String) throws {
        try write(to: descriptor, path: path)
        bytes.removeAll(keepingCapacity: true)
    }

    private func write(to descriptor: Int32, path: String) throws {
        var done = 0
        while done < bytes.count {
            let wrote = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress.map { $0 + done }, bytes.count - done) }
            guard wrote > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            done += wrote
        }
    }
}

/// Reads what `BinaryWriter` wrote; any inconsistency returns nil, and the caller treats the cache as missing.
struct BinaryReader {
    private let bytes: [UInt8]
    private(set) var offset: Int
    private let end: Int

    init(_ bytes: [UInt8]) { self.init(bytes, range: 0..<bytes.count) }

    /// Reads only `range` of `bytes`: one record of a file, decoded apart from the others.
    init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        offset = range.lowerBound
        end = range.upperBound
    }

    /// A whole file, read straight into an array (going through `Data` copied tens of megabytes once more).
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let got = read(descriptor, buffer.baseAddress.map { $0 + done }, size - done)
                if got <= 0 { failed = got < 0; break }
                done += got
            }
            count = done
        }
        return failed || bytes.count != size ? nil : bytes
    }

    var isAtEnd: Bool { offset == end }

    mutating func int() -> Int? {
        guard offset + 8 <= end else { return nil }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int64.self) }
        offset += 8
        return Int(Int64(littleEndian: value))
    }

    mutating func string() -> String? {
        guard let count = int(), count >= 0, count <= end - offset else { return nil }
        defer { offset += count }
        // Through a buffer pointer: decoding from an ArraySlice took the slow generic path.
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<(offset + count)]), as: UTF8.self) }
    }

    mutating func fingerprint() -> Fingerprint? {
        guard let a = int(), let b = int(), let c = int(), let d = int() else { return nil }
        return Fingerprint(words: (UInt64(UInt(bitPattern: a)), UInt64(UInt(bitPattern: b)), UInt64(UInt(bitPattern: c)), UInt64(UInt(bitPattern: d))))
    }

    mutating func uint32s() -> [UInt32]? {
        guard let count = int(), count >= 0, count <= (end - offset) / 4 else { return nil }
        defer { offset += count * 4 }
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + $0 * 4, as: UInt32.self)) }
        }
    }

    /// `.some(nil)` for a stored nil; nil when the bytes are unreadable.
    mutating func optional() -> String?? {
        switch int() {
        case 0: return .some(nil)
        case 1: return string().map { .some($0) }
        default: return nil
        }
    }

    /// Skips `count` bytes, returning the range skipped; nil when fewer are left.
    mutating func skip(_ count: Int) -> Range<Int>? {
        guard count >= 0, count <= end - offset else { return nil }
        defer { offset += count }
        return offset..<(offset + count)
    }

    mutating func list<Item>(_ read: (inout BinaryReader) -> Item?) -> [Item]? {
        // A count larger than the bytes left can only come from a damaged file; refuse it before reserving.
        guard let count = int(), count >= 0, count <= end - offset else { return nil }
        var items: [Item] = []
        // Every item takes at least eight bytes.
        items.reserveCapacity(min(count, (end - offset) / 8))
        for _ in 0..<count {
            guard let item = read(&self) else { return nil }
            items.append(item)
        }
        return items
    }
}
