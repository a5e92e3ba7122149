/// How indented a block's content is, for the inheritance spec's reindentation rule: a block argument's
/// own indentation is removed where it is written and the indentation of the block it fills is added where
/// it is rendered.
///
/// A block whose opening tag stands alone on its line is as indented as its content: the longest
/// indentation all its non-blank lines share (lines of tags included). With no such lines, or when the
/// tag is inline, it is the indentation of the tag's own line.
struct BlockIndentation {
    let bytes: [UInt8]

    func of(_ block: BlockNode) -> ArraySlice<UInt8> {
        let tagLine = bytes[block.open.line.lineIndent]
        guard block.open.line.isStandalone else { return tagLine }
        var common: ArraySlice<UInt8>?
        forEachLineIndent(in: block.children) { indent in
            common = common.map { commonPrefix($0, indent) } ?? indent
        }
        return common ?? tagLine
    }

    /// Calls `body` with the leading whitespace of every non-blank source line among `nodes`.
    private func forEachLineIndent(in nodes: [Node], _ body: (ArraySlice<UInt8>) -> Void) {
        func tag(_ place: TagPlace) {
            if place.line.startsLine || place.line.isStandalone { body(bytes[place.line.lineIndent]) }
        }
        for node in nodes {
            switch node {
            case .text(let range, let startsLine):
                guard startsLine else { continue }
                let text = bytes[range]
                let indentEnd = text.firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
                // A line of only whitespace says nothing about indentation.
                guard let indentEnd, text[indentEnd] != UInt8(ascii: "\n"), text[indentEnd] != UInt8(ascii: "\r")
                else { continue }
                body(text[range.lowerBound..<indentEnd])
            case .value(_, _, let place):
                tag(place)
            case .partial(let partial):
                tag(partial.place)
            case .section(let section):
                tag(section.open)
                forEachLineIndent(in: section.children, body)
                tag(section.close)
            case .block(let block):
                tag(block.open)
                forEachLineIndent(in: block.children, body)
                tag(block.close)
            case .parent(let parent):
                tag(parent.open)
                for argument in parent.arguments {
                    tag(argument.open)
                    forEachLineIndent(in: argument.children, body)
                    tag(argument.close)
                }
                tag(parent.close)
            }
        }
    }

    private func commonPrefix(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var length = 0
        for (x, y) in zip(a, b) {
            guard x == y else { break }
            length += 1
        }
        return a.prefix(length)
    }

    /// `indent` without the part of it that `dedent` (an enclosing argument's indentation) accounts for.
    static func removing(_ dedent: [UInt8], from indent: ArraySlice<UInt8>) -> [UInt8] {
        var rest = indent
        for byte in dedent {
            guard rest.first == byte else { break }
            rest = rest.dropFirst()
        }
        return Array(rest)
    }
}
