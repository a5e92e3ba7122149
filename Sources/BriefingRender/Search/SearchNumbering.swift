import BriefingCore

/// How search documents are numbered: by day, so that a brief added or removed renumbers only the briefs of its
/// own day, not every newer one (which rewrote thousands of `docs/N.json` files for one brief dated in the past).
///
/// Each day of the daily briefing (`briefing.yml`'s timezone), from the first of January of the oldest brief's
/// year on, has `perDay` numbers; a day's briefs take its first numbers, oldest first. Numbers still rise with
/// time, so a year is a range and the higher number is the newer brief. Only a brief older than that year, or a
/// day busier than `perDay`, renumbers everything.
public struct SearchNumbering: Sendable, Equatable {
    /// Days since 1970 of the first day numbered.
    public let firstDay: Int
    public let perDay: Int
    /// One past the highest number: the length of the arrays `search.js` scores into.
    public let slots: Int
    /// Each numbered day's count of briefs, added up: the `n`th is the number of briefs up to and including day `n`.
    public let runningCounts: [Int]

    public init(site: Site) {
        let days = site.daily.days
        let busiest = days.map(\.positions.count).max() ?? 0
        var perDay = 16
        while perDay < busiest { perDay *= 2 }
        self.perDay = perDay
        let oldest = days.last?.date.year ?? 1970
        firstDay = Timestamp.daysFromCivil(year: oldest, month: 1, day: 1)
        let newest = days.first.map { SearchNumbering.daysSince1970($0.date) } ?? firstDay
        var counts = [Int](repeating: 0, count: newest - firstDay + 1)
        for day in days { counts[SearchNumbering.daysSince1970(day.date) - firstDay] = day.positions.count }
        var total = 0
        runningCounts = counts.map { total += $0; return total }
        slots = counts.count * perDay
    }

    /// Each brief's number, by its position in the site's briefs (newest first).
    public func numbers(of site: Site) -> [Int] {
        var numbers = [Int](repeating: 0, count: site.briefs.count)
        for day in site.daily.days {
            let base = (SearchNumbering.daysSince1970(day.date) - firstDay) * perDay
            // A day's positions are newest first; its numbers go oldest first.
            for (index, position) in day.positions.enumerated() { numbers[position] = base + day.positions.count - 1 - index }
        }
        return numbers
    }

    static func daysSince1970(_ date: PartialDate) -> Int {
        Timestamp.daysFromCivil(year: date.year, month: date.month ?? 1, day: date.day ?? 1)
    }
}
