/// A tag's position in the source and on its line, kept on nodes for indentation and error messages.
struct TagPlace {
    let offset: Int
    let line: LinePlace
}

/// The syntax tree of one template, built once by `TemplateParser` and then compiled to instructions.
enum Node {
    case text(Range<Int>, startsLine: Bool)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case value(name: String, escaped: Bool, place: TagPlace)
    case section(SectionNode)
    case partial(PartialNode)
    case parent(ParentNode)
    case block(BlockNode)
}

/// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
struct SectionNode {
    let name: String
    let inverted: Bool
    let children: [Node]
    let open: TagPlace
    let close: TagPlace
}

/// `{{>name}}` or `{{>*name}}`.
struct PartialNode {
    let name: String
    let isDynamic: Bool
    let place: TagPlace
}

/// `{{<name}}…{{/name}}`: renders template `name`, replacing its blocks with the `arguments` given here.
struct ParentNode {
    let name: String
    let isDynamic: Bool
    /// The `{{$block}}`s directly inside; any other text and tags inside a parent are ignored.
    let arguments: [BlockNode]
    let open: TagPlace
    let close: TagPlace
}

/// `{{$name}}…{{/name}}`: inside a parent an argument, elsewhere a place a parent's child may fill.
struct BlockNode {
    let name: String
    let children: [Node]
    let open: TagPlace
    let close: TagPlace
}
