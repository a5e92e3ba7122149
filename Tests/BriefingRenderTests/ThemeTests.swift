import Foundation
import Testing
@testable import BriefingRender

@Suite struct ThemeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theCompiledDefaultThemeMatchesTemplatesFolder() throws {
        let folder = Self.repository.appendingPathComponent("templates")
        let paths = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
                && !isDirectory.boolValue && !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }
        var files: [String: String] = [:]
        for path in paths { files[path] = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) }
        #expect(files == DefaultTheme.files, "templates/ changed: run `make theme` to compile it into the binary")
    }

    @Test func theDefaultThemeHasEveryPageTemplate() throws {
        let theme = try Theme.load(siteTemplates: nil)
        for name in ["layout", "home", "brief", "topics", "topic", "companies", "company", "timeline", "timeline-year",
                     "timeline-month", "404", "feed.xml", "sitemap.xml", "robots.txt", "brief-card", "search", "search-data.json",
                     "breadcrumbs"] {
            #expect(theme.templates.contains(name), "missing template \(name)")
        }
        #expect(theme.assets["style.css"] != nil)
        #expect(theme.assets["search.js"] != nil)
    }

    @Test func aSiteTemplateOverridesTheDefaultOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try Data("Custom {{site.title}}".utf8).write(to: folder.appendingPathComponent("robots.txt.mustache"))
        let theme = try Theme.load(siteTemplates: folder)
        #expect(try theme.templates.renderString("robots.txt", ["site": ["title": "X"]]) == "Custom X")
        #expect(theme.templates.contains("home"))
    }

    @Test func templateErrorsNameTheSiteFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("line one\n{{#items}}\n".utf8).write(to: folder.appendingPathComponent("home.mustache"))
        #expect {
            try Theme.load(siteTemplates: folder)
        } throws: { error in
            "\(error)".contains("templates/home.mustache") && "\(error)".contains("2")
        }
    }

    @Test func aPartialAndAPageWithOneNameAreRejected() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("partials/home.mustache"))
        #expect(throws: ThemeError.self) { try Theme.load(siteTemplates: folder) }
    }
}
