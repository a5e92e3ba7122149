/// Parenthesised source domains in digest text: "(reuters.com)", "(news.bloomberglaw.com, cnbc.com)".
enum DomainCitation {
    /// The domains a parenthetical cites, or nil when it says anything else ("(Sep 2025)", "(e.g. BCI policy)").
    static func domains<S: StringProtocol>(inParenthetical inner: S) -> [String]? {
        let parts = inner.split(whereSeparator: { $0 == "," || $0 == ";" }).map { TextNormalisation.trimmed($0) }
        guard !parts.isEmpty else { return nil }
        var domains: [String] = []
        for part in parts {
            guard isDomain(part) else { return nil }
            domains.append(part.lowercased())
        }
        return domains
    }

    /// Every cited domain in the text, in order, each once.
    static func domains(in text: String) -> [String] {
        var found: [String] = []
        for range in parentheticalRanges(in: text) {
            let inner = text[text.index(after: range.lowerBound)..<text.index(before: range.upperBound)]
            for domain in domains(inParenthetical: inner) ?? [] where !found.contains(domain) { found.append(domain) }
        }
        return found
    }

    /// The text without its citations (and the space before each), trimmed.
    static func removingCitations(from text: String) -> String {
        var result = ""
        var cursor = text.startIndex
        for range in parentheticalRanges(in: text) {
            let inner = text[text.index(after: range.lowerBound)..<text.index(before: range.upperBound)]
            guard domains(inParenthetical: inner) != nil else { continue }
            var kept = text[cursor..<range.lowerBound]
            while kept.last == " " { kept = kept.dropLast() }
            result += kept
            cursor = range.upperBound
        }
        result += text[cursor...]
        return String(TextNormalisation.trimmed(result))
    }

    /// `host.tld` shapes only: lower-case letters, digits, hyphens and at least one dot, ending in a letters-only label.
    /// Lower case only, so a name in brackets ("(Z.ai)") is not taken for a citation.
    static func isDomain<S: StringProtocol>(_ text: S) -> Bool {
        guard text.count >= 4, text.count <= 80 else { return false }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, tld.count >= 2 else { return false }
        guard tld.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        }
    }

    /// Ranges of un-nested "(…)" groups, each including its parentheses.
    private static func parentheticalRanges(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var open: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "(" {
                open = index
            } else if character == ")", let start = open {
                ranges.append(start..<text.index(after: index))
                open = nil
            }
            index = text.index(after: index)
        }
        return ranges
    }
}
