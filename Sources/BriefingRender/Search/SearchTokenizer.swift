import Foundation

/// Splits text into search terms the way `assets/search.js` splits a query: accents removed, lower case,
/// runs of letters and digits, at least two characters long.
///
/// The browser folds with `normalize("NFD")`, drops `\p{M}` and lower-cases; this does the same, so a
/// term written here is found by what a reader types there. One-character runs ("s" of "Nvidia's", "5")
/// are left out: they would hold postings for most briefs and match nothing a reader means.
public enum SearchTokenizer {
    /// The shortest term kept, in Unicode scalars.
    public static let minimumLength = 2
    /// The longest term kept: longer runs are URLs or identifiers, cut so a shard key stays short.
    public static let maximumLength = 40

    /// Every term of `text`, in order, repeats included.
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append($0) }
        return terms
    }

    /// Calls `body` with each term of `text`, in order. Runs of ASCII letters and digits are folded byte by byte;
    /// a run holding any other byte goes through Unicode decomposition (`unicodeRun`). Every body of the site
    /// passes through here on a build, so the common case stays on bytes.
    public static func forEachTerm(in text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = -1
            var isASCII = true
            func finish(_ end: Int) {
                if isASCII {
                    let count = min(end - start, maximumLength)
                    if count >= minimumLength {
                        body(String(unsafeUninitializedCapacity: count) { out in
                            for k in 0..<count {
                                let byte = bytes[start + k]
                                out[k] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                            }
                            return count
                        })
                    }
                } else {
                    unicodeRun(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), body)
                }
                start = -1
                isASCII = true
            }
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 {
                    // Part of a run until ASCII punctuation or space ends it; the Unicode path splits it further.
                    if start < 0 { start = index }
                    isASCII = false
                } else if isASCIIWordByte(byte) {
                    if start < 0 { start = index }
                } else if start >= 0 {
                    finish(index)
                }
            }
            if start >= 0 { finish(bytes.count) }
        }
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// A run with non-ASCII characters: split at anything that is not a letter, digit or mark, each part folded.
    private static func unicodeRun(_ run: String, _ body: (String) -> Void) {
        var part = String.UnicodeScalarView()
        for scalar in run.unicodeScalars {
            if isWordScalar(scalar) {
                part.append(scalar)
            } else if !part.isEmpty {
                if let term = fold(String(part)) { body(term) }
                part.removeAll()
            }
        }
        if !part.isEmpty, let term = fold(String(part)) { body(term) }
    }

    /// A run of letters, digits and marks, folded: decomposed, marks dropped, lower-cased. Nil when too short.
    static func fold(_ run: String) -> String? {
        var kept = String.UnicodeScalarView()
        for scalar in run.decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(scalar) {
            kept.append(scalar)
        }
        let folded = String(kept).lowercased()
        let count = folded.unicodeScalars.count
        guard count >= minimumLength else { return nil }
        return count <= maximumLength ? folded : String(String.UnicodeScalarView(folded.unicodeScalars.prefix(maximumLength)))
    }

    /// `\p{L}`, `\p{N}` or `\p{M}`: what may stand in a term before folding.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            true
        default:
            false
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
