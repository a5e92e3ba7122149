import BriefingCore
import BriefingTemplates

/// `/timeline/` (years and months that have events), `/timeline/YYYY/` (the year's months, a few events of each, and
/// the events known only to the year, paged) and `/timeline/YYYY/MM/` (the month's events by day, paged).
public struct TimelinePages: PageFamily {
    public static let url = "timeline/"

    /// How many of each month's newest events a year page shows; the month's own pages have them all.
    public static let monthPreview = 5

    public static func url(year: Int, page: Int = 1) -> String { PageURL.paged("timeline/\(year)/", page: page) }

    public static func url(year: Int, month: Int, page: Int = 1) -> String {
        PageURL.paged("timeline/\(year)/\(month < 10 ? "0\(month)" : "\(month)")/", page: page)
    }

    public init() {}

    public func pages(of site: Site, after earlier: [PlannedPage]) -> [PlannedPage] {
        let size = site.config.eventPageSize
        var pages = [PlannedPage(url: Self.url, template: "timeline") { $0.timeline() }]
        for (year, periods) in site.timeline.years {
            let undated = periods.first { $0.month == nil }?.events.count ?? 0
            pages += PlannedPage.paged(count: undated, size: size, url: { Self.url(year: year, page: $0) }, template: "timeline-year") {
                $0.timelineYear(year, page: $1)
            }
            for period in periods {
                guard let month = period.month else { continue }
                pages += PlannedPage.paged(
                    count: period.events.count, size: size, url: { Self.url(year: year, month: month, page: $0) }, template: "timeline-month"
                ) { $0.timelineMonth(year, month, page: $1) }
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

    /// A timeline year's context: its months, each with its newest events and a link to all of them, then the
    /// events known only to the year, one page of them at a time.
    public func timelineYear(_ year: Int, page: Int = 1) -> TemplateValue {
        let periods = site.timeline.periods(of: year)
        let years = site.timeline.yearNumbers
        let index = years.firstIndex(of: year)
        func neighbour(_ position: Int?) -> TemplateValue {
            guard let position, years.indices.contains(position) else { return .null }
            return ["year": .int(years[position]), "url": .string(TimelinePages.url(year: years[position]))]
        }
        let undated = periods.first { $0.month == nil }?.events ?? []
        let paging = Paging(count: undated.count, size: site.config.eventPageSize)
        let title = "\(year) timeline" + (page > 1 ? " — page \(page)" : "")
        return frame(url: TimelinePages.url(year: year, page: page), title: title, description: "Events of \(year) in \(site.config.title).", section: .timeline).with([
            "breadcrumbs": page > 1
                ? breadcrumbs(("Timeline", TimelinePages.url), (String(year), TimelinePages.url(year: year)))
                : breadcrumbs(("Timeline", TimelinePages.url)),
            "year": .int(year),
            "undated": undated.isEmpty ? .null : [
                "count": .int(undated.count),
                "events": .list(undated[paging.range(ofPage: page)].map { event(site.event(at: $0)) }),
            ],
            "months": .list(page > 1 ? [] : periods.compactMap { period in
                period.month.map { month in
                    [
                        "name": .string(HumanDate.monthName(month)),
                        "url": .string(TimelinePages.url(year: year, month: month)),
                        "count": .int(period.events.count),
                        "events": .list(period.events.prefix(TimelinePages.monthPreview).map { event(site.event(at: $0)) }),
                        "more": .bool(period.events.count > TimelinePages.monthPreview),
                    ]
                }
            }),
            "pagination": pagination(number: page, total: paging.pageCount) { TimelinePages.url(year: year, page: $0) },
            // Years are newest first, so the previous (earlier) year is the next index.
            "previous": neighbour(index.map { $0 + 1 }),
            "next": neighbour(index.map { $0 - 1 }),
        ])
    }

    /// A timeline month's context: the month's events grouped by day, oldest day first so it reads as a story.
    public func timelineMonth(_ year: Int, _ month: Int, page: Int = 1) -> TemplateValue {
        // Oldest first, so the month reads as a story from its first page on.
        let events = (site.timeline.period(year: year, month: month)?.events ?? []).reversed()
        let paging = Paging(count: events.count, size: site.config.eventPageSize)
        var days: [(date: PartialDate, events: [DatedEvent])] = []
        for position in Array(events)[paging.range(ofPage: page)] {
            let dated = site.event(at: position)
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
        let title = "\(name) \(year)" + (page > 1 ? " — page \(page)" : "")
        return frame(url: TimelinePages.url(year: year, month: month, page: page), title: title, description: "Events of \(name) \(year) in \(site.config.title).", section: .timeline).with([
            "breadcrumbs": breadcrumbs(("Timeline", TimelinePages.url), (String(year), TimelinePages.url(year: year))),
            "year": .int(year),
            "yearURL": .string(TimelinePages.url(year: year)),
            "month": .string(name),
            "days": .list(days.map { day in
                ["date": HumanDate.value(day.date), "events": .list(day.events.map(event))]
            }),
            "pagination": pagination(number: page, total: paging.pageCount) { TimelinePages.url(year: year, month: month, page: $0) },
            "previous": neighbour(index.map { $0 + 1 }),
            "next": neighbour(index.map { $0 - 1 }),
        ])
    }
}
