import BriefingCore
import Foundation

/// The briefs already in `content/briefs/`, indexed the ways ingest recognises a story it has seen.
struct ExistingBriefs {
    /// A brief that holds a story: its file (relative to the site) and the id written in it.
    struct Match: Equatable {
        var path: String
        var id: String
    }

    /// Brief id → the brief.
    private(set) var byID: [String: Match] = [:]
    /// Canonical URL of the first source → the brief.
    private(set) var byURL: [String: Match] = [:]
    private(set) var paths: Set<String> = []

    init(siteDirectory: URL) {
        let folder = siteDirectory.appendingPathComponent("content/briefs")
        let names = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        for name in names.sorted() where name.hasSuffix(".md") {
            let path = "content/briefs/" + name
            paths.insert(path)
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  let text = String(data: data, encoding: .utf8),
                  var frontMatter = try? FrontMatter.parse(text, file: path).fields else { continue }
            // Read as the loader reads it, but keep what could be read: an editor's half-finished brief is still the story's.
            let fields = Brief.Fields.readAll(&frontMatter).record
            index(fields.id, url: fields.sources.first.map { CanonicalURL.normalise($0.url) }, path: path, replacing: false)
        }
    }

    /// The brief that already holds this story, if any: same id (or the id as an earlier ingest spelt it), or
    /// same canonical URL.
    func match(for draft: BriefDraft) -> Match? {
        byID[draft.fields.id]
            ?? ContentHashID.legacySpelling(of: draft.fields.id).flatMap { byID[$0] }
            ?? draft.canonicalURL.flatMap { byURL[$0] }
    }

    mutating func record(_ draft: BriefDraft, at path: String) {
        paths.insert(path)
        index(draft.fields.id, url: draft.canonicalURL, path: path, replacing: true)
    }

    private mutating func index(_ id: String, url: String?, path: String, replacing: Bool) {
        let match = Match(path: path, id: id)
        if !id.isEmpty, replacing || byID[id] == nil { byID[id] = match }
        if let url, replacing || byURL[url] == nil { byURL[url] = match }
    }
}
