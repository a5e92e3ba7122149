/// The words of a Markdown body without its syntax, for search terms and result snippets.
///
/// Crude on purpose: it drops the marks a brief's Markdown uses (headings, list and quote markers, emphasis,
/// code ticks, HTML tags) and keeps a link's text but not its address, a byte at a time, without building
/// a document tree — search needs the words, not the structure, and this runs over every body of the site.
public enum MarkdownPlainText {
    /// One line of text: blocks joined by a space, runs of white space made one.
    public static func of(_ markdown: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(markdown.utf8.count)
        var inFence = false
        for line in markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            var bytes = Array(line)
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            var start = bytes.firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } ?? bytes.count
            let rest = bytes[start...]
            if rest.starts(with: "```".utf8) || rest.starts(with: "~~~".utf8) {
                inFence.toggle()
                continue
            }
            if !inFence {
                if isReferenceDefinition(rest) { continue }
                start = afterBlockMarkers(bytes, from: start)
            }
            appendSeparator(&out)
            if inFence {
                out += bytes[start...]
            } else {
                appendInline(bytes[start...], to: &out)
            }
        }
        while out.last == UInt8(ascii: " ") { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendSeparator(_ out: inout [UInt8]) {
        if let last = out.last, last != UInt8(ascii: " ") { out.append(UInt8(ascii: " ")) }
    }

    /// `[label]: https://…` lines define link targets: nothing a reader sees.
    private static func isReferenceDefinition(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.first == UInt8(ascii: "["), let close = line.firstIndex(of: UInt8(ascii: "]")) else { return false }
        let after = line.index(after: close)
        return after < line.endIndex && line[after] == UInt8(ascii: ":")
    }

    /// Skips heading hashes, quote marks and list markers (`#`, `>`, `-`, `*`, `+`, `1.`) at the start of a line.
    private static func afterBlockMarkers(_ bytes: [UInt8], from start: Int) -> Int {
        var at = start
        while at < bytes.count {
            let byte = bytes[at]
            var next = at
            switch byte {
            case UInt8(ascii: "#"):
                while next < bytes.count && bytes[next] == UInt8(ascii: "#") { next += 1 }
            case UInt8(ascii: ">"):
                next += 1
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                next += 1
                guard next < bytes.count, bytes[next] == UInt8(ascii: " ") else { return at }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                while next < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[next]) { next += 1 }
                guard next + 1 < bytes.count, bytes[next] == UInt8(ascii: ".") || bytes[next] == UInt8(ascii: ")"),
                      bytes[next + 1] == UInt8(ascii: " ") else { return at }
                next += 1
            default:
                return at
            }
            while next < bytes.count && (bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t")) { next += 1 }
            at = next
        }
        return at
    }

    /// Inline syntax: emphasis and code marks dropped, `[text](url)` kept as its text, tags and autolinks dropped.
    private static func appendInline(_ line: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var at = line.startIndex
        while at < line.endIndex {
            let byte = line[at]
            switch byte {
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "["):
                at += 1
            case UInt8(ascii: "!") where at + 1 < line.endIndex && line[at + 1] == UInt8(ascii: "["):
                at += 1
            case UInt8(ascii: "]"):
                at += 1
                // The link's address, `(…)` with nested parentheses, or a reference label `[…]`.
                if at < line.endIndex, line[at] == UInt8(ascii: "(") || line[at] == UInt8(ascii: "[") {
                    let open = line[at], close = open == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
                    var depth = 0
                    while at < line.endIndex {
                        if line[at] == open { depth += 1 } else if line[at] == close { depth -= 1 }
                        at += 1
                        if depth == 0 { break }
                    }
                }
            case UInt8(ascii: "<"):
                // A tag or an autolink: `<` then a letter, `/` or `!`, up to the closing `>`.
                let next = at + 1
                if next < line.endIndex, isTagStart(line[next]), let end = line[next...].firstIndex(of: UInt8(ascii: ">")) {
                    at = end + 1
                } else {
                    out.append(byte)
                    at += 1
                }
            case UInt8(ascii: "\\"):
                at += 1
                if at < line.endIndex {
                    out.append(line[at])
                    at += 1
                }
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                appendSeparator(&out)
                at += 1
            default:
                out.append(byte)
                at += 1
            }
        }
    }

    private static func isTagStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!")
    }
}
