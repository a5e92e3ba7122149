import BriefingCore

/// When a source is next asked: its interval after the last fetch, later while it backs off, later still when
/// its server said so, never once it is gone.
public enum FetchSchedule {
    /// Whether to ask now.
    public enum Decision: Sendable, Equatable {
        case due
        case notDue(until: Timestamp)
        /// The server's `Retry-After` has not passed: even `--all` waits for it.
        case waiting(until: Timestamp)
        case disabled(String)
    }

    /// A run a few minutes early still fetches: an hourly cron job must not skip an hourly source every other
    /// hour because the last run ended a few seconds after the hour. The slack is a tenth of the interval, at most 5 minutes.
    public static func slack(every: Int) -> Int { min(every / 10, 300) }

    public static func decide(_ source: FeedSource, _ state: SourceState, now: Timestamp, ignoringInterval: Bool) -> Decision {
        if let reason = state.disabled { return .disabled(reason) }
        if let retry = state.retryAfter, retry > now { return .waiting(until: retry) }
        if ignoringInterval { return .due }
        guard let next = nextDue(source, state) else { return .due }
        return next.secondsSinceEpoch - slack(every: source.every) <= now.secondsSinceEpoch ? .due : .notDue(until: next)
    }

    /// When the source is next due, or nil when it is due whenever asked (never fetched).
    /// A failing source is next due when its back-off or its server's Retry-After ends, not an interval later.
    public static func nextDue(_ source: FeedSource, _ state: SourceState) -> Timestamp? {
        if state.failures > 0, let wait = state.retryAfter ?? state.backoffUntil { return wait }
        return state.fetched.map { Timestamp(secondsSinceEpoch: $0.secondsSinceEpoch + source.every) }
    }
}
