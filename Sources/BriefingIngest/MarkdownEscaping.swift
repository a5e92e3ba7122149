/// Escaping text so CommonMark shows it literally: no raw HTML, autolinks, links, emphasis or block markers from text.
enum MarkdownEscaping {
    /// Escaped wherever they appear: each could start markup (`<` raw HTML and autolinks, `[` links, `*`/`_`
    /// emphasis, `` ` `` code, `~` fences, `\` escapes, `>` quotes).
    private static let alwaysEscaped: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "~"]

    /// One run of text without line breaks, escaped for use inside a paragraph.
    static func text(_ text: Substring) -> String {
        // Most words need nothing escaped: check the bytes before doing any work.
        guard text.utf8.contains(where: { MarkdownEscaping.isSignificant($0) }) else { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if alwaysEscaped.contains(scalar) || (scalar == "&" && startsReference(scalars, at: index + 1)) {
                result += "\\"
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    private static func isSignificant(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "~"), UInt8(ascii: "&"): true
        default: false
        }
    }

    /// Whether `&` followed by these characters would be read as an entity or character reference.
    private static func startsReference(_ scalars: [Unicode.Scalar], at start: Int) -> Bool {
        var index = start
        while index < scalars.count, index - start <= 32 {
            let scalar = scalars[index]
            if scalar == ";" { return index > start }
            guard scalar == "#" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else { return false }
            index += 1
        }
        return false
    }

    /// Plain text, possibly several lines, escaped so it reads back as exactly that text.
    static func paragraph(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { lineStart(Substring(MarkdownEscaping.text($0))) }
            .joined(separator: "\n")
    }

    /// A paragraph line with the markers that only count at a line's start escaped:
    /// `# ` headings, `- `/`+ ` bullets, `1. ` ordered items, `---`/`===` rules and underlines.
    static func lineStart(_ line: Substring) -> String {
        guard let first = line.first else { return String(line) }
        let rest = line.dropFirst()
        switch first {
        case "#":
            let hashes = line.prefix { $0 == "#" }
            let after = line.dropFirst(hashes.count).first
            return hashes.count <= 6 && (after == nil || after == " ") ? "\\" + line : String(line)
        case "-", "+", "=":
            let onlyMarkers = line.allSatisfy { $0 == first || $0 == " " }
            let bullet = first != "=" && (rest.isEmpty || rest.first == " ")
            return onlyMarkers || bullet ? "\\" + line : String(line)
        case "0"..."9":
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            let after = line.dropFirst(digits.count)
            guard digits.count <= 9, let marker = after.first, marker == "." || marker == ")" else { return String(line) }
            let next = after.dropFirst().first
            return next == nil || next == " " ? digits + "\\" + after : String(line)
        default:
            return String(line)
        }
    }

    /// `` `code` `` with a fence longer than any backtick run inside, padded when the code touches a backtick.
    static func codeSpan(_ code: String) -> String {
        let fence = String(repeating: "`", count: longestRun(of: "`", in: code) + 1)
        let padded = code.hasPrefix("`") || code.hasSuffix("`") || (code.hasPrefix(" ") && code.hasSuffix(" "))
        return padded ? "\(fence) \(code) \(fence)" : "\(fence)\(code)\(fence)"
    }

    /// A fence for a code block: at least three backticks, more than any run inside.
    static func codeFence(for code: String) -> String {
        String(repeating: "`", count: max(3, longestRun(of: "`", in: code) + 1))
    }

    /// A URL written as a link destination: characters that would end it or start other markup are
    /// percent-encoded (space, `<`, `>`, parentheses, backslash, backtick, controls).
    static func destination(_ url: String) -> String {
        var result = ""
        let scalars = Array(url.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "<", ">", "(", ")", "\\", "`", "\u{7F}", "\u{00}"..."\u{20}":
                result += "%" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
            case "&" where startsReference(scalars, at: index + 1):
                result += "\\&"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for each in text {
            current = each == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
