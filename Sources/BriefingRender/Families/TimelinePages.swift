import BriefingCore
import BriefingTemplates

/// `/timeline/` (years and months that have events), `/timeline/YYYY/` and `/timeline/YYYY/MM/`.
public struct TimelinePages: PageFamily {
    public static let url = "timeline/"

    public static func url(year: Int) -> String { "timeline/\(year)/" }

    public static func url(year: Int, month: Int) -> String { "timeline/\(year)/\(month < 10 ? "0\(month)" : "\(month)")/" }

    public init() {}

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        var pages = [PlannedPage(url: Self.url, template: "timeline") { $0.timeline() }]
        for (year, periods) in site.timeline.years {
            pages.append(PlannedPage(url: Self.url(year: year), template: "timeline-year") { $0.timelineYear(year) })
            for period in periods {
                guard let month = period.month else { continue }
                pages.append(PlannedPage(url: Self.url(year: year, month: month), template: "timeline-month") {
                    $0.timelineMonth(year, month)
                })
            }
        }
        return pages
    }
}

extension PageContexts {
    /// The timeline's context: years and months that have events, newest first.
    public func timeline() -> TemplateValue {
        frame(url: TimelinePages.url, title: "Timeline", description: "Every dated event in \(site.config.title), by year and month.", section: .timeline).with([
            "breadcrumbs": breadcrumbs(),
            "years": .list(site.timeline.years.map { year, periods in
                [
                    "year": .int(year),
                    "url": .string(TimelinePages.url(year: year)),
                    "count": .int(periods.reduce(0) { $0 + $1.events.count }),
                    "months": .list(periods.compactMap { period in
                        period.month.map { month in
                            [
                                "name": .string(HumanDate.monthName(month)),
                                "url": .string(TimelinePages.url(year: year, month: month)),
                                "count": .int(period.events.count),
                            ]
                        }
                    }),
                ]
            })
        ])
    }

    /// A timeline year's context: the year's events by month; events known only to the year come first.
    public func timelineYear(_ year: Int) -> TemplateValue {
        let periods = site.timeline.periods(of: year)
        let years = site.timeline.years.map(\.year)
        let index = years.firstIndex(of: year)
        func neighbour(_ position: Int?) -> TemplateValue {
            guard let position, years.indices.contains(position) else { return .null }
            return ["year": .int(years[position]), "url": .string(TimelinePages.url(year: years[position]))]
        }
        return frame(url: TimelinePages.url(year: year), title: "\(year) timeline", description: "Events of \(year) in \(site.config.title).", section: .timeline).with([
            "breadcrumbs": breadcrumbs(("Timeline", TimelinePages.url)),
            "year": .int(year),
            "undated": periods.first { $0.month == nil }.map { period in
                ["events": .list(period.events.map { event(site.events[$0]) })]
            } ?? .null,
            "months": .list(periods.compactMap { period in
                period.month.map { month in
                    [
                        "name": .string(HumanDate.monthName(month)),
                        "url": .string(TimelinePages.url(year: year, month: month)),
                        "count": .int(period.events.count),
                        "events": .list(period.events.map { event(site.events[$0]) }),
                    ]
                }
            }),
            // Years are newest first, so the previous (earlier) year is the next index.
            "previous": neighbour(index.map { $0 + 1 }),
            "next": neighbour(index.map { $0 - 1 }),
        ])
    }

    /// A timeline month's context: the month's events grouped by day, oldest day first so it reads as a story.
    public func timelineMonth(_ year: Int, _ month: Int) -> TemplateValue {
        let events = site.timeline.period(year: year, month: month)?.events.map { site.events[$0] } ?? []
        var days: [(date: PartialDate, events: [DatedEvent])] = []
        for dated in events.reversed() {
            if days.last?.date == dated.event.date {
                days[days.count - 1].events.append(dated)
            } else {
                days.append((dated.event.date, [dated]))
            }
        }
        let months = site.timeline.months
        let index = months.firstIndex { $0 == (year, month) }
        func neighbour(_ position: Int?) -> TemplateValue {
            guard let position, months.indices.contains(position) else { return .null }
            let (y, m) = months[position]
            return ["name": .string("\(HumanDate.monthName(m)) \(y)"), "url": .string(TimelinePages.url(year: y, month: m))]
        }
        let name = HumanDate.monthName(month)
        return frame(url: TimelinePages.url(year: year, month: month), title: "\(name) \(year)", description: "Events of \(name) \(year) in \(site.config.title).", section: .timeline).with([
            "breadcrumbs": breadcrumbs(("Timeline", TimelinePages.url), (String(year), TimelinePages.url(year: year))),
            "year": .int(year),
            "yearURL": .string(TimelinePages.url(year: year)),
            "month": .string(name),
            "days": .list(days.map { day in
                ["date": HumanDate.value(day.date), "events": .list(day.events.map(event))]
            }),
            "previous": neighbour(index.map { $0 + 1 }),
            "next": neighbour(index.map { $0 - 1 }),
        ])
    }
}
