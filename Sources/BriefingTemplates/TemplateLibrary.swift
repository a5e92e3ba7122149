/// A set of compiled templates that can refer to each other as partials and parents.
///
/// Every template is parsed and compiled once, in `init`; the library is immutable afterwards, so any
/// number of tasks may render from it at the same time.
public struct TemplateLibrary: Sendable {
    private let templates: [CompiledTemplate]
    private let templateIndexes: [String: Int]
    /// Bytes to reserve for each template's output, so most renders never grow their buffer.
    private let capacityHints: [Int]

    /// `sources`: name → template text; `paths`: name → file path used in error messages (optional per name).
    ///
    /// Throws the syntax errors of all templates at once (see `TemplateError.otherErrors`).
    public init(sources: [String: String], paths: [String: String] = [:]) throws(TemplateError) {
        let ordered = sources.sorted { $0.key < $1.key }
        var indexes: [String: Int] = [:]
        for (index, entry) in ordered.enumerated() { indexes[entry.key] = index }

        var templates: [CompiledTemplate] = []
        var errors: [TemplateError] = []
        for (index, entry) in ordered.enumerated() {
            let source = TemplateSource(name: entry.key, path: paths[entry.key], text: entry.value)
            do {
                let nodes = try TemplateParser.parse(source)
                templates.append(
                    TemplateCompiler.compile(nodes, source: source, index: index, templateIndexes: indexes))
            } catch {
                errors.append(error)
            }
        }
        if let error = TemplateError.combining(errors) { throw error }
        self.templates = templates
        self.templateIndexes = indexes
        self.capacityHints = templates.indices.map { index in
            // Literal text of everything the template may use, with room for the values put into it.
            let text = Self.reachable(from: index, in: templates, indexes: indexes).reduce(0) {
                $0 + templates[$1].textCount
            }
            return min(max(8192, text * 8), 1 << 22)
        }
    }

    /// The names of all templates, sorted.
    public var names: [String] { templates.map(\.name) }

    public func contains(_ name: String) -> Bool { templateIndexes[name] != nil }

    /// Renders template `name` with `context` as the outermost context. Throws for an unknown name.
    public func render(_ name: String, _ context: TemplateValue) throws(TemplateError) -> [UInt8] {
        guard let index = templateIndexes[name] else {
            let known = names.isEmpty ? "the library is empty" : "known templates: " + names.joined(separator: ", ")
            throw TemplateError(
                kind: .unknownTemplate, template: name,
                message: "there is no template named '\(name)' (\(known)); check the name or add the template")
        }
        var renderer = Renderer(templates: templates, templateIndexes: templateIndexes, capacity: capacityHints[index])
        try renderer.render(index, context: context)
        return renderer.finish()
    }

    public func renderString(_ name: String, _ context: TemplateValue) throws(TemplateError) -> String {
        String(decoding: try render(name, context), as: UTF8.self)
    }

    /// Every template `name` may use: itself, its partials and parents, transitively (statically named ones;
    /// a template using a dynamic name depends on all templates). Sorted. Used later for incremental-build
    /// fingerprints. Names of templates the library does not hold are left out; unknown `name` gives `[]`.
    public func dependencies(of name: String) -> [String] {
        guard let index = templateIndexes[name] else { return [] }
        let reached = Self.reachable(from: index, in: templates, indexes: templateIndexes)
        if reached.contains(where: { templates[$0].usesDynamicNames }) { return names }
        return reached.map { templates[$0].name }.sorted()
    }

    /// Indexes of the template at `start` and of all templates its static partial and parent names reach.
    private static func reachable(from start: Int, in templates: [CompiledTemplate], indexes: [String: Int]) -> [Int] {
        var seen: Set<Int> = [start]
        var pending = [start]
        while let index = pending.popLast() {
            for name in templates[index].staticReferences {
                if let next = indexes[name], seen.insert(next).inserted { pending.append(next) }
            }
        }
        return seen.sorted()
    }
}
