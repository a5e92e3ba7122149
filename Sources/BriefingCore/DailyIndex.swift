/// The days on which briefs were published, as the daily briefing counts them: at `briefing.yml`'s `timezone`.
public struct DailyIndex: Sendable {
    /// One day with briefs.
    public struct Day: Sendable, Equatable {
        /// The local calendar day, at the site's offset.
        public let date: PartialDate
        /// Positions in `Site.briefs`, newest first.
        public let positions: [Int]
    }

    /// Newest day first.
    public let days: [Day]
    private let byDate: [PartialDate: Int]

    /// `briefs` must be newest first (as `Site.briefs` is): each day's positions then come out newest first too.
    init(briefs: [Brief], offset: UTCOffset) {
        var dates: [PartialDate] = []
        var positions: [PartialDate: [Int]] = [:]
        for (position, brief) in briefs.enumerated() {
            let date = offset.day(of: brief.date)
            if positions[date] == nil { dates.append(date) }
            positions[date, default: []].append(position)
        }
        days = dates.map { Day(date: $0, positions: positions[$0] ?? []) }
        byDate = Dictionary(days.enumerated().map { ($1.date, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The position of the day in `days`, or nil when nothing was published that day.
    public func index(of date: PartialDate) -> Int? { byDate[date] }
}
