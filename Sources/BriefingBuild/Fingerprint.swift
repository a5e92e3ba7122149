import BriefingTemplates
import Crypto

/// A SHA-256 digest of everything one output depends on: equal fingerprints mean equal bytes.
///
/// Held as four words rather than hex text: a build compares, hashes, loads and saves tens of thousands
/// of them, and spelling each out as a string cost more than computing it.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    let words: (UInt64, UInt64, UInt64, UInt64)

    init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

    init(_ digest: SHA256.Digest) {
        words = digest.withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        }
    }

    /// The digest as 64 lower-case hex digits, in byte order.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for word in [words.0, words.1, words.2, words.3] {
            withUnsafeBytes(of: word) { bytes in
                for byte in bytes {
                    text.append(digits[Int(byte >> 4)])
                    text.append(digits[Int(byte & 15)])
                }
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    public var description: String { hex }

    public static func == (lhs: Fingerprint, rhs: Fingerprint) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    /// The digest of some bytes, e.g. a content file.
    static func of(_ bytes: some Sequence<UInt8>) -> Fingerprint {
        var hasher = FingerprintHasher()
        hasher.add(bytes: Array(bytes))
        return hasher.finish()
    }
}

/// Feeds values into a SHA-256 in a canonical, unambiguous form: every value carries a type tag and
/// a length, and object keys are sorted, so equal contexts always hash equally.
///
/// Small writes are gathered in a buffer first: a context is thousands of tiny tags and lengths, and
/// handing each to SHA-256 separately cost more than the hashing itself.
struct FingerprintHasher {
    private var sha = SHA256()
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(8192) }

    mutating func add(bytes: [UInt8]) {
        add(length: bytes.count)
        append(bytes)
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            add(length: utf8.count)
            append(utf8)
        }
    }

    mutating func add(_ fingerprint: Fingerprint) {
        for word in [fingerprint.words.0, fingerprint.words.1, fingerprint.words.2, fingerprint.words.3] {
            withUnsafeBytes(of: word) { buffer.append(contentsOf: $0) }
        }
        if buffer.count >= 8192 { flush() }
    }

    mutating func add(_ value: TemplateValue) {
        switch value {
        case .null: buffer.append(0)
        case .bool(let flag): buffer.append(flag ? 2 : 1)
        case .int(let number):
            buffer.append(3)
            add(length: number)
        case .double(let number):
            buffer.append(4)
            add(length: Int(bitPattern: UInt(number.bitPattern)))
        case .string(let text):
            buffer.append(5)
            add(text)
        case .list(let items):
            buffer.append(6)
            add(length: items.count)
            for item in items { add(item) }
        case .object(let fields):
            buffer.append(7)
            add(length: fields.count)
            for key in fields.keys.sorted() {
                add(key)
                if let field = fields[key] { add(field) }
            }
        }
        if buffer.count >= 8192 { flush() }
    }

    consuming func finish() -> Fingerprint {
        flush()
        return Fingerprint(sha.finalize())
    }

    private mutating func append(_ bytes: some Collection<UInt8>) {
        if bytes.count > 4096 {
            flush()
            sha.update(data: Array(bytes))
        } else {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 8192 { flush() }
        }
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { sha.update(bufferPointer: $0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func add(length: Int) {
        withUnsafeBytes(of: Int64(length).littleEndian) { buffer.append(contentsOf: $0) }
    }
}
