/// What a whole fetch run did: a report per source, in `briefing.yml` order, and a summary.
public struct FetchReport: Sendable {
    public var sources: [SourceReport] = []
    /// Said before the per-source lines (a state file that was ignored, say).
    public var warnings: [FetchWarning] = []
    public var seconds: Double = 0

    public init() {}

    /// 0 when every source due succeeded (or none was due), 1 when any failed.
    public var exitStatus: Int32 { sources.contains(where: \.isFailure) ? 1 : 0 }

    public var lines: [String] { sources.flatMap(\.lines) + [summary] }

    public var summary: String {
        func count(_ test: (SourceReport.Outcome) -> Bool) -> Int { sources.filter { test($0.outcome) }.count }
        let fetched = sources.compactMap { report -> IngestCounts? in
            if case .fetched(let counts) = report.outcome { return counts }
            return nil
        }
        let newBriefs = fetched.reduce(0) { $0 + $1.written }
        var parts: [String] = []
        let would = count { if case .wouldFetch = $0 { true } else { false } }
        if would > 0 { parts.append("\(would) would be fetched") }
        parts.append("\(fetched.count) fetched (\(newBriefs) new \(newBriefs == 1 ? "brief" : "briefs"))")
        parts.append("\(count { if case .notModified = $0 { true } else { false } }) not modified")
        parts.append("\(count { if case .notDue = $0 { true } else if case .waiting = $0 { true } else { false } }) not due")
        let failed = sources.filter(\.isFailure).count
        parts.append("\(failed) failed")
        let disabled = count { if case .disabled = $0 { true } else { false } }
        if disabled > 0 { parts.append("\(disabled) disabled") }
        let time = seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\((seconds * 10).rounded() / 10) s"
        return "fetch: \(sources.count) \(sources.count == 1 ? "source" : "sources") — " + parts.joined(separator: ", ") + " in \(time)"
    }
}

/// Something the run worked around, located where it can be: `sources.state:4: unknown key …`.
public struct FetchWarning: Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var message: String
    public var fix: String?
}
