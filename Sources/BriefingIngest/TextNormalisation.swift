/// One spelling for the characters sources use interchangeably, so names, keywords and dates match however they were typed.
enum TextNormalisation {
    /// ‐ ‑ ‒ – (U+2010…U+2013): sources write "T‑Head", "mid‑September" and "Sep 29–30" with any of them.
    static func isHyphenVariant(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x2010 && scalar.value <= 0x2013
    }

    /// No-break, thin and other fixed-width spaces; they separate words like a space does.
    static func isSpaceVariant(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x00A0 || (scalar.value >= 0x2000 && scalar.value <= 0x200A) || scalar.value == 0x202F
    }

    /// ’ ‘ ʼ: "Nvidia’s" and "Nvidia's" are the same possessive.
    static func isApostropheVariant(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x2019 || scalar.value == 0x2018 || scalar.value == 0x02BC
    }

    static func normalised(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        // Plain comparisons: these run once per scalar of every text, and range checks are slow unoptimised.
        if scalar.value < 0x80 { return scalar }
        if isHyphenVariant(scalar) { return "-" }
        if isSpaceVariant(scalar) { return " " }
        if isApostropheVariant(scalar) { return "'" }
        return scalar
    }

    /// The text as scalars with hyphens, spaces and apostrophes normalised; one scalar in, one out, so offsets carry over.
    static func normalisedScalars(_ text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars { scalars.append(normalised(scalar)) }
        return scalars
    }

    /// The text with hyphens, spaces and apostrophes normalised.
    static func normalised(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { view.append(normalised(scalar)) }
        return String(view)
    }

    /// Letters and digits of any script: what words are made of, for whole-word matching.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
        return scalar.properties.isAlphabetic
    }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// Simple one-to-one lower-casing, so matching can compare scalar by scalar at the same offsets.
    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x80 {
            return scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
        }
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first ?? scalar : scalar
    }

    /// Runs of spaces, tabs and newlines become one space; the ends are trimmed.
    static func collapsingWhitespace<S: StringProtocol>(_ text: S) -> String {
        var view = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || isSpaceVariant(scalar) {
                pendingSpace = !view.isEmpty
            } else {
                if pendingSpace { view.append(" ") }
                pendingSpace = false
                view.append(scalar)
            }
        }
        return String(view)
    }

    /// Trims spaces, tabs and no-break spaces at both ends (Foundation's trimming would need CharacterSet bridging).
    static func trimmed<S: StringProtocol>(_ text: S) -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{00A0}" }
        let substring = Substring(text)
        guard let start = substring.firstIndex(where: { !isBlank($0) }),
              let end = substring.lastIndex(where: { !isBlank($0) }) else { return "" }
        return substring[start...end]
    }
}
