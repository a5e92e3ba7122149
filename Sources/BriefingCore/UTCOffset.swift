/// The fixed offset from UTC that `briefing.yml`'s `timezone` names: the zone the daily briefing's days follow.
///
/// Only fixed offsets, never the machine's zone database, so a site builds the same days everywhere. Besides
/// `UTC` and `±HH:MM`, a few names of zones without daylight saving are accepted (`names`); a zone with
/// daylight saving has no single offset and must be written as one.
public struct UTCOffset: Hashable, Sendable, CustomStringConvertible {
    /// Seconds east of UTC: `+08:00` is 28 800.
    public let seconds: Int

    public static let utc = UTCOffset(uncheckedSeconds: 0)

    /// Zone names accepted for their fixed offset. Each has kept one offset, without daylight saving, for
    /// decades; older dates are still read with today's offset.
    public static let names: [String: Int] = [
        "UTC": 0, "Etc/UTC": 0, "GMT": 0, "Z": 0,
        "Asia/Shanghai": 8 * 3600, "Asia/Hong_Kong": 8 * 3600, "Asia/Taipei": 8 * 3600, "Asia/Singapore": 8 * 3600,
        "Asia/Tokyo": 9 * 3600, "Asia/Seoul": 9 * 3600, "Asia/Kolkata": 5 * 3600 + 1800,
    ]

    private init(uncheckedSeconds: Int) { seconds = uncheckedSeconds }

    /// An offset from -12:00 to +14:00 in whole minutes.
    public init?(seconds: Int) {
        guard (-12 * 3600...14 * 3600).contains(seconds), seconds % 60 == 0 else { return nil }
        self.seconds = seconds
    }

    /// Reads `UTC`, `+08:00`, `-0500`, `+08`, `UTC+08:00` or one of `names`; nil for anything else.
    public init?(parsing text: String) {
        var text = Substring(text)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        if let named = UTCOffset.names[String(text)] {
            self.init(uncheckedSeconds: named)
            return
        }
        if text.hasPrefix("UTC") || text.hasPrefix("GMT") { text = text.dropFirst(3) }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard text.dropFirst().filter({ $0 == ":" }).count <= 1, digits.count == 2 || digits.count == 4,
              digits.allSatisfy({ $0.isASCII && $0.isNumber }), let hours = Int(digits.prefix(2)),
              let minutes = digits.count == 4 ? Int(digits.suffix(2)) : 0, minutes < 60 else { return nil }
        // `+8:00` and `+08:0` are typos, not offsets: the colon, when present, sits after two digits.
        if let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) != 3 { return nil }
        self.init(seconds: (sign == "+" ? 1 : -1) * (hours * 3600 + minutes * 60))
    }

    /// `UTC` or `+08:00`, as RFC 3339 writes an offset.
    public var description: String {
        if seconds == 0 { return "UTC" }
        return suffix
    }

    /// `Z` or `+08:00`, for the end of an RFC 3339 time.
    public var suffix: String {
        if seconds == 0 { return "Z" }
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + String(format2: minutes / 60) + ":" + String(format2: minutes % 60)
    }

    /// The local wall-clock fields of `moment` at this offset.
    public func components(of moment: Timestamp) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        Timestamp(secondsSinceEpoch: moment.secondsSinceEpoch + seconds).components
    }

    /// The day `moment` falls on at this offset.
    public func day(of moment: Timestamp) -> PartialDate {
        Timestamp(secondsSinceEpoch: moment.secondsSinceEpoch + seconds).date
    }

    /// RFC 3339 with this offset: `2025-09-09T18:00:00+08:00`.
    public func rfc3339(_ moment: Timestamp) -> String {
        let c = components(of: moment)
        return "\(String(format4: c.year))-\(String(format2: c.month))-\(String(format2: c.day))T"
            + "\(String(format2: c.hour)):\(String(format2: c.minute)):\(String(format2: c.second))\(suffix)"
    }
}
