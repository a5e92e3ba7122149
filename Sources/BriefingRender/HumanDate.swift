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

    static func human(_ date: PartialDate) -> String {
        switch (date.month, date.day) {
        case (let month?, let day?): "\(day) \(monthName(month)) \(date.year)"
        case (let month?, nil): "\(monthName(month)) \(date.year)"
        default: "\(date.year)"
        }
    }
}
