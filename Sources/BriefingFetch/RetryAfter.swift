import BriefingCore

/// A `Retry-After` header: a number of seconds, or an HTTP date (RFC 9110 §10.2.3).
public enum RetryAfter {
    /// A server asking for more than a week is treated as asking for a week: the source is still tried.
    public static let longest = 7 * 86_400

    /// When to ask again, or nil when the header is neither form.
    public static func parse(_ value: String, now: Timestamp) -> Timestamp? {
        let text = value.trimmingCharacters(in: .whitespaces)
        let wait: Int
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            wait = Int(text.prefix(9)) ?? longest
        } else if let date = HTTPDate.parse(text) {
            wait = date.secondsSinceEpoch - now.secondsSinceEpoch
        } else {
            return nil
        }
        return Timestamp(secondsSinceEpoch: now.secondsSinceEpoch + min(max(wait, 0), longest))
    }
}

/// HTTP dates: the IMF-fixdate servers send (`Sun, 06 Nov 1994 08:49:37 GMT`) and the two obsolete forms
/// RFC 9110 says recipients must still accept.
public enum HTTPDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    public static func parse(_ text: String) -> Timestamp? {
        // Commas and the weekday carry nothing; what is left is day, month, year, time in some order.
        let words = text.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        var day: Int?, month: Int?, year: Int?, time: [Int]?
        for word in words.dropFirst() {
            if word.contains(":") {
                let parts = word.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 3 else { return nil }
                time = parts
            } else if word.contains("-") {
                // RFC 850: 06-Nov-94
                let parts = word.split(separator: "-").map(String.init)
                guard parts.count == 3, let d = Int(parts[0]), let m = months.firstIndex(of: parts[1].lowercased()),
                      let y = Int(parts[2]) else { return nil }
                day = d
                month = m + 1
                year = y < 100 ? (y < 70 ? 2000 + y : 1900 + y) : y
            } else if let m = months.firstIndex(of: word.lowercased().prefix(3).description), word.count <= 9, Int(word) == nil {
                month = m + 1
            } else if let number = Int(word) {
                if number > 31 { year = number } else { day = number }
            } else if word.uppercased() != "GMT" && word.uppercased() != "UTC" {
                return nil
            }
        }
        guard let day, let month, let year, let time else { return nil }
        return Timestamp(year: year, month: month, day: day, hour: time[0], minute: time[1], second: time[2])
    }
}
