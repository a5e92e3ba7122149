import BriefingCore

/// How search documents are numbered: by day and time of day, so that a brief added, removed or moved renumbers
/// next to nothing but itself (numbering a day's briefs 0, 1, 2… renumbered the whole day, and with it nearly
/// every term shard, for one brief).
///
/// Each day of the daily briefing (`briefing.yml`'s timezone), from the first of January of the oldest brief's
/// year on, has a block of `perDay` numbers. A brief takes the number its time of day points to in its day's block
/// (`places`), or the next free one after the briefs before it. Numbers still rise with time, so a year is a range
/// and the higher number is the newer brief. Only a brief older than that year, or a day busier than `perDay`,
/// renumbers everything.
public struct SearchNumbering: Sendable, Equatable {
    /// Days since 1970 of the first day numbered.
    public let firstDay: Int
    public let perDay: Int
    /// One past the highest number: the length of the arrays `search.js` scores into.
    public let slots: Int

    public init(site: Site) {
        let days = site.daily.days
        let busiest = days.map(\.positions.count).max() ?? 0
        var perDay = 16
        while perDay < busiest { perDay *= 2 }
        self.perDay = perDay
        let oldest = days.last?.date.year ?? 1970
        firstDay = Timestamp.daysFromCivil(year: oldest, month: 1, day: 1)
        let newest = days.first.map { SearchNumbering.daysSince1970($0.date) } ?? firstDay
        slots = (newest - firstDay + 1) * perDay
    }

    /// Each brief's number, by its position in the site's briefs (newest first).
    public func numbers(of site: Site) -> [Int] {
        var numbers = [Int](repeating: 0, count: site.briefs.count)
        let offset = site.config.timezone
        for day in site.daily.days {
            let base = (SearchNumbering.daysSince1970(day.date) - firstDay) * perDay
            // A day's positions are newest first; its numbers go oldest first.
            let oldestFirst = day.positions.reversed()
            let seconds = oldestFirst.map { position in
                let time = offset.components(of: site.briefs[position].date)
                return time.hour * 3_600 + time.minute * 60 + time.second
            }
            for (position, place) in zip(oldestFirst, SearchNumbering.places(secondsIntoDay: seconds, perDay: perDay)) {
                numbers[position] = base + place
            }
        }
        return numbers
    }

    /// Each of a day's briefs' place in its block: where its time of day points (`perDay` places share a day
    /// evenly), pushed past the brief before it when they share a place, and pulled back where the day's last places
    /// are too few for the briefs still to come. `secondsIntoDay` is oldest first, so the places rise; a brief moves
    /// another only when their places meet.
    static func places(secondsIntoDay seconds: [Int], perDay: Int) -> [Int] {
        var places = [Int](repeating: 0, count: seconds.count)
        var next = 0
        for (index, second) in seconds.enumerated() {
            let wanted = min(perDay - 1, max(0, second) * perDay / 86_400)
            places[index] = max(wanted, next)
            next = places[index] + 1
        }
        var limit = perDay - 1
        for index in places.indices.reversed() {
            places[index] = min(places[index], limit)
            limit = places[index] - 1
        }
        return places
    }

    static func daysSince1970(_ date: PartialDate) -> Int {
        Timestamp.daysFromCivil(year: date.year, month: date.month ?? 1, day: date.day ?? 1)
    }
}
