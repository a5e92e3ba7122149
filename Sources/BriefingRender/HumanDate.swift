import BriefingCore
import BriefingTemplates

/// Dates as readers see them ("9 September 2025"), written out in code so output never depends on the locale.
enum HumanDate {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static func monthName(_ month: Int) -> String { monthNames[(month - 1) % 12] }

    /// `{ iso, datetime, human, short, year }` for a brief's publication time.
    static func value(_ timestamp: Timestamp) -> TemplateValue {
        let c = timestamp.components
        return [
            "iso": .string(timestamp.date.description),
            "datetime": .string(timestamp.description),
            "human": .string("\(c.day) \(monthName(c.month)) \(c.year)"),
            "short": .string("\(c.day) \(monthName(c.month).prefix(3))"),
            "year": .int(c.year),
        ]
    }

    /// `{ iso, human, precision, isDay }` for an event date known to a year, month or day.
    static func value(_ date: PartialDate) -> TemplateValue {
        [
            "iso": .string(date.description),
            "human": .string(human(date)),
            "precision": .string(date.precision.rawValue),
            "isDay": .bool(date.day != nil),
        ]
    }

    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// `{ iso, datetime, human, short, year }` for a publication time as the clock at `offset` reads it: the daily
    /// briefing's day, which may not be the UTC one. `datetime` carries the offset, so it names the same moment.
    static func value(_ timestamp: Timestamp, at offset: UTCOffset) -> TemplateValue {
        let c = offset.components(of: timestamp)
        return [
            "iso": .string(offset.day(of: timestamp).description),
            "datetime": .string(offset.rfc3339(timestamp)),
            "human": .string("\(c.day) \(monthName(c.month)) \(c.year)"),
            "short": .string("\(c.day) \(monthName(c.month).prefix(3))"),
            "year": .int(c.year),
        ]
    }

    /// "18:05" at `offset`.
    static func time(_ timestamp: Timestamp, at offset: UTCOffset) -> String {
        let c = offset.components(of: timestamp)
        return "\(c.hour < 10 ? "0" : "")\(c.hour):\(c.minute < 10 ? "0" : "")\(c.minute)"
    }

    /// "Tuesday" for a day; 1970-01-01 was a Thursday.
    static func weekday(_ date: PartialDate) -> String {
        let days = Timestamp(year: date.year, month: date.month ?? 1, day: date.day ?? 1).map { $0.secondsSinceEpoch / 86_400 } ?? 0
        return weekdayNames[((days + 4) % 7 + 7) % 7]
    }

    static func human(_ date: PartialDate) -> String {
        switch (date.month, date.day) {
        case (let month?, let day?): "\(day) \(monthName(month)) \(date.year)"
        case (let month?, nil): "\(monthName(month)) \(date.year)"
        default: "\(date.year)"
        }
    }
}
