import BriefingCore
import BriefingRender

/// What an edit changed, as read keys (see `SiteRead`, `MarkdownBodies`): a page that read none of them cannot
/// have changed, so it need not even be fingerprinted.
struct ReadChanges: Sendable {
    /// The changed keys.
    var keys: Set<String>
    /// The last build's read table, its query digests brought up to date.
    var table: ReadTable
    /// True when nothing but the prose of some briefs changed.
    var proseOnly: Bool

    /// After an edit to the prose of some briefs alone (`BodyEdit`): those bodies, and what is derived from every
    /// body of their kind. No query can have changed: queries read front matter only.
    static func prose(_ bodies: Set<String>, previous: BuildManifest) -> ReadChanges {
        let everyBody = MarkdownBodies.Kind.allCases.filter { kind in
            bodies.contains { $0.hasPrefix(kind.rawValue + "/") }
        }.map(MarkdownBodies.everyBody)
        return ReadChanges(keys: bodies.union(everyBody), table: previous.reads, proseOnly: true)
    }

    /// After an edit to brief files alone — briefs edited, added, removed or renamed: each such brief's own reads
    /// and body, the `near` reads around where it was and where it is (`SiteReads.nearReads`), every query whose
    /// value changed, and what is derived from the whole archive. Nil when any other file changed, or when the
    /// last build's version of an edited brief is unknown (`cache` holds it only under the hash that build
    /// recorded): then every page is examined.
    static func briefEdit(previous: BuildManifest, inputs: SiteInputs, cache: ContentCache, site: Site, jobs: Int) -> ReadChanges? {
        var paths = inputs.files.compactMap { path, input in previous.inputs[path]?.hash == input.hash ? nil : path }
        paths += previous.inputs.keys.filter { inputs.files[$0] == nil }
        guard paths.allSatisfy({ $0.hasPrefix("content/briefs/") }) else { return nil }
        let wanted = Set(paths)
        let current = Dictionary(site.briefs.lazy.filter { wanted.contains($0.location.file) }.map { ($0.location.file, $0) }) { first, _ in first }
        var changes: [(before: Brief?, after: Brief?)] = []
        for path in paths {
            var before: Brief?
            if let recorded = previous.inputs[path] {
                guard cache.hashes[path] == recorded.hash, let brief = cache.content.briefs[path] else { return nil }
                before = brief
            }
            changes.append((before, current[path]))
        }
        var keys: Set<String> = [SiteRead.everything.key, MarkdownBodies.everyBody(.brief)]
        for version in changes.flatMap({ [$0.before, $0.after] }).compactMap({ $0 }) {
            keys.insert(SiteRead.brief(version.slug).key)
            keys.insert(MarkdownBodies.key(.brief, version.slug))
        }
        keys.formUnion(SiteReads.nearReads(changedBy: changes, in: site))
        var table = previous.reads
        for number in table.digest(in: site, onlyMissing: false, jobs: jobs) { keys.insert(table.keys[Int(number)]) }
        return ReadChanges(keys: keys, table: table, proseOnly: false)
    }
}
