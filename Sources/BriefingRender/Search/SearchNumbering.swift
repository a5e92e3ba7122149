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
        for day in site.daily.days {
            let base = (SearchNumbering.daysSince1970(day.date) - firstDay) * perDay
            let places = self.places(ofDay: day.positions.map { site.briefs[$0].date }, offset: site.config.timezone)
            for (position, place) in zip(day.positions, places) { numbers[position] = base + place }
        }
        return numbers
    }

    /// The places of one day's briefs, given their times newest first (in the site's order), in that order.
    func places(ofDay times: [Timestamp], offset: UTCOffset) -> [Int] {
        let seconds = times.reversed().map { time in
            let clock = offset.components(of: time)
            return clock.hour * 3_600 + clock.minute * 60 + clock.second
        }
        return SearchNumbering.places(secondsIntoDay: seconds, perDay: perDay).reversed()
    }

    /// What an edit to some briefs did to the numbers (`renumbering`).
    public struct Renumbering: Sendable {
        /// The briefs the edit left alone but renumbered, by position in the site's briefs: their place on the day of
        /// a changed brief, as it was or as it is, moved.
        public var moved: [Int] = []
        /// The changed briefs whose number stayed: the same slug, on the same day, in the same place.
        public var kept = Set<Slug>()
    }

    /// How an edit renumbered the briefs. `changes` holds each changed brief as it was (nil when added) and as it is
    /// (nil when removed); the numbering itself must be the last build's (its first day and numbers per day).
    public func renumbering(by changes: [(before: Brief?, after: Brief?)], in site: Site) -> Renumbering {
        let offset = site.config.timezone
        let changed = Set(changes.compactMap { $0.after?.slug })
        let before = changes.compactMap(\.before)
        var result = Renumbering()
        for date in Set(changes.flatMap { [$0.before, $0.after] }.compactMap { $0.map { offset.day(of: $0.date) } }) {
            let positions = site.daily.index(of: date).map { site.daily.days[$0].positions } ?? []
            let kept = positions.filter { !changed.contains(site.briefs[$0].slug) }
            // The day as it was: the briefs the edit left, and the changed ones as they were, in the site's order.
            let earlier = (kept.map { (site.briefs[$0].date, site.briefs[$0].slug) }
                + before.filter { offset.day(of: $0.date) == date }.map { ($0.date, $0.slug) })
                .sorted { ($0.0.secondsSinceEpoch, $1.1) > ($1.0.secondsSinceEpoch, $0.1) }
            let placesBefore = Dictionary(zip(earlier.map(\.1), places(ofDay: earlier.map(\.0), offset: offset))) { first, _ in first }
            let placesNow = places(ofDay: positions.map { site.briefs[$0].date }, offset: offset)
            for (position, place) in zip(positions, placesNow) {
                let slug = site.briefs[position].slug
                if !changed.contains(slug) {
                    if placesBefore[slug] != place { result.moved.append(position) }
                } else if placesBefore[slug] == place, before.contains(where: { $0.slug == slug && offset.day(of: $0.date) == date }) {
                    result.kept.insert(slug)
                }
            }
        }
        return result
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
