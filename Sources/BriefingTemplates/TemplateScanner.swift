/// What a tag does, from the sigil after its opening delimiter.
enum TagKind: Equatable {
    case variable  // {{name}}
    case unescaped  // {{{name}}} or {{&name}}
    case section  // {{#name}}
    case inverted  // {{^name}}
    case close  // {{/name}}
    case partial  // {{>name}}
    case parent  // {{<name}}
    case block  // {{$name}}
    case comment  // {{! text }}
    case delimiters  // {{=<% %>=}}

    /// Tags that need a matching `{{/name}}`.
    var opensSection: Bool { self == .section || self == .inverted || self == .parent || self == .block }

    /// Tags that print nothing where they stand, so a line holding only them can vanish from the output.
    var canStandAlone: Bool { self != .variable && self != .unescaped }
}

/// One tag as written: its kind, its cleaned-up name and where it is in the source.
struct Tag {
    let kind: TagKind
    /// The trimmed name; for `{{>*name}}` and `{{<*name}}` the dotted name after the `*`.
    let name: String
    /// `{{>*name}}` / `{{<*name}}`: the template's name is looked up in the context when rendering.
    let isDynamic: Bool
    /// The whole tag, delimiters included.
    let range: Range<Int>

    /// The name a closing tag must repeat: `{{/*name}}` closes `{{<*name}}`.
    var closingName: String { isDynamic ? "*" + name : name }
}

/// A stretch of literal text or one tag, in source order.
enum Token {
    case text(Range<Int>)
    case tag(Tag)
}

/// Splits a template into text and tags, following `{{=<% %>=}}` delimiter changes.
enum TemplateScanner {
    static func tokens(of source: TemplateSource) throws(TemplateError) -> [Token] {
        let bytes = source.bytes
        var opening: [UInt8] = Array("{{".utf8)
        var closing: [UInt8] = Array("}}".utf8)
        var tokens: [Token] = []
        var position = 0
        while position < bytes.count {
            guard let tagStart = find(opening, in: bytes, from: position) else {
                tokens.append(.text(position..<bytes.count))
                break
            }
            if tagStart > position { tokens.append(.text(position..<tagStart)) }
            var cursor = tagStart + opening.count
            let (kind, terminator) = kindAndTerminator(sigil: cursor < bytes.count ? bytes[cursor] : nil, closing: closing)
            if kind != .variable { cursor += 1 }
            guard let contentEnd = find(terminator, in: bytes, from: cursor) else {
                let shown = source.text(tagStart..<min(bytes.count, tagStart + 24)).prefix { $0 != "\n" }
                let closer = String(decoding: terminator, as: UTF8.self)
                throw source.error(
                    .unclosedTag, at: tagStart,
                    "tag \"\(shown)\" opened at \(source.describePlace(tagStart)) is never closed: add \"\(closer)\"")
            }
            let range = tagStart..<(contentEnd + terminator.count)
            let content = trimmed(bytes[cursor..<contentEnd])
            switch kind {
            case .comment:
                tokens.append(.tag(Tag(kind: kind, name: "", isDynamic: false, range: range)))
            case .delimiters:
                let parts = content.split(whereSeparator: isWhitespace)
                guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
                    throw source.error(
                        .badDelimiters, at: tagStart,
                        "\(source.text(range)) must set two delimiters separated by a space, like {{=<% %>=}}; "
                            + "a delimiter cannot contain spaces or \"=\"")
                }
                opening = Array(parts[0])
                closing = Array(parts[1])
                tokens.append(.tag(Tag(kind: kind, name: "", isDynamic: false, range: range)))
            default:
                tokens.append(.tag(try namedTag(kind, content: content, range: range, source: source)))
            }
            position = range.upperBound
        }
        return tokens
    }

    private static func kindAndTerminator(sigil: UInt8?, closing: [UInt8]) -> (TagKind, [UInt8]) {
        switch sigil {
        case UInt8(ascii: "{"): (.unescaped, [UInt8(ascii: "}")] + closing)
        case UInt8(ascii: "&"): (.unescaped, closing)
        case UInt8(ascii: "#"): (.section, closing)
        case UInt8(ascii: "^"): (.inverted, closing)
        case UInt8(ascii: "/"): (.close, closing)
        case UInt8(ascii: ">"): (.partial, closing)
        case UInt8(ascii: "<"): (.parent, closing)
        case UInt8(ascii: "$"): (.block, closing)
        case UInt8(ascii: "!"): (.comment, closing)
        // The `=` before the closing delimiter belongs to the tag, so `{{={{ }}=}}` ends at `=}}`.
        case UInt8(ascii: "="): (.delimiters, [UInt8(ascii: "=")] + closing)
        default: (.variable, closing)
        }
    }

    /// Checks the name of a tag that has one and builds the tag.
    private static func namedTag(
        _ kind: TagKind, content: ArraySlice<UInt8>, range: Range<Int>, source: TemplateSource
    ) throws(TemplateError) -> Tag {
        var nameBytes = content
        // `{{>*name}}`, `{{<*name}}` and the `{{/*name}}` closing a dynamic parent.
        let isDynamic =
            (kind == .partial || kind == .parent || kind == .close) && nameBytes.first == UInt8(ascii: "*")
        if isDynamic { nameBytes = trimmed(nameBytes.dropFirst()) }
        let written = source.text(range)
        guard !nameBytes.isEmpty else {
            throw source.error(
                .invalidName, at: range.lowerBound,
                "\(written) has no name: write one inside the tag, like {{#briefs}} or {{title}}")
        }
        guard !nameBytes.contains(where: isWhitespace) else {
            throw source.error(
                .invalidName, at: range.lowerBound,
                "\(written): a name cannot contain spaces; "
                    + "sigils such as # ^ / > < $ & go right after the opening delimiter, like {{#briefs}}")
        }
        let name = String(decoding: nameBytes, as: UTF8.self)
        // Names looked up in the context are dotted paths; template, block and closing names are only compared.
        let isContextName = [.variable, .unescaped, .section, .inverted].contains(kind) || (isDynamic && kind != .close)
        if isContextName, name != ".",
            name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty)
        {
            throw source.error(
                .invalidName, at: range.lowerBound,
                "\(written): \"\(name)\" is not a valid name; use \".\" for the current item "
                    + "or dotted names without empty parts, like page.title")
        }
        return Tag(kind: kind, name: name, isDynamic: isDynamic, range: range)
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, isWhitespace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isWhitespace(last) { slice = slice.dropLast() }
        return slice
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
