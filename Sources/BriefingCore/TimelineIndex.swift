/// The site's events arranged by year and month, as the timeline pages browse them.
public struct TimelineIndex: Sendable {
    /// One month of one year; `month` is nil for events dated only to the year.
    public struct Period: Sendable {
        public var year: Int
        public var month: Int?
        /// Positions in `Site.events`, newest first.
        public var events: [Int]
    }

    /// Newest year first; within a year, the year-only events (month nil) first, then months newest first.
    public let years: [(year: Int, periods: [Period])]

    init(events: [DatedEvent]) {
        var years: [(year: Int, periods: [Period])] = []
        for (position, dated) in events.enumerated() {
            let date = dated.event.date
            if years.last?.year != date.year { years.append((date.year, [])) }
            let last = years.count - 1
            if let index = years[last].periods.firstIndex(where: { $0.month == date.month }) {
                years[last].periods[index].events.append(position)
            } else {
                years[last].periods.append(Period(year: date.year, month: date.month, events: [position]))
            }
        }
        for index in years.indices {
            years[index].periods.sort { ($0.month ?? 13) > ($1.month ?? 13) }
        }
        self.years = years
    }

    /// The months that have events, newest first, across all years.
    public var months: [(year: Int, month: Int)] {
        years.flatMap { year in year.periods.compactMap { period in period.month.map { (year.year, $0) } } }
    }

    public func periods(of year: Int) -> [Period] { years.first { $0.year == year }?.periods ?? [] }

    public func period(year: Int, month: Int) -> Period? { periods(of: year).first { $0.month == month } }
}
