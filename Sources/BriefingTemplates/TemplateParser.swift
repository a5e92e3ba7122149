/// Builds the syntax tree of one template, checking that every section is closed by the right tag.
enum TemplateParser {
    static func parse(_ source: TemplateSource) throws(TemplateError) -> [Node] {
        let pieces = LineLayout.pieces(of: try TemplateScanner.tokens(of: source), in: source)
        return try tree(of: pieces, in: source)
    }

    /// A tag waiting for its `{{/name}}`, and what has been read inside it so far.
    private struct OpenTag {
        let tag: Tag
        let place: TagPlace
        var children: [Node] = []
    }

    private static func tree(of pieces: [Piece], in source: TemplateSource) throws(TemplateError) -> [Node] {
        var root: [Node] = []
        var open: [OpenTag] = []

        func add(_ node: Node) {
            guard let innermost = open.indices.last else {
                root.append(node)
                return
            }
            // Inside a parent only blocks matter: they are its arguments. Other text and tags are ignored.
            if open[innermost].tag.kind == .parent, case .block = node {
                open[innermost].children.append(node)
            } else if open[innermost].tag.kind != .parent {
                open[innermost].children.append(node)
            }
        }

        for piece in pieces {
            switch piece {
            case .text(let range, let startsLine):
                add(.text(range, startsLine: startsLine))
            case .tag(let tag, let line):
                let place = TagPlace(offset: tag.range.lowerBound, line: line)
                switch tag.kind {
                case .variable, .unescaped:
                    add(.value(name: tag.name, escaped: tag.kind == .variable, place: place))
                case .partial:
                    add(.partial(PartialNode(name: tag.name, isDynamic: tag.isDynamic, place: place)))
                case .section, .inverted, .parent, .block:
                    open.append(OpenTag(tag: tag, place: place))
                case .close:
                    guard let innermost = open.popLast() else {
                        throw source.error(
                            .unexpectedClose, at: place.offset,
                            "\(source.text(tag.range)) closes nothing: no section named \"\(tag.closingName)\" is open "
                                + "here; remove it or add the opening tag, like {{#\(tag.closingName)}}, before it")
                    }
                    guard innermost.tag.closingName == tag.closingName else {
                        throw source.error(
                            .mismatchedClose, at: place.offset,
                            "\(source.text(tag.range)) does not match \(source.text(innermost.tag.range)) opened at "
                                + "\(source.describePlace(innermost.place.offset)): add "
                                + "{{/\(innermost.tag.closingName)}} before it, or fix the name")
                    }
                    add(node(closing: innermost, at: place))
                case .comment, .delimiters:
                    break
                }
            }
        }
        if let unclosed = open.last {
            throw source.error(
                .unclosedSection, at: unclosed.place.offset,
                "\(source.text(unclosed.tag.range)) opened at \(source.describePlace(unclosed.place.offset)) "
                    + "is never closed: add {{/\(unclosed.tag.closingName)}}")
        }
        return root
    }

    private static func node(closing open: OpenTag, at close: TagPlace) -> Node {
        let tag = open.tag
        switch tag.kind {
        case .parent:
            let arguments = open.children.compactMap { child -> BlockNode? in
                if case .block(let block) = child { block } else { nil }
            }
            return .parent(
                ParentNode(
                    name: tag.name, isDynamic: tag.isDynamic, arguments: arguments, open: open.place, close: close))
        case .block:
            return .block(BlockNode(name: tag.name, children: open.children, open: open.place, close: close))
        default:
            return .section(
                SectionNode(
                    name: tag.name, inverted: tag.kind == .inverted, children: open.children, open: open.place,
                    close: close))
        }
    }
}
