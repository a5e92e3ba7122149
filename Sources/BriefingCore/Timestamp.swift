/// A moment in UTC, to the second: a brief's publication time.
///
/// Calendar arithmetic is done here rather than with Foundation's calendars so output never depends on
/// the machine's time zone or locale.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int

    public init(secondsSinceEpoch: Int) { self.secondsSinceEpoch = secondsSinceEpoch }

    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, offsetSeconds: Int = 0) {
        guard PartialDate(year: year, month: month, day: day) != nil,
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        secondsSinceEpoch = days * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds
    }

    /// Parses RFC 3339 and its everyday relatives: `2025-09-09`, `2025-09-09T10:00`, `2025-09-09 10:00:00+08:00`.
    /// A time without a zone is taken as UTC.
    public init?(iso text: String) {
        let text = text.trimmingCharacters(in: " ")
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        var index = 10
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "t"),
                  let h = number(11..<13), bytes.count > 13, bytes[13] == UInt8(ascii: ":"), let m = number(14..<16) else { return nil }
            hour = h
            minute = m
            index = 16
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                guard let s = number(17..<19) else { return nil }
                second = s
                index = 19
                if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                    index += 1
                    while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
                }
            }
            if index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                    index += 1
                case UInt8(ascii: "+"), UInt8(ascii: "-"):
                    let sign = bytes[index] == UInt8(ascii: "+") ? 1 : -1
                    guard let oh = number(index + 1..<index + 3) else { return nil }
                    var om = 0
                    var end = index + 3
                    if end < bytes.count, bytes[end] == UInt8(ascii: ":") { end += 1 }
                    if end < bytes.count {
                        guard let minutes = number(end..<end + 2) else { return nil }
                        om = minutes
                        end += 2
                    }
                    offset = sign * (oh * 3_600 + om * 60)
                    index = end
                default:
                    return nil
                }
            }
            guard index == bytes.count else { return nil }
        }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetSeconds: offset)
    }

    /// The UTC calendar fields of this moment.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let days = Int((Double(secondsSinceEpoch) / 86_400).rounded(.down))
        let secondsOfDay = secondsSinceEpoch - days * 86_400
        let (year, month, day) = Timestamp.civilFromDays(days)
        return (year, month, day, secondsOfDay / 3_600, secondsOfDay % 3_600 / 60, secondsOfDay % 60)
    }

    /// The day this moment falls on, in UTC.
    public var date: PartialDate {
        let c = components
        return PartialDate(year: c.year, month: c.month, day: c.day) ?? PartialDate(year: 1970)!
    }

    /// RFC 3339 in UTC: `2025-09-09T10:00:00Z`.
    public var description: String {
        let c = components
        return "\(String(format4: c.year))-\(String(format2: c.month))-\(String(format2: c.day))T"
            + "\(String(format2: c.hour)):\(String(format2: c.minute)):\(String(format2: c.second))Z"
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    // Howard Hinnant's days-from-civil algorithms: exact for the proleptic Gregorian calendar.
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension String {
    fileprivate func trimmingCharacters(in character: Character) -> String {
        var result = Substring(self)
        while result.first == character { result = result.dropFirst() }
        while result.last == character { result = result.dropLast() }
        return String(result)
    }
}
