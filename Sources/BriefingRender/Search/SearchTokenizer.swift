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

    /// Calls `body` with each term of `text`, in order. ASCII is folded byte by byte; a run holding anything
    /// else goes through Unicode decomposition.
    public static func forEachTerm(in text: String, _ body: (String) -> Void) {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(32)
        var scalars = String.UnicodeScalarView()
        var isASCII = true

        func finish() {
            defer {
                ascii.removeAll(keepingCapacity: true)
                scalars.removeAll()
                isASCII = true
            }
            if isASCII {
                guard ascii.count >= minimumLength else { return }
                body(String(decoding: ascii.prefix(maximumLength), as: UTF8.self))
            } else if let term = fold(String(scalars)) {
                body(term)
            }
        }

        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    ascii.append(byte)
                    scalars.append(scalar)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    ascii.append(byte + 32)
                    scalars.append(scalar)
                default:
                    if !scalars.isEmpty { finish() }
                }
            } else if isWordScalar(scalar) {
                isASCII = false
                scalars.append(scalar)
            } else if !scalars.isEmpty {
                finish()
            }
        }
        if !scalars.isEmpty { finish() }
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
