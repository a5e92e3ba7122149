/// Normalising the text of feed fields: titles, names, summaries.
enum FeedText {
    /// Leading sentences taken when a summary has to be made from the content.
    static let summarySentences = 2
    /// A description longer than this is an article, not a summary.
    static let summaryCharacterLimit = 600

    static func trimmed(_ text: String?) -> String? {
        guard let text else { return nil }
        let result = collapsed(text)
        return result.isEmpty ? nil : result
    }

    static func nonBlank(_ text: String) -> String? {
        text.allSatisfy(\.isWhitespace) ? nil : text
    }

    /// Runs of whitespace (Unicode's, so no-break spaces too) become one space; the ends are trimmed.
    static func collapsed(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let width = whitespaceWidth(bytes, at: index)
                if width > 0 {
                    pendingSpace = !output.isEmpty
                    index += width
                } else {
                    if pendingSpace { output.append(0x20) }
                    pendingSpace = false
                    output.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The length in bytes of the whitespace character at `index` (ASCII or Unicode `White_Space`), or 0.
    private static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        guard byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3, index + 1 < bytes.count else { return 0 }
        let second = bytes[index + 1]
        if byte == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : 0 }
        guard index + 2 < bytes.count else { return 0 }
        let third = bytes[index + 2]
        switch (byte, second) {
        case (0xE1, 0x9A): return third == 0x80 ? 3 : 0                              // U+1680
        case (0xE2, 0x80): return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0                              // U+205F
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0                              // U+3000
        default: return 0
        }
    }

    /// A title as plain text. RSS titles are meant to be text but often carry escaped HTML
    /// (`&lt;em&gt;`, `&amp;#8217;`); those go through the HTML parser, plain ones are only collapsed.
    static func title(_ text: String?) -> String? {
        guard let text else { return nil }
        return trimmed(looksLikeHTML(text) ? HTMLConverter.plainText(fromHTML: text) : text)
    }

    /// Whether the text holds a tag (`<b`, `</`, `<!`) or an entity/character reference (`&amp;`, `&#8217;`).
    static func looksLikeHTML(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where scalar == "<" || scalar == "&" {
            let rest = scalars[(index + 1)...].prefix(12)
            if scalar == "<" {
                if let next = rest.first, next == "/" || next == "!" || next.properties.isAlphabetic { return true }
            } else if let end = rest.firstIndex(of: ";"), end > index + 1,
                      rest[..<end].allSatisfy({ $0 == "#" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }) {
                return true
            }
        }
        return false
    }

    /// `&#160;`, `&#xA0;` → the character.
    static func decodedCharacterReference(_ text: String) -> Character? {
        guard text.hasPrefix("&#"), text.hasSuffix(";"), text.count > 3 else { return nil }
        var digits = text.dropFirst(2).dropLast()
        var radix = 10
        if digits.first == "x" || digits.first == "X" {
            digits = digits.dropFirst()
            radix = 16
        }
        guard let value = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(value), value != 0 else { return nil }
        return Character(scalar)
    }

    /// RSS `author` is "email (Name)"; the name is what a reader wants.
    static func authorName(_ text: String?) -> String? {
        guard let text = trimmed(text) else { return nil }
        if text.hasSuffix(")"), let open = text.firstIndex(of: "("), text[..<open].contains("@"),
           let name = trimmed(String(text[text.index(after: open)..<text.index(before: text.endIndex)])) {
            return name
        }
        return text
    }

    /// The first sentences of `text`, at most about `summaryCharacterLimit` characters, cut at a word.
    static func leadingSentences(_ text: String, count: Int = summarySentences) -> String? {
        let text = collapsed(text)
        guard !text.isEmpty else { return nil }
        let characters = Array(text.prefix(summaryCharacterLimit + 1))
        var sentences = 0
        var end = characters.count
        for index in characters.indices where ".!?".contains(characters[index]) {
            guard isSentenceEnd(characters, at: index) else { continue }
            sentences += 1
            if sentences == count {
                end = index + 1
                break
            }
        }
        if end > summaryCharacterLimit {
            var cut = summaryCharacterLimit
            while cut > 0, characters[cut] != " " { cut -= 1 }
            return String(characters[..<(cut > 0 ? cut : summaryCharacterLimit)]) + "…"
        }
        return String(characters[..<end])
    }

    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "no", "e.g", "i.e",
    ]

    /// A `.`, `!` or `?` followed by a space and a capital, digit or quote, and not ending "Dr." or "U.S.".
    private static func isSentenceEnd(_ characters: [Character], at index: Int) -> Bool {
        var next = index + 1
        while next < characters.count, characters[next] == "\"" || characters[next] == "”" || characters[next] == ")" {
            next += 1
        }
        guard next < characters.count else { return true }
        guard characters[next] == " ", next + 1 < characters.count else { return false }
        let following = characters[next + 1]
        guard following.isUppercase || following.isNumber || "\"“‘'(".contains(following) else { return false }
        guard characters[index] == "." else { return true }
        var start = index
        while start > 0, characters[start - 1] != " " { start -= 1 }
        let word = String(characters[start..<index]).lowercased()
        return !(word.count == 1 || (word.contains(".") && word.count <= 4) || abbreviations.contains(word))
    }
}
