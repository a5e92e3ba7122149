/// The compact text a term's postings are written in: for each brief that holds the term, the distance from
/// the previous brief's number, then the term's weight in it.
///
/// Numbers are written in base 32 with a continuation flag, most significant digit first, in the 64 characters
/// of URL-safe Base64: a digit below 32 ends a number, one from 32 up says more digits follow. Briefs close
/// together cost one character each; none of the characters needs escaping in JSON. `assets/search.js` reads it.
public enum SearchPostings {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    /// Weights are 1…63, one character.
    public static let maximumWeight = 63

    /// `(document number, weight)` pairs, numbers ascending.
    public static func encode(_ postings: [(document: Int, weight: Int)]) -> String {
        encode(packed: postings.map { UInt32($0.document) << 6 | UInt32(min(max($0.weight, 0), maximumWeight)) }[...])
    }

    /// Postings packed as `document << 6 | weight`, documents ascending.
    static func encode(packed postings: ArraySlice<UInt32>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(postings.count * 2)
        var previous = 0
        for posting in postings {
            let document = Int(posting >> 6)
            appendNumber(document - previous, to: &out)
            out.append(alphabet[Int(posting & 63)])
            previous = document
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Document numbers alone, ascending (a filter's briefs).
    public static func encode(documents: [Int]) -> String {
        var out: [UInt8] = []
        var previous = 0
        for document in documents {
            appendNumber(document - previous, to: &out)
            previous = document
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The pairs back from `encode`, for tests; the browser has its own reader. Without weights, each weight is 0.
    public static func decode(_ text: String, withWeights: Bool = true) -> [(document: Int, weight: Int)] {
        let digits = text.utf8.map { byte in alphabet.firstIndex(of: byte) ?? 0 }
        var pairs: [(document: Int, weight: Int)] = []
        var document = 0
        var at = 0
        while at < digits.count {
            var number = 0
            while at < digits.count {
                let digit = digits[at]
                at += 1
                number = number * 32 + (digit & 31)
                if digit < 32 { break }
            }
            document += number
            var weight = 0
            if withWeights, at < digits.count {
                weight = digits[at]
                at += 1
            }
            pairs.append((document, weight))
        }
        return pairs
    }

    private static func appendNumber(_ value: Int, to out: inout [UInt8]) {
        // Most significant digit first, without a buffer: this runs once per posting, millions of times a build.
        var shift = 0
        while value >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            out.append(alphabet[((value >> shift) & 31) + 32])
            shift -= 5
        }
        out.append(alphabet[value & 31])
    }
}
