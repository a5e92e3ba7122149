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
struct FingerprintHasher {
    private var sha = SHA256()

    mutating func add(bytes: [UInt8]) {
        add(length: bytes.count)
        sha.update(data: bytes)
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            add(length: buffer.count)
            sha.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }
    }

    mutating func add(_ fingerprint: Fingerprint) { add(fingerprint.hex) }

    mutating func add(_ value: TemplateValue) {
        switch value {
        case .null: tag(0)
        case .bool(let flag): tag(flag ? 2 : 1)
        case .int(let number):
            tag(3)
            add(length: number)
        case .double(let number):
            tag(4)
            add(length: Int(bitPattern: UInt(number.bitPattern)))
        case .string(let text):
            tag(5)
            add(text)
        case .list(let items):
            tag(6)
            add(length: items.count)
            for item in items { add(item) }
        case .object(let fields):
            tag(7)
            add(length: fields.count)
            for key in fields.keys.sorted() {
                add(key)
                if let field = fields[key] { add(field) }
            }
        }
    }

    consuming func finish() -> Fingerprint { Fingerprint(sha.finalize()) }

    private mutating func tag(_ byte: UInt8) { sha.update(data: [byte]) }

    private mutating func add(length: Int) {
        withUnsafeBytes(of: Int64(length).littleEndian) { sha.update(bufferPointer: $0) }
    }
}
