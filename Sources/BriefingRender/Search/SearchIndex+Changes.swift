import BriefingCore

/// Which term shards an edit to some briefs reached — kept beside the index, whose shards hold what these follow.
extension SearchIndex {
    /// The shard reads (`SiteRead.searchShard`) an edit to some briefs can have changed. A shard holds its terms'
    /// postings, each a brief's number and weight, and a weight is its brief's own: so the shards holding a term
    /// whose weight a changed brief changed, or that it gained or lost, and, where a brief's number moved (a changed
    /// one, or one the edit renumbered: `SearchNumbering.renumbering`), every term of that brief. Every shard when
    /// the shards are not the last build's (`shardsBefore`, their file names), when the numbering is not
    /// (`renumberedAll`), or when a version's terms are not kept (`digestBefore` gives the content hash, as the term
    /// cache spells it, of a brief's file as it was).
    public func shardReads(
        changedBy changes: [(before: Brief?, after: Brief?)], in site: Site, shardsBefore: Set<String>, renumberedAll: Bool,
        digestBefore: (Brief) -> String?
    ) -> [SiteRead] {
        let every = shards.map { SiteRead.searchShard($0.fileName) }
        guard !renumberedAll, Set(shards.map(\.fileName)) == shardsBefore else { return every }
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
        // With the same shards, a term's shard is the one with the longest key that begins it, whether or not the
        // term is still in the index (a term the edit removed left the shard that held it).
        let table = terms.table
        let keys = Set(shards.map(\.key))
        var names = Set<String>()
        for number in reached {
            let scalars = Array(table[Int(number)].unicodeScalars)
            guard let length = (0...scalars.count).reversed().first(where: { keys.contains(String(String.UnicodeScalarView(scalars[..<$0]))) })
            else { return every }
            names.insert(SearchShard.fileName(String(String.UnicodeScalarView(scalars[..<length]))))
        }
        return names.sorted().map { .searchShard($0) }
    }
}
