import Foundation

/// A URL- and file-safe name: lower-case ASCII letters, digits and single hyphens, never empty.
public struct Slug: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    static let maximumLength = 80

    /// Accepts `text` only if it already is a safe slug, so a hand-written slug can never escape a folder.
    public init?(validating text: String) {
        // Bytes, not Foundation's string search: every slug of every brief passes through here on each build.
        let hyphen = UInt8(ascii: "-")
        var previous = hyphen
        for byte in text.utf8 {
            guard Slug.isSlugByte(byte) || (byte == hyphen && previous != hyphen) else { return nil }
            previous = byte
        }
        guard !text.isEmpty, text.utf8.count <= Slug.maximumLength, previous != hyphen else { return nil }
        rawValue = text
    }

    /// Derives a slug from a title; scripts other than Latin are transliterated (华为 → hua-wei).
    public init(deriving title: String, maximumLength: Int = 60) {
        // Typographic apostrophes join words like the ASCII one does.
        let apostrophes = title.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{02BC}", with: "'")
        let latin = apostrophes.applyingTransform(.toLatin, reverse: false) ?? apostrophes
        let plain = latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
        var words: [String] = []
        var current = ""
        for byte in plain.lowercased().utf8 {
            if Slug.isSlugByte(byte) {
                current.append(Character(Unicode.Scalar(byte)))
            } else if byte != UInt8(ascii: "'") && !current.isEmpty {
                // Apostrophes join ("Alibaba's" → "alibabas"); everything else separates words.
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = ""
        for word in words {
            let candidate = slug.isEmpty ? word : slug + "-" + word
            if candidate.utf8.count > maximumLength { break }
            slug = candidate
        }
        if slug.isEmpty, let first = words.first { slug = String(first.prefix(maximumLength)) }
        // A title with nothing to transliterate still needs a stable, distinct name.
        rawValue = slug.isEmpty ? "item-" + StableHash.hex(of: title) : slug
    }

    public var description: String { rawValue }

    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func isSlugByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

/// A short deterministic hash (64-bit FNV-1a) for names and checksums that must not change between runs.
public enum StableHash {
    public static func hex(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
