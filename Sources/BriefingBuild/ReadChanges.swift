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

    /// The reads changed since `previous` by an edit to brief files alone — briefs edited, added, removed or
    /// renamed — or nil when any other file changed, or when the last build's version of an edited brief is
    /// unknown: then every page is examined. `cache` supplies the briefs as the last build parsed them; it only
    /// counts where its hash is the one that build recorded, so a cache left behind by an older build can never
    /// vouch for a file.
    ///
    /// When only the prose of some briefs changed (the commonest edit), those bodies are the changes, with what is
    /// derived from every body: no query can have changed, since queries read front matter only. Otherwise each
    /// such brief's own read and body, the `near` reads around where it was and where it is
    /// (`SiteReads.nearReads`), every query whose value changed, and what is derived from the whole archive. Either
    /// way, the term shards of `search` that hold a term of the briefs changed (`SearchIndex.shardReads`).
    static func since(
        _ previous: BuildManifest, inputs: SiteInputs, cache: ContentCache, site: Site, search: SearchIndex, jobs: Int
    ) -> ReadChanges? {
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
        func shards(renumberedAll: Bool) -> [String] {
            let before = Set(previous.outputs.keys.compactMap(SearchPages.shardFileName(ofOutput:)))
            return search.shardReads(changedBy: changes, in: site, shardsBefore: before, renumberedAll: renumberedAll) { brief in
                previous.inputs[brief.location.file]?.hash.hex
            }.map(\.key)
        }
        if let bodies = proseEdits(changes) {
            let everyBody = bodies.isEmpty ? [] : [MarkdownBodies.everyBody(.brief)]
            return ReadChanges(keys: bodies.union(everyBody).union(shards(renumberedAll: false)), table: previous.reads, proseOnly: true)
        }
        var keys: Set<String> = [SiteRead.everything.key, MarkdownBodies.everyBody(.brief)]
        for version in changes.flatMap({ [$0.before, $0.after] }).compactMap({ $0 }) {
            keys.insert(SiteRead.brief(version.slug).key)
            keys.insert(MarkdownBodies.key(.brief, version.slug))
        }
        keys.formUnion(SiteReads.nearReads(changedBy: changes, in: site))
        var table = previous.reads
        // Digesting the queries again is most of this: only those the changed briefs can reach (`TouchedQueries`), and
        // none after an edit that kept what queries read.
        if !changes.allSatisfy(keepsQueriedFields) {
            let touched = TouchedQueries(changes: changes, in: site)
            for number in table.digest(in: site, touched: touched, jobs: jobs) { keys.insert(table.keys[Int(number)]) }
        }
        // Numbers move with the numbering's first day and size of a day's block; a table without it numbered nothing.
        let numbering = SiteRead.searchNumbering.key
        keys.formUnion(shards(renumberedAll: keys.contains(numbering) || table.number(of: numbering) == nil))
        return ReadChanges(keys: keys, table: table, proseOnly: false)
    }

    /// Whether a brief kept every field a query's value is made of (`SiteRead.value`: which briefs there are, their
    /// dates, tags and stories, their events' dates and companies), as after an edit to its title or summary.
    private static func keepsQueriedFields(_ change: (before: Brief?, after: Brief?)) -> Bool {
        guard let before = change.before, let after = change.after else { return false }
        return before.slug == after.slug && before.date == after.date && before.topics == after.topics
            && before.companies == after.companies && before.mentions == after.mentions && before.stories == after.stories
            && before.events.map(\.date) == after.events.map(\.date) && before.events.map(\.companies) == after.events.map(\.companies)
    }

    /// The bodies (`brief/<slug>`) of the changed briefs when each kept every field but its body; nil when one
    /// was added, removed or changed in anything else.
    private static func proseEdits(_ changes: [(before: Brief?, after: Brief?)]) -> Set<String>? {
        var bodies = Set<String>()
        for change in changes {
            guard var before = change.before, var after = change.after else { return nil }
            before.body = ""
            after.body = ""
            guard before == after else { return nil }
            bodies.insert(MarkdownBodies.key(.brief, after.slug))
        }
        return bodies
    }
}
