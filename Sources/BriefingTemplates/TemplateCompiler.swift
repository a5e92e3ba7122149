/// Turns a template's syntax tree into a flat instruction array, resolving what can be resolved once:
/// dotted names are split, partial and parent names become template indexes, literal text is copied into
/// one byte buffer with its line starts precomputed, block indentation is worked out.
struct TemplateCompiler {
    private let bytes: [UInt8]
    private let templateIndex: Int
    private let templateIndexes: [String: Int]
    private let blockIndentation: BlockIndentation

    private var instructions: [Instruction] = []
    private var text: [UInt8] = []
    private var lineBreaks: [Int32] = []
    private var paths: [ValuePath] = []
    private var pathIndexes: [String: Int32] = [:]
    private var partials: [PartialCall] = []
    private var parents: [ParentCall] = []
    private var blockSites: [BlockSite] = []
    private var staticReferences: Set<String> = []
    private var usesDynamicNames = false

    /// The text instruction still being extended by following text; any other instruction ends it.
    private var openRun: Int?
    /// Set at the start of a block argument: its first line's indentation is `.blockFirstLine`'s business.
    private var suppressNextLineStart = false
    /// Block arguments are compiled after the main program, as they only run when a parent's block asks.
    private var pendingArguments: [(parent: Int, block: BlockNode)] = []

    static func compile(
        _ nodes: [Node], source: TemplateSource, index: Int, templateIndexes: [String: Int]
    ) -> CompiledTemplate {
        var compiler = TemplateCompiler(
            bytes: source.bytes, templateIndex: index, templateIndexes: templateIndexes,
            blockIndentation: BlockIndentation(bytes: source.bytes))
        compiler.emit(nodes, dedent: [])
        let mainEnd = compiler.instructions.count
        var next = 0
        while next < compiler.pendingArguments.count {
            let (parent, block) = compiler.pendingArguments[next]
            next += 1
            let start = compiler.instructions.count
            compiler.emitArgument(block)
            compiler.parents[parent].arguments[block.name] = BlockBody(
                template: index, start: start, end: compiler.instructions.count)
        }
        return CompiledTemplate(
            name: source.name, instructions: compiler.instructions, mainEnd: mainEnd, text: compiler.text,
            lineBreaks: compiler.lineBreaks, paths: compiler.paths, partials: compiler.partials,
            parents: compiler.parents, blockSites: compiler.blockSites,
            staticReferences: compiler.staticReferences, usesDynamicNames: compiler.usesDynamicNames)
    }

    private init(bytes: [UInt8], templateIndex: Int, templateIndexes: [String: Int], blockIndentation: BlockIndentation) {
        self.bytes = bytes
        self.templateIndex = templateIndex
        self.templateIndexes = templateIndexes
        self.blockIndentation = blockIndentation
    }

    /// `dedent`: the indentation of the block argument being compiled, taken off the start of its lines.
    private mutating func emit(_ nodes: [Node], dedent: [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let range, let startsLine):
                appendText(range, startsLine: startsLine, dedent: dedent)
            case .value(let name, let escaped, let place):
                markLineStart(place)
                add(.value(path: pathIndex(name), escaped: escaped))
            case .section(let section):
                markLineStart(section.open)
                let at = add(.indent)  // placeholder, patched once the body's end is known
                emit(section.children, dedent: dedent)
                let path = pathIndex(section.name)
                let end = Int32(closeBody())
                instructions[at] = section.inverted ? .inverted(path: path, end: end) : .section(path: path, end: end)
            case .partial(let partial):
                markLineStart(partial.place)
                let call = PartialCall(
                    target: reference(partial.name, isDynamic: partial.isDynamic),
                    indentation: standaloneIndentation(partial.place, dedent: dedent))
                partials.append(call)
                add(.partial(Int32(partials.count - 1)))
            case .parent(let parent):
                markLineStart(parent.open)
                let call = ParentCall(
                    target: reference(parent.name, isDynamic: parent.isDynamic),
                    indentation: standaloneIndentation(parent.open, dedent: dedent), arguments: [:])
                parents.append(call)
                add(.parent(Int32(parents.count - 1)))
                for argument in parent.arguments { pendingArguments.append((parents.count - 1, argument)) }
            case .block(let block):
                markLineStart(block.open)
                let indentation = BlockIndentation.removing(dedent, from: blockIndentation.of(block))
                blockSites.append(
                    BlockSite(name: block.name, indentation: indentation, isStandalone: block.open.line.isStandalone))
                let site = Int32(blockSites.count - 1)
                let at = add(.indent)  // placeholder, patched once the default content's end is known
                emit(block.children, dedent: dedent)
                instructions[at] = .block(site, end: Int32(closeBody()))
            }
        }
    }

    /// A `{{$block}}` given inside a parent: its lines lose the block's own indentation here, and gain that of
    /// the block it fills when rendered.
    private mutating func emitArgument(_ block: BlockNode) {
        openRun = nil
        if let first = block.children.first, showsOnFirstLine(first) {
            add(.blockFirstLine)
            suppressNextLineStart = true
        }
        emit(block.children, dedent: Array(blockIndentation.of(block)))
        suppressNextLineStart = false
        openRun = nil
    }

    /// Whether a node prints on the line where it stands, rather than on a standalone line that vanishes.
    private func showsOnFirstLine(_ node: Node) -> Bool {
        switch node {
        case .text, .value: true
        case .section(let section): !section.open.line.isStandalone
        case .partial(let partial): !partial.place.line.isStandalone
        case .parent(let parent): !parent.open.line.isStandalone
        case .block(let block): !block.open.line.isStandalone
        }
    }

    private mutating func appendText(_ range: Range<Int>, startsLine: Bool, dedent: [UInt8]) {
        var start = range.lowerBound
        if startsLine {
            for byte in dedent {
                guard start < range.upperBound, bytes[start] == byte else { break }
                start += 1
            }
        }
        let suppressed = consumeLineStartSuppression()
        let marksLine = startsLine && !suppressed
        // An empty piece still matters when it begins a line: indentation goes there.
        guard start < range.upperBound || marksLine else { return }
        if let run = openRun, case .text(var textRun) = instructions[run] {
            if marksLine {
                lineBreaks.append(Int32(text.count))
                textRun.breaksEnd += 1
            }
            text.append(contentsOf: bytes[start..<range.upperBound])
            textRun.end = Int32(text.count)
            instructions[run] = .text(textRun)
        } else {
            let runStart = Int32(text.count)
            text.append(contentsOf: bytes[start..<range.upperBound])
            let breaks = Int32(lineBreaks.count)
            instructions.append(
                .text(
                    TextRun(
                        start: runStart, end: Int32(text.count), breaksStart: breaks, breaksEnd: breaks,
                        startsLine: marksLine)))
            openRun = instructions.count - 1
        }
    }

    private mutating func markLineStart(_ place: TagPlace) {
        let suppressed = consumeLineStartSuppression()
        if place.line.startsLine, !suppressed { add(.indent) }
    }

    private mutating func consumeLineStartSuppression() -> Bool {
        defer { suppressNextLineStart = false }
        return suppressNextLineStart
    }

    @discardableResult
    private mutating func add(_ instruction: Instruction) -> Int {
        openRun = nil
        instructions.append(instruction)
        return instructions.count - 1
    }

    /// Ends a section's or block's body: text after it must not join the body's last text.
    private mutating func closeBody() -> Int {
        openRun = nil
        return instructions.count
    }

    private func standaloneIndentation(_ place: TagPlace, dedent: [UInt8]) -> [UInt8]? {
        guard place.line.isStandalone else { return nil }
        return BlockIndentation.removing(dedent, from: bytes[place.line.lineIndent])
    }

    private mutating func reference(_ name: String, isDynamic: Bool) -> TemplateReference {
        if isDynamic {
            usesDynamicNames = true
            return .dynamic(pathIndex(name))
        }
        staticReferences.insert(name)
        return templateIndexes[name].map(TemplateReference.template) ?? .missing
    }

    private mutating func pathIndex(_ name: String) -> Int32 {
        if let index = pathIndexes[name] { return index }
        paths.append(ValuePath(name))
        let index = Int32(paths.count - 1)
        pathIndexes[name] = index
        return index
    }
}
