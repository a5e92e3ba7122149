import BriefingCore
import Foundation

/// The briefs already in `content/briefs/`, indexed the ways ingest recognises a story it has seen.
struct ExistingBriefs {
    /// Brief id → file path (relative to the site).
    private(set) var byID: [String: String] = [:]
    /// Canonical URL of the first source → file path.
    private(set) var byURL: [String: String] = [:]
    private(set) var paths: Set<String> = []

    init(siteDirectory: URL) {
        let folder = siteDirectory.appendingPathComponent("content/briefs")
        let names = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        for name in names.sorted() where name.hasSuffix(".md") {
            let path = "content/briefs/" + name
            paths.insert(path)
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  let text = String(data: data, encoding: .utf8),
                  var fields = try? FrontMatter.parse(text, file: path).fields else { continue }
            if let id = fields.string("id") { byID[id] = byID[id] ?? path }
            if let url = fields.items("sources", { $0.string("url") }).first {
                byURL[CanonicalURL.normalise(url)] = byURL[CanonicalURL.normalise(url)] ?? path
            }
        }
    }

    /// The file that already holds this story, if any: same id, or same canonical URL.
    func path(for draft: BriefDraft) -> String? {
        byID[draft.id] ?? draft.canonicalURL.flatMap { byURL[$0] }
    }

    mutating func record(_ draft: BriefDraft, at path: String) {
        paths.insert(path)
        byID[draft.id] = path
        if let url = draft.canonicalURL { byURL[url] = path }
    }
}
