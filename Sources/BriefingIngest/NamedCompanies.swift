import BriefingCore
import Foundation

/// Which brief and story files name each company (in `companies`, `mentions` or an event), as they stand once
/// ingest has written: what decides whether a registry entry ingest wrote is still needed.
///
/// Briefs are noted as ingest reads or writes them, so the archive is not parsed once more for this alone; a file
/// ingest did not write as drafted (an editor's) is read from disk.
struct NamedCompanies {
    private(set) var files: [Slug: Set<String>] = [:]

    mutating func note(_ fields: Brief.Fields, at path: String) {
        note(fields.companies + fields.mentions + fields.events.flatMap(\.companies), at: path)
    }

    /// A brief or story as it is on disk.
    mutating func noteFile(_ path: String, in siteDirectory: URL) {
        guard let data = FileManager.default.contents(atPath: siteDirectory.appendingPathComponent(path).path),
              let text = String(data: data, encoding: .utf8),
              var fields = try? FrontMatter.parse(text, file: path).fields else { return }
        if path.hasPrefix("content/stories/") {
            let story = Story.Fields.readAll(&fields).record
            note(story.companies + story.events.flatMap(\.companies), at: path)
        } else {
            note(Brief.Fields.readAll(&fields).record, at: path)
        }
    }

    /// Every story file, as it is on disk: there are few, and ingest may have kept an editor's.
    mutating func noteStories(in siteDirectory: URL) {
        let root = siteDirectory.appendingPathComponent("content/stories")
        let names = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        for name in names where name.hasSuffix(".md") { noteFile("content/stories/\(name)", in: siteDirectory) }
    }

    private mutating func note(_ slugs: [Slug], at path: String) {
        for slug in slugs { files[slug, default: []].insert(path) }
    }
}
