import BriefingCore

/// `briefing sources list`: each source, its last answer, its last new item and when it is next due.
public enum SourceListing {
    public static func text(_ sources: [FeedSource], state: FetchState, now: Timestamp) -> String {
        guard !sources.isEmpty else { return "No sources. Add one with `briefing sources add URL`.\n" }
        var lines: [String] = []
        for source in sources {
            let remembered = state[source.url]
            lines.append(source.name.map { "\($0) <\(source.url)>" } ?? source.url)
            var facts = ["every \(SiteConfig.describeDuration(source.every))"]
            let tags = source.topics.map(\.rawValue) + source.companies.map(\.rawValue)
            if !tags.isEmpty { facts.append("tags \(tags.joined(separator: ", "))") }
            lines.append("  " + facts.joined(separator: " · "))
            if let fetched = remembered.fetched {
                lines.append("  last fetched \(fetched): \(remembered.status ?? "?")")
            } else {
                lines.append("  never fetched")
            }
            lines.append("  last new item: \(remembered.newItem?.description ?? "none yet")")
            switch FetchSchedule.decide(source, remembered, now: now, ignoringInterval: false) {
            case .due: lines.append("  next: due now")
            case .notDue(let until): lines.append("  next: due after \(until)")
            case .waiting(let until): lines.append("  next: after \(until) (the server's Retry-After)")
            case .disabled(let reason): lines.append("  next: never — disabled (\(reason)); `briefing sources enable \(source.url)`")
            }
            if let moved = remembered.movedTo {
                lines.append("  moved permanently to \(moved) — change its url in briefing.yml (line \(source.line))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
