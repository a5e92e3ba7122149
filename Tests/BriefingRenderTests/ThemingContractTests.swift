import BriefingCore
import Foundation
import Testing
@testable import BriefingRender

/// docs/THEMING.md is the contract between Briefing and themes: its context blocks must list exactly the values
/// the page families build, so the document cannot drift from the code.
@Suite struct ThemingContractTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every value of every page of the example site, by template: as configured, and again cut into tiny pages
    /// (and a sitemap of parts) so that every paged shape is built too.
    static let built: [String: Set<String>] = {
        var paths: [String: Set<String>] = [:]
        let tiny = PagePlan.families.map { family -> any PageFamily in family is SiteDocuments ? SiteDocuments(sitemapPartSize: 40) : family }
        for (families, configure) in [(PagePlan.families, { (_: inout SiteConfig) in }), (tiny, { config in
            // One brief a page: the example's stories have two or three briefs each.
            config.pageSize = 1
            config.eventPageSize = 2
            config.indexPageSize = 5
        })] {
            guard let site = try? SiteLoader(directory: repository).load(configure: configure) else { return [:] }
            let contexts = PageContexts(site: site, bodies: MarkdownBodies(mode: .html, allowRawHTML: false))
            for page in PagePlan(site: site, families: families).pages {
                paths[page.template, default: []].formUnion(ContextPaths.of(page.context(from: contexts)))
            }
        }
        return paths
    }()

    static var documented: ThemingContract {
        get throws {
            try ThemingContract(markdown: String(contentsOf: repository.appendingPathComponent("docs/THEMING.md"), encoding: .utf8))
        }
    }

    @Test func theExampleSiteBuildsEveryTemplate() throws {
        #expect(Self.built.count == 24)
        let contract = try Self.documented
        #expect(Set(contract.templates.keys) == Set(Self.built.keys))
    }

    @Test(arguments: ["home", "brief", "stories", "story", "topics", "topic", "companies", "company", "company-timeline", "timeline", "timeline-year",
                      "timeline-month", "search", "search-data.json", "404", "feed.xml", "sitemap.xml", "sitemap-index.xml", "robots.txt", "daily", "daily-day",
                      "daily-email", "daily-email.txt", "daily-feed.xml"])
    func theContractListsExactlyWhatTheContextHolds(template: String) throws {
        let contract = try Self.documented
        let documented = try #require(contract.paths(of: template))
        let built = try #require(Self.built[template])
        let undocumented = built.subtracting(documented).sorted()
        #expect(undocumented.isEmpty, "in the \(template) context but not in docs/THEMING.md: \(undocumented)")
        // The frame's optional values appear on some templates only; the template's own block must all be built.
        let neverBuilt = contract.ownPaths(of: template).subtracting(built).sorted()
        #expect(neverBuilt.isEmpty, "in docs/THEMING.md for \(template) but never built: \(neverBuilt)")
    }

    @Test func theParserReadsShapesAndAdditions() throws {
        let contract = try ThemingContract(markdown: """
            ```shape link
            name     its name
            url
            ```

            ```context every page
            root
            ```

            ```context list
            items[]: link + count    things
            head.title
            ```
            """)
        #expect(contract.paths(of: "list") == [
            "root", "items", "items[]", "items[].name", "items[].url", "items[].count", "head", "head.title",
        ])
    }

    @Test func anUnknownShapeIsAnError() {
        #expect(throws: ThemingContract.Problem.self) {
            try ThemingContract(markdown: "```context list\nitems[]: card\n```\n")
        }
    }
}

/// The context blocks of docs/THEMING.md, read: the key paths each template's context documents.
struct ThemingContract {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var templates: [String: [String]] = [:]
    private var shapes: [String: [String]] = [:]
    private var everyPage: [String] = []

    init(markdown: String) throws {
        var blocks: [(kind: String, name: String, lines: [String])] = []
        var open: (kind: String, name: String, lines: [String])?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if var block = open {
                if line.hasPrefix("```") {
                    blocks.append(block)
                    open = nil
                } else {
                    block.lines.append(line)
                    open = block
                }
            } else if line.hasPrefix("```context ") || line.hasPrefix("```shape ") {
                let words = line.dropFirst(3).split(separator: " ", maxSplits: 1).map(String.init)
                open = (words[0], words.count > 1 ? words[1] : "", [])
            }
        }
        // Shapes first, since any block may use them; a shape may use the shapes defined above it.
        for block in blocks where block.kind == "shape" { shapes[block.name] = try paths(of: block.lines) }
        for block in blocks where block.kind == "context" {
            let paths = try paths(of: block.lines)
            if block.name == "every page" { everyPage = paths } else { templates[block.name] = paths }
        }
    }

    private func paths(of lines: [String]) throws -> [String] {
        var paths: [String] = []
        for line in lines where !line.hasPrefix(" ") && !line.isEmpty {
            // The declaration ends at the first run of two spaces; the rest is the description.
            let declaration = line.components(separatedBy: "  ")[0].trimmingCharacters(in: .whitespaces)
            let parts = declaration.components(separatedBy: ": ")
            let path = parts[0]
            paths += Self.withParents(path)
            guard parts.count > 1 else { continue }
            let terms = parts[1].components(separatedBy: " + ")
            guard let shape = shapes[terms[0]] else {
                throw Problem(description: "`\(line)`: no shape named `\(terms[0])`")
            }
            paths += (shape + terms.dropFirst()).flatMap { Self.withParents(path + "." + $0) }
        }
        return paths
    }

    /// `a[].b` and the paths above it: `a`, `a[]`.
    private static func withParents(_ path: String) -> [String] {
        var paths: [String] = []
        var current = ""
        for component in path.split(separator: ".") {
            let name = component.hasSuffix("[]") ? String(component.dropLast(2)) : String(component)
            current = current.isEmpty ? name : current + "." + name
            paths.append(current)
            if component.hasSuffix("[]") {
                current += "[]"
                paths.append(current)
            }
        }
        return paths
    }

    /// Every path a template's context may hold: the values every page has, and its own.
    func paths(of template: String) -> Set<String>? {
        templates[template].map { Set($0 + everyPage) }
    }

    /// The paths of the template's own block.
    func ownPaths(of template: String) -> Set<String> { Set(templates[template] ?? []) }
}
