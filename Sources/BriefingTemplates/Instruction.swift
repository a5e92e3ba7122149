/// One step of a compiled template. A template is a flat array of these; a section's body is the run of
/// instructions after it up to its `end`, so rendering is a loop over the array, never a tree walk.
enum Instruction: Sendable {
    /// Write literal bytes.
    case text(TextRun)
    /// A tag begins an output line: write the current indentation (of standalone partials, parents, blocks).
    case indent
    /// The first line of a block argument: indented only where the block it fills stands on its own line.
    case blockFirstLine
    /// `{{name}}` (escaped) or `{{{name}}}`; `path` indexes `CompiledTemplate.paths`.
    case value(path: Int32, escaped: Bool)
    /// `{{#name}}`: the body is the following instructions up to `end` (exclusive).
    case section(path: Int32, end: Int32)
    /// `{{^name}}`: the body is the following instructions up to `end` (exclusive).
    case inverted(path: Int32, end: Int32)
    /// `{{>name}}`: indexes `CompiledTemplate.partials`.
    case partial(Int32)
    /// `{{<name}}…{{/name}}`: indexes `CompiledTemplate.parents`.
    case parent(Int32)
    /// `{{$name}}`: indexes `CompiledTemplate.blockSites`; the default content follows up to `end`.
    case block(Int32, end: Int32)
}

/// Literal bytes `text[start..<end]` of a compiled template. Lines that begin inside the run start at the
/// offsets `lineBreaks[breaksStart..<breaksEnd]`, so indentation can be inserted without scanning the bytes.
struct TextRun: Sendable {
    var start: Int32
    var end: Int32
    var breaksStart: Int32
    var breaksEnd: Int32
    /// The run itself begins an output line.
    var startsLine: Bool
}

/// A dotted name, split once at compile time.
enum ValuePath: Sendable {
    /// `.`: the current context.
    case current
    /// `title`: looked up through the context stack, innermost first.
    case key(String)
    /// `date.human`: `first` is looked up through the stack, `rest` only inside what it finds.
    case keys(first: String, rest: [String])

    init(_ name: String) {
        if name == "." {
            self = .current
            return
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 {
            self = .key(name)
        } else {
            self = .keys(first: parts[0], rest: Array(parts.dropFirst()))
        }
    }
}

/// Which template a partial or parent tag renders.
enum TemplateReference: Sendable {
    /// Resolved when the library was built: an index into the library's templates.
    case template(Int)
    /// Named, but the library has no such template: renders nothing, as the spec asks.
    case missing
    /// `{{>*name}}`: the template's name is the value of this path (an index into `paths`) when rendering.
    case dynamic(Int32)
}

/// `{{>name}}`.
struct PartialCall: Sendable {
    let target: TemplateReference
    /// Added to the current indentation when the tag stands alone on its line; `nil` when it is inline,
    /// in which case the partial renders without indentation (its first line continues the current one).
    let indentation: [UInt8]?
}

/// `{{<name}}…{{/name}}`.
struct ParentCall: Sendable {
    let target: TemplateReference
    let indentation: [UInt8]?
    /// The `{{$block}}` arguments given inside the tag, by block name.
    var arguments: [String: BlockBody]
}

/// Where the instructions of a block argument are: they run inside the parent, at the block they fill.
struct BlockBody: Sendable {
    let template: Int
    let start: Int
    let end: Int
}

/// `{{$name}}` outside a parent: a place a child template may fill.
struct BlockSite: Sendable {
    let name: String
    /// Added to the current indentation for every line of an argument that fills this block.
    let indentation: [UInt8]
    /// The block's opening tag stands alone on its line, so an argument's first line is indented too.
    let isStandalone: Bool
}

/// One template, compiled: its instructions and the tables they index.
///
/// `@unchecked Sendable` because of `text`, a raw pointer: it is written once in `init`, only read after,
/// and freed in `deinit`, so sharing it between threads is safe.
final class CompiledTemplate: @unchecked Sendable {
    let name: String
    let instructions: [Instruction]
    /// Instructions `0..<mainEnd` render the template; block arguments of its parent tags follow.
    let mainEnd: Int
    /// All literal text, read through a pointer so writing a run retains nothing.
    let text: UnsafePointer<UInt8>
    let textCount: Int
    let lineBreaks: [Int32]
    let paths: [ValuePath]
    let partials: [PartialCall]
    let parents: [ParentCall]
    let blockSites: [BlockSite]
    /// Names of the templates its partial and parent tags name (present in the library or not).
    let staticReferences: Set<String>
    /// It has a `{{>*name}}` or `{{<*name}}` tag, so it may render any template.
    let usesDynamicNames: Bool

    init(
        name: String, instructions: [Instruction], mainEnd: Int, text: [UInt8], lineBreaks: [Int32],
        paths: [ValuePath], partials: [PartialCall], parents: [ParentCall], blockSites: [BlockSite],
        staticReferences: Set<String>, usesDynamicNames: Bool
    ) {
        self.name = name
        self.instructions = instructions
        self.mainEnd = mainEnd
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(text.count, 1))
        storage.initialize(from: text, count: text.count)
        self.text = UnsafePointer(storage)
        self.textCount = text.count
        self.lineBreaks = lineBreaks
        self.paths = paths
        self.partials = partials
        self.parents = parents
        self.blockSites = blockSites
        self.staticReferences = staticReferences
        self.usesDynamicNames = usesDynamicNames
    }

    deinit { text.deallocate() }
}
