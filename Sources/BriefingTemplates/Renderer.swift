/// Runs compiled templates against a context, writing bytes. One renderer serves one `render` call;
/// the templates it reads are shared and immutable.
struct Renderer: ~Copyable {
    /// Deeper nesting of partials, parents and blocks than this is taken for endless recursion.
    static let maximumDepth = 100

    private let templates: [CompiledTemplate]
    private let templateIndexes: [String: Int]
    private var output: OutputBuffer
    /// Innermost context last: `{{name}}` is looked up from the end.
    private var contexts: [TemplateValue] = []
    /// Written at the start of each line: built up by standalone partials, parents and blocks.
    private var indentation: [UInt8] = []
    /// The block arguments of the parent tags being rendered, outermost first: the outermost one that
    /// fills a block wins, so a child overrides what its parent passes on to the grandparent.
    private var argumentFrames: [[String: BlockBody]] = []
    /// The block an argument is filling stands alone on its line, so the argument's first line is indented.
    private var blockStandsAlone = false
    private var depth = 0

    init(templates: [CompiledTemplate], templateIndexes: [String: Int], capacity: Int) {
        self.templates = templates
        self.templateIndexes = templateIndexes
        self.output = OutputBuffer(capacity: capacity)
    }

    mutating func render(_ index: Int, context: TemplateValue) throws(TemplateError) {
        contexts.append(context)
        let template = templates[index]
        try run(template, from: 0, to: template.mainEnd)
    }

    /// The bytes rendered.
    consuming func finish() -> [UInt8] {
        output.finish()
    }

    private mutating func run(_ template: CompiledTemplate, from start: Int, to end: Int) throws(TemplateError) {
        let instructions = template.instructions
        var index = start
        while index < end {
            switch instructions[index] {
            case .text(let run):
                writeText(run, of: template)
            case .indent:
                if !indentation.isEmpty { output.write(indentation) }
            case .blockFirstLine:
                if blockStandsAlone, !indentation.isEmpty { output.write(indentation) }
            case .value(let path, let escaped):
                if let value = lookUp(template.paths[Int(path)]) { write(value, escaped: escaped) }
            case .section(let path, let bodyEnd):
                if let value = lookUp(template.paths[Int(path)]) {
                    if case .list(let items) = value {
                        for item in items {
                            contexts.append(item)
                            try run(template, from: index + 1, to: Int(bodyEnd))
                            contexts.removeLast()
                        }
                    } else if value.isTruthy {
                        contexts.append(value)
                        try run(template, from: index + 1, to: Int(bodyEnd))
                        contexts.removeLast()
                    }
                }
                index = Int(bodyEnd)
                continue
            case .inverted(let path, let bodyEnd):
                if !(lookUp(template.paths[Int(path)])?.isTruthy ?? false) {
                    try run(template, from: index + 1, to: Int(bodyEnd))
                }
                index = Int(bodyEnd)
                continue
            case .partial(let call):
                let partial = template.partials[Int(call)]
                if let target = resolve(partial.target, in: template) {
                    try include(target, indentation: partial.indentation)
                }
            case .parent(let call):
                let parent = template.parents[Int(call)]
                if let target = resolve(parent.target, in: template) {
                    argumentFrames.append(parent.arguments)
                    defer { argumentFrames.removeLast() }
                    try include(target, indentation: parent.indentation)
                }
            case .block(let site, let defaultEnd):
                let block = template.blockSites[Int(site)]
                if let argument = argument(filling: block.name) {
                    try fill(block, with: argument)
                } else {
                    try run(template, from: index + 1, to: Int(defaultEnd))
                }
                index = Int(defaultEnd)
                continue
            }
            index += 1
        }
    }

    // MARK: Text and values

    @inline(__always)
    private mutating func writeText(_ run: TextRun, of template: CompiledTemplate) {
        let text = template.text
        if indentation.isEmpty || (!run.startsLine && run.breaksStart == run.breaksEnd) {
            output.write(text + Int(run.start), count: Int(run.end - run.start))
            return
        }
        if run.startsLine { output.write(indentation) }
        var position = Int(run.start)
        for lineStart in template.lineBreaks[Int(run.breaksStart)..<Int(run.breaksEnd)] {
            output.write(text + position, count: Int(lineStart) - position)
            output.write(indentation)
            position = Int(lineStart)
        }
        output.write(text + position, count: Int(run.end) - position)
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let string):
            if escaped { HTMLEscaper.write(string, to: &output) } else { output.write(string) }
        case .int(let number):
            output.write(number)
        case .double(let number):
            output.write(number)
        case .bool(let flag):
            output.write(ascii: flag ? "true" : "false")
        case .null, .list, .object:
            // Lists and objects have no text of their own; use a section to reach into them.
            break
        }
    }

    private func lookUp(_ path: ValuePath) -> TemplateValue? {
        switch path {
        case .current:
            return contexts.last
        case .key(let key):
            return lookUpInStack(key)
        case .keys(let first, let rest):
            // Only the first part searches the stack; the rest must be found inside it (spec: "Dotted Names").
            guard var value = lookUpInStack(first) else { return nil }
            for key in rest {
                guard case .object(let fields) = value, let next = fields[key] else { return nil }
                value = next
            }
            return value
        }
    }

    @inline(__always)
    private func lookUpInStack(_ key: String) -> TemplateValue? {
        var index = contexts.count - 1
        while index >= 0 {
            if case .object(let fields) = contexts[index], let value = fields[key] { return value }
            index -= 1
        }
        return nil
    }

    // MARK: Partials, parents and blocks

    private func resolve(_ reference: TemplateReference, in template: CompiledTemplate) -> Int? {
        switch reference {
        case .template(let index):
            return index
        case .missing:
            return nil
        case .dynamic(let path):
            let name: String
            switch lookUp(template.paths[Int(path)]) {
            case .string(let string): name = string
            case .int(let number): name = String(number)
            case .double(let number): name = number.description
            case .bool(let flag): name = String(flag)
            case .null, .list, .object, nil: return nil
            }
            return templateIndexes[name]
        }
    }

    /// Renders a whole template in place: `extraIndentation` for a standalone tag, `nil` for an inline one.
    private mutating func include(_ index: Int, indentation extraIndentation: [UInt8]?) throws(TemplateError) {
        let template = templates[index]
        try enterNested(template.name)
        defer { depth -= 1 }
        if let extraIndentation {
            indentation.append(contentsOf: extraIndentation)
            defer { indentation.removeLast(extraIndentation.count) }
            try run(template, from: 0, to: template.mainEnd)
        } else {
            let outer = indentation
            indentation = []
            defer { indentation = outer }
            try run(template, from: 0, to: template.mainEnd)
        }
    }

    private func argument(filling name: String) -> BlockBody? {
        for frame in argumentFrames {
            if let body = frame[name] { return body }
        }
        return nil
    }

    /// Renders a block argument at the block it fills, reindented to that block's indentation.
    private mutating func fill(_ block: BlockSite, with argument: BlockBody) throws(TemplateError) {
        let template = templates[argument.template]
        try enterNested(template.name)
        defer { depth -= 1 }
        indentation.append(contentsOf: block.indentation)
        let outerStandsAlone = blockStandsAlone
        blockStandsAlone = block.isStandalone
        defer {
            indentation.removeLast(block.indentation.count)
            blockStandsAlone = outerStandsAlone
        }
        try run(template, from: argument.start, to: argument.end)
    }

    private mutating func enterNested(_ name: String) throws(TemplateError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            depth -= 1
            throw TemplateError(
                kind: .recursionTooDeep, template: name,
                message: "partials, parents and blocks are nested more than \(Self.maximumDepth) deep while "
                    + "rendering '\(name)': a template probably includes itself with no section to stop it")
        }
    }
}
