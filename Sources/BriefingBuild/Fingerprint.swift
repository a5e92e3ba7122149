import BriefingTemplates
import Crypto

/// A SHA-256 digest of everything one output depends on: equal fingerprints mean equal bytes.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    public let hex: String

    public init(hex: String) { self.hex = hex }

    init(_ digest: SHA256.Digest) {
        hex = digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    public var description: String { hex }

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

    mutating func add(_ fingerprint: Fingerprint) { add(fingerprint.hex) }

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
