import BriefingCore

/// Dates as feeds write them: RFC 822/1123/2822 (`Tue, 09 Sep 2025 10:00:00 +0000`) and RFC 3339; no zone means UTC.
public enum FeedDate {
    /// The moment `text` names, or nil when it is not a date in a format feeds use.
    public static func parse(_ text: String) -> Timestamp? {
        let text = FeedText.collapsed(text)
        guard !text.isEmpty else { return nil }
        if let first = text.unicodeScalars.first, ("0"..."9").contains(first), text.count >= 10,
           text.unicodeScalars.dropFirst(4).first == "-" {
            return rfc3339(text)
        }
        return w3cPartialDate(text) ?? rfc822(text)
    }

    /// W3C-DTF's reduced precision (`2003`, `2003-12`) and ISO 8601's basic form (`20031231`, `20031231T101455Z`):
    /// a date known to the year or month is taken at its first day, as feed readers do.
    private static func w3cPartialDate(_ text: String) -> Timestamp? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, bytes[range].allSatisfy({ (48...57).contains($0) }) else { return nil }
            return bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        switch bytes.count {
        case 4:
            return number(0..<4).flatMap { Timestamp(year: $0, month: 1, day: 1) }
        case 7 where bytes[4] == UInt8(ascii: "-"):
            guard let year = number(0..<4), let month = number(5..<7) else { return nil }
            return Timestamp(year: year, month: month, day: 1)
        case 8:
            guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8) else { return nil }
            return Timestamp(year: year, month: month, day: day)
        default:
            // 20031231T101455Z: rewritten with separators for the extended-form reader.
            guard bytes.count >= 15, bytes[8] == UInt8(ascii: "T"), let date = number(0..<8), let time = number(9..<15) else { return nil }
            let extended = "\(date / 10_000)-\(twoDigits(date / 100 % 100))-\(twoDigits(date % 100))T"
                + "\(twoDigits(time / 10_000)):\(twoDigits(time / 100 % 100)):\(twoDigits(time % 100))"
                + String(text.dropFirst(15))
            return Timestamp(iso: extended)
        }
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// RFC 3339 and its everyday relatives; also a space or a named zone after the time (`… 10:00:00 GMT`).
    private static func rfc3339(_ text: String) -> Timestamp? {
        if let timestamp = Timestamp(iso: text) { return timestamp }
        guard let space = text.lastIndex(of: " "), text[..<space].contains(":") else { return nil }
        let zone = String(text[text.index(after: space)...])
        if let offset = zoneOffset(zone), let local = Timestamp(iso: String(text[..<space])) {
            return Timestamp(secondsSinceEpoch: local.secondsSinceEpoch - offset)
        }
        return nil
    }

    /// `[Weekday,] DD Mon YYYY HH:MM[:SS] [zone]`, tolerant of the variations real feeds have: full day and month
    /// names, month before day, two-digit years, `09-Sep-2025`, AM/PM, `+05:30`, a comment like `(UTC)`.
    private static func rfc822(_ text: String) -> Timestamp? {
        var cleaned = ""
        var depth = 0
        for character in text {
            switch character {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case "," where depth == 0: cleaned.append(" ")
            default: if depth == 0 { cleaned.append(character) }
            }
        }
        var tokens: [Substring] = []
        for token in cleaned.split(separator: " ") {
            if token.contains("-"), token.contains(where: \.isLetter), token.first?.isNumber == true {
                tokens += token.split(separator: "-")
            } else {
                tokens.append(token)
            }
        }
        var day: Int?, month: Int?, year: Int?
        var time: (hour: Int, minute: Int, second: Int)?
        var offset: Int?
        var afternoon: Bool?
        for token in tokens {
            if time == nil, token.contains(":") {
                guard let (clock, zone) = splitTimeAndZone(token), let parsed = clockTime(clock) else { return nil }
                time = parsed
                if let zone {
                    guard let value = zoneOffset(zone) else { return nil }
                    offset = value
                }
            } else if let number = Int(token), token.allSatisfy(\.isNumber) {
                if day == nil, token.count <= 2, month != nil || year == nil, number >= 1 {
                    day = number
                } else if year == nil {
                    year = fullYear(number, digits: token.count)
                } else {
                    return nil
                }
            } else if month == nil, let value = monthNumber(token) {
                month = value
            } else if time != nil, let meridiem = meridiem(token) {
                afternoon = meridiem
            } else if time != nil || (year != nil && token.count > 2), offset == nil, let value = zoneOffset(String(token)) {
                offset = value
            } else if day == nil, month == nil, isWeekday(token) {
                continue
            } else if time != nil, token.allSatisfy(\.isLetter) {
                offset = 0  // an unknown zone name: RFC 2822 says to read it as UTC
            } else {
                return nil
            }
        }
        guard let day, let month, let year else { return nil }
        var (hour, minute, second) = time ?? (0, 0, 0)
        if let afternoon {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (afternoon ? 12 : 0)
        }
        return Timestamp(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                         offsetSeconds: offset ?? 0)
    }

    private static func splitTimeAndZone(_ token: Substring) -> (Substring, String?)? {
        if let sign = token.firstIndex(where: { $0 == "+" || $0 == "-" }) {
            return (token[..<sign], String(token[sign...]))
        }
        if let last = token.last, last == "Z" || last == "z" { return (token.dropLast(), "Z") }
        return (token, nil)
    }

    private static func clockTime(_ text: Substring) -> (hour: Int, minute: Int, second: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), let hour = Int(parts[0]), let minute = Int(parts[1]),
              parts[0].count <= 2, parts[1].count == 2 else { return nil }
        var second = 0
        if parts.count == 3 {
            // Fractions of a second are dropped: Timestamp counts whole seconds.
            let whole = parts[2].prefix { $0.isNumber }
            guard whole.count == 2, let value = Int(whole) else { return nil }
            second = value
        }
        return (hour, minute, second)
    }

    /// RFC 2822: two-digit years 00–49 are 2000–2049, 50–99 are 1950–1999; three-digit years add 1900.
    private static func fullYear(_ number: Int, digits: Int) -> Int? {
        switch digits {
        case 1...2: number < 50 ? 2000 + number : 1900 + number
        case 3: 1900 + number
        case 4: number
        default: nil
        }
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// `Sep`, `Sept`, `September` (any case).
    private static func monthNumber(_ token: Substring) -> Int? {
        let name = token.lowercased().trimmingSuffix(".")
        guard name.count >= 3, let index = months.firstIndex(of: String(name.prefix(3))) else { return nil }
        let fullNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december"]
        return fullNames[index].hasPrefix(name) ? index + 1 : nil
    }

    private static func isWeekday(_ token: Substring) -> Bool {
        let name = token.lowercased().trimmingSuffix(".")
        return name.count >= 3 && name.allSatisfy(\.isLetter) && weekdays.contains(String(name.prefix(3)))
    }

    private static func meridiem(_ token: Substring) -> Bool? {
        switch token.lowercased() {
        case "am", "a.m.": false
        case "pm", "p.m.": true
        default: nil
        }
    }

    /// Named zones of RFC 822 and the common ones feeds use, in hours east of UTC.
    private static let namedZones: [String: Double] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 1, "cet": 1, "met": 1, "cest": 2, "mest": 2, "eet": 2,
        "eest": 3, "msk": 3, "ist": 5.5, "wib": 7, "ict": 7, "hkt": 8, "sgt": 8, "awst": 8, "pht": 8,
        "jst": 9, "kst": 9, "acst": 9.5, "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13,
        "edt": -4, "est": -5, "cdt": -5, "cst": -6, "mdt": -6, "mst": -7, "pdt": -7, "pst": -8,
        "akdt": -8, "akst": -9, "hst": -10, "adt": -3, "ast": -4, "ndt": -2.5, "nst": -3.5,
        // US zones as newsrooms abbreviate them, without standard or daylight time (feedparser reads them so).
        "at": -4, "et": -5, "ct": -6, "mt": -7, "pt": -8,
        // Military zones, as RFC 1123 corrected RFC 822's reversed signs: A–I and K–M west, N–Y east.
        "a": -1, "b": -2, "c": -3, "d": -4, "e": -5, "f": -6, "g": -7, "h": -8, "i": -9, "k": -10, "l": -11, "m": -12,
        "n": 1, "o": 2, "p": 3, "q": 4, "r": 5, "s": 6, "t": 7, "u": 8, "v": 9, "w": 10, "x": 11, "y": 12,
    ]

    /// Seconds east of UTC: `+0000`, `-05:00`, `+08`, `GMT`, `EST`, `Z`, `GMT+8`.
    private static func zoneOffset(_ zone: String) -> Int? {
        var text = zone.lowercased()
        if let hours = namedZones[text] { return Int(hours * 3_600) }
        // tz database names for UTC and fixed offsets; `Etc/GMT+5` is five hours *west*, POSIX-style.
        if text.hasPrefix("etc/") {
            let name = text.dropFirst(4)
            if ["gmt", "utc", "uct", "ut", "zulu", "universal", "greenwich", "gmt0", "gmt+0", "gmt-0"].contains(name) { return 0 }
            guard name.hasPrefix("gmt"), let sign = name.dropFirst(3).first, sign == "+" || sign == "-",
                  let hours = Int(name.dropFirst(4)), name.dropFirst(4).allSatisfy(\.isNumber), hours <= 14 else { return nil }
            return (sign == "+" ? -1 : 1) * hours * 3_600
        }
        for prefix in ["gmt", "utc", "ut"] where text.hasPrefix(prefix) && text.count > prefix.count {
            text.removeFirst(prefix.count)
            break
        }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard digits.allSatisfy(\.isNumber), [1, 2, 4].contains(digits.count) else { return nil }
        let hours = Int(digits.prefix(digits.count == 4 ? 2 : digits.count)) ?? 0
        let minutes = digits.count == 4 ? Int(digits.suffix(2)) ?? 0 : 0
        guard hours <= 14, minutes < 60 else { return nil }
        return (sign == "+" ? 1 : -1) * (hours * 3_600 + minutes * 60)
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: Character) -> Substring {
        last == suffix ? dropLast() : Substring(self)
    }
}
