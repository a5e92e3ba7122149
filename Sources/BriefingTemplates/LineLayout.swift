/// Where a tag sits on its line, which decides how whitespace around it is treated.
struct LinePlace {
    /// The tag's line held only whitespace and this tag (or only inheritance tags, see `LineLayout`),
    /// so the whole line, newline included, is left out of the output.
    var isStandalone: Bool
    /// The tag is the first thing on a line that stays, so indentation goes before what it prints.
    var startsLine: Bool
    /// The whitespace at the start of the tag's line: the indentation of a standalone partial.
    var lineIndent: Range<Int>
}

/// A token after whitespace handling: literal text that stays in the output, or a tag and its place.
enum Piece {
    /// Text within one line (a newline, if any, is its last byte). `startsLine`: it begins an output line.
    case text(Range<Int>, startsLine: Bool)
    case tag(Tag, LinePlace)
}

/// Applies the spec's "standalone line" rule: a line holding only whitespace and one tag that prints nothing
/// (section, inverted, closing, partial, comment, delimiters, parent, block) vanishes from the output.
/// Inheritance adds one case: a line of such tags that opens or closes a parent, like
/// `{{<layout}}{{$content}}` or `{{/content}}{{/layout}}`, vanishes too.
///
/// Comments and delimiter changes are dropped here: after scanning they have no effect.
struct LineLayout {
    private let bytes: [UInt8]
    private var pieces: [Piece] = []
    private var line: [Token] = []
    /// Names and kinds of the tags waiting for their `{{/name}}`, to know when a closing tag ends a parent.
    private var open: [(name: String, kind: TagKind)] = []

    static func pieces(of tokens: [Token], in source: TemplateSource) -> [Piece] {
        var layout = LineLayout(bytes: source.bytes)
        for token in tokens {
            switch token {
            case .tag:
                layout.line.append(token)
            case .text(let range):
                var start = range.lowerBound
                while start < range.upperBound {
                    guard let newline = source.bytes[start..<range.upperBound].firstIndex(of: UInt8(ascii: "\n"))
                    else {
                        layout.line.append(.text(start..<range.upperBound))
                        break
                    }
                    layout.line.append(.text(start..<(newline + 1)))
                    layout.endLine()
                    start = newline + 1
                }
            }
        }
        layout.endLine()
        return layout.pieces
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func endLine() {
        defer { line.removeAll(keepingCapacity: true) }
        guard let firstToken = line.first else { return }
        var tags: [Tag] = []
        var touchesParent = false
        for case .tag(let tag) in line {
            tags.append(tag)
            if tag.kind == .parent { touchesParent = true }
            if tag.kind.opensSection {
                open.append((tag.closingName, tag.kind))
            } else if tag.kind == .close, let innermost = open.last, innermost.name == tag.closingName {
                open.removeLast()
                if innermost.kind == .parent { touchesParent = true }
            }
        }
        let onlyWhitespace = line.allSatisfy { token in
            guard case .text(let range) = token else { return true }
            return isBlank(range)
        }
        let isStandalone =
            !tags.isEmpty && onlyWhitespace && tags.allSatisfy(\.kind.canStandAlone)
            && (tags.count == 1 || touchesParent)

        var lineIndent = firstToken.start..<firstToken.start
        if case .text(let range) = firstToken {
            let end = bytes[range].firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
            lineIndent = range.lowerBound..<(end ?? range.upperBound)
        }

        if isStandalone {
            // Keep the tags (and any whitespace between them); drop the indentation, trailing blanks and newline.
            let firstTag = line.firstIndex { if case .tag = $0 { true } else { false } } ?? 0
            let lastTag = line.lastIndex { if case .tag = $0 { true } else { false } } ?? 0
            for token in line[firstTag...lastTag] {
                emit(token, place: LinePlace(isStandalone: true, startsLine: false, lineIndent: lineIndent))
            }
        } else {
            var startsLine = true
            for token in line {
                let emitted = emit(token, place: LinePlace(isStandalone: false, startsLine: startsLine, lineIndent: lineIndent))
                if emitted { startsLine = false }
            }
        }
    }

    /// Adds a token to the output, unless it is a comment or delimiter change. Returns whether it was added.
    @discardableResult
    private mutating func emit(_ token: Token, place: LinePlace) -> Bool {
        switch token {
        case .text(let range):
            pieces.append(.text(range, startsLine: place.startsLine))
        case .tag(let tag):
            if tag.kind == .comment || tag.kind == .delimiters { return false }
            pieces.append(.tag(tag, place))
        }
        return true
    }

    /// Only spaces and tabs, up to an optional `\n` or `\r\n`.
    private func isBlank(_ range: Range<Int>) -> Bool {
        var end = range.upperBound
        if end > range.lowerBound, bytes[end - 1] == UInt8(ascii: "\n") {
            end -= 1
            if end > range.lowerBound, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        }
        return bytes[range.lowerBound..<end].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}

extension Token {
    /// Where the token begins in the source.
    var start: Int {
        switch self {
        case .text(let range): range.lowerBound
        case .tag(let tag): tag.range.lowerBound
        }
    }
}
