import BriefingCore

/// A brief's neighbours and related briefs: what a brief page reads around its brief, and — kept beside it so the
/// two cannot drift apart — which of those reads an edit can change (`nearReads`, `relatedCandidates`).
extension SiteReads {
    /// How many briefs on either side of a brief, in each of its topics' and companies' lists, are candidates for
    /// its related briefs.
    static let relatedWindow = 50

    /// The briefs just older and just newer than `brief` in the archive.
    public func neighbours(of brief: Brief) -> (older: Brief?, newer: Brief?) {
        note(.near(brief.slug))
        guard let position = site.position(of: brief.slug) else { return (nil, nil) }
        let older = position + 1 < site.briefs.count ? site.briefs[position + 1] : nil
        let newer = position > 0 ? site.briefs[position - 1] : nil
        for shown in [older, newer].compactMap({ $0 }) { note(.brief(shown.slug)) }
        return (older, newer)
    }

    /// Up to `limit` briefs sharing the most companies and topics with this one; a shared company counts double,
    /// since it says more about a story than a broad topic does. Ties go to the brief nearest in time, then
    /// the newer.
    ///
    /// Candidates are the `relatedWindow` briefs on either side of this one in each of its topics' and companies'
    /// lists, each then scored on every tag it shares: the busiest topic holds a sixth of the archive, and scoring
    /// all of its members for every brief page made the build grow with the square of the archive. Nearness is
    /// measured in time, not in places in the archive, so that a brief added far away changes no one's ranking.
    public func related(to brief: Brief, limit: Int = 4) -> [Brief] {
        guard let own = site.position(of: brief.slug) else {
            note(.related(brief.slug))
            return []
        }
        let window = Self.relatedWindow
        // Candidates come from each list's positions (ascending: lists are newest first); each is then scored
        // against every list by its bit set, with no hashing — sets of each candidate's tags made this the
        // largest part of a clean build.
        let lists = brief.topics.distinct.map { (positions: site.briefs(inTopic: $0).positions, members: site.members(ofTopic: $0), weight: 1) }
            + brief.companies.distinct.map { (positions: site.briefs(mentioning: $0).positions, members: site.members(ofCompany: $0), weight: 2) }
        var candidates: [Int] = []
        for list in lists {
            let place = Self.firstIndex(notBelow: own, in: list.positions)
            candidates += list.positions[max(0, place - window)..<min(list.positions.count, place + window + 1)]
        }
        candidates.sort()
        let time = brief.date.secondsSinceEpoch
        let times = site.briefTimes
        // Keep the best `limit` in one pass instead of sorting every candidate.
        var best: [RelatedCandidate] = []
        var previous = -1
        for position in candidates where position != own && position != previous {
            previous = position
            var score = 0
            for list in lists where list.members.contains(position) { score += list.weight }
            let candidate = RelatedCandidate(position: position, score: score, distance: abs(times[position] - time))
            guard best.count < limit || candidate.ranks(before: best[best.count - 1]) else { continue }
            let index = best.firstIndex { candidate.ranks(before: $0) } ?? best.count
            best.insert(candidate, at: index)
            if best.count > limit { best.removeLast() }
        }
        let related = best.map { read(site.briefs[$0.position]) }
        note(.related(brief.slug), listing: related.map(\.slug))
        return related
    }

    /// The `near` reads (see `SiteRead`) that briefs edited, added or removed can change, given as each one's
    /// version before and after (nil where it did not exist): those of the briefs next to where each version sits
    /// in the archive, the window widened by the number of changes, since each can shift the others by one. A brief
    /// that kept its date and its tags moved in no list, so it changes no one's neighbourhood (what others show of
    /// it is its own read).
    public static func nearReads(changedBy changes: [(before: Brief?, after: Brief?)], in site: Site) -> Set<String> {
        Set(briefs(around: changes, in: site, lists: { _ in [(nil, 1)] }).map { SiteRead.near($0).key })
    }

    /// The briefs whose related briefs (`SiteRead.related`) an edit can change: those within `relatedWindow` (widened
    /// as for `nearReads`) of where each version of a changed brief sits in each of its topics' and companies' lists,
    /// the candidates it was or is among. A build compares their related lists with the last build's.
    public static func relatedCandidates(changedBy changes: [(before: Brief?, after: Brief?)], in site: Site) -> Set<Slug> {
        briefs(around: changes, in: site) { version in
            Set(version.topics).map { (site.briefs(inTopic: $0).positions, relatedWindow) }
                + Set(version.companies).map { (site.briefs(mentioning: $0).positions, relatedWindow) }
        }
    }

    /// The moved versions' own slugs, and those of the briefs within each list's window (`positions` nil: the
    /// archive) of where each version sits or would sit.
    private static func briefs(
        around changes: [(before: Brief?, after: Brief?)], in site: Site, lists: (Brief) -> [(positions: [Int]?, window: Int)]
    ) -> Set<Slug> {
        let moved = changes.filter { change in
            guard let before = change.before, let after = change.after else { return true }
            return before.slug != after.slug || before.date != after.date || before.topics != after.topics || before.companies != after.companies
        }
        let slack = moved.count + 1
        var slugs = Set<Slug>()
        for version in moved.flatMap({ [$0.before, $0.after] }).compactMap({ $0 }) {
            slugs.insert(version.slug)
            for list in lists(version) {
                let count = list.positions?.count ?? site.briefs.count
                func member(_ index: Int) -> Brief { site.briefs[list.positions?[index] ?? index] }
                // Where the version sits (or would sit) in the list: after every brief that precedes it.
                var low = 0
                var high = count
                while low < high {
                    let middle = (low + high) / 2
                    if precedes(member(middle), version) { low = middle + 1 } else { high = middle }
                }
                for index in max(0, low - list.window - slack)..<min(count, low + list.window + slack + 1) {
                    slugs.insert(member(index).slug)
                }
            }
        }
        return slugs
    }

    /// The archive's order (see `Site`): newer first, then by slug.
    private static func precedes(_ a: Brief, _ b: Brief) -> Bool {
        a.date != b.date ? a.date > b.date : a.slug < b.slug
    }

    /// The index of the first element of `sorted` that is not below `value` (its count when none is).
    private static func firstIndex(notBelow value: Int, in sorted: [Int]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// A brief considered for another's related list: its position, shared-tag score and distance in time.
private struct RelatedCandidate {
    var position: Int
    var score: Int
    var distance: Int

    func ranks(before other: RelatedCandidate) -> Bool {
        (score, -distance, -position) > (other.score, -other.distance, -other.position)
    }
}
