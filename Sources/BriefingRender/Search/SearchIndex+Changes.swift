import BriefingCore

/// Which term shards an edit to some briefs reached — kept beside the index, whose shards hold what these follow.
extension SearchIndex {
    /// The shard reads (`SiteRead.searchShard`) an edit to some briefs can have changed. A shard holds its terms'
    /// postings, each a brief's number and weight, and a weight is its brief's own: so the shards holding a term
    /// whose weight a changed brief changed, or that it gained or lost, and, where a brief's number moved (a changed
    /// one, or one the edit renumbered: `SearchNumbering.renumbering`), every term of that brief; and where the shards
    /// themselves changed (`shardsBefore`: the last build's file names), the shards that gave terms to a new one or
    /// took them from one gone. Every shard when the numbering is not the last build's (`renumberedAll`), or when a
    /// version's terms are not kept (`digestBefore` gives the content hash, as the term cache spells it, of a brief's
    /// file as it was).
    public func shardReads(
        changedBy changes: [(before: Brief?, after: Brief?)], in site: Site, shardsBefore: Set<String>, renumberedAll: Bool,
        digestBefore: (Brief) -> String?
    ) -> [SiteRead] {
        var every: [SiteRead] { shards.map { SiteRead.searchShard($0.fileName) } }
        let keysBefore = shardsBefore.compactMap(SearchShard.key(fileName:))
        guard !renumberedAll, keysBefore.count == shardsBefore.count else { return every }
        let renumbering = numbering.renumbering(by: changes, in: site)
        var reached = Set<UInt32>()
        for change in changes {
            var versions: [[UInt32]] = []
            if let before = change.before {
                guard let packed = digestBefore(before).flatMap(terms.packedTerms(forDigest:)) else { return every }
                versions.append(packed)
            }
            if let after = change.after {
                guard let packed = terms.packedTerms(of: after) else { return every }
                versions.append(packed)
            }
            if versions.count == 2, let slug = change.after?.slug, renumbering.kept.contains(slug) {
                for packed in Set(versions[0]).symmetricDifference(versions[1]) { reached.insert(packed >> 6) }
            } else {
                for packed in versions.joined() { reached.insert(packed >> 6) }
            }
        }
        for position in renumbering.moved {
            guard let packed = terms.packedTerms(of: site.briefs[position]) else { return every }
            for term in packed { reached.insert(term >> 6) }
        }
        // A term's shard is the one with the longest key that begins it, in the shards as they were and as they are
        // (a term the edit removed left the shard that held it). A key that came or went moved terms from or to the
        // shard with the longest key below it, in either.
        let now = SearchShard.Keys(shards.map(\.key))
        let before = SearchShard.Keys(keysBefore)
        let table = terms.table
        var keys = Set<String>()
        for number in reached {
            let term = table[Int(number)]
            for key in [now.shard(holding: term), before.shard(holding: term)].compactMap({ $0 }) { keys.insert(key) }
        }
        for key in now.keys.symmetricDifference(before.keys) {
            for below in [now.shard(below: key), before.shard(below: key)].compactMap({ $0 }) { keys.insert(below) }
        }
        return keys.map { .searchShard(SearchShard.fileName($0)) }.sorted { $0.key < $1.key }
    }
}
