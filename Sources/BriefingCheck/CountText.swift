/// Counts as people read them in reports and progress lines: `16,000`, `1 error`, `3 warnings`.
public enum CountText {
    /// Digits in groups of three, whatever the machine's locale: output must not depend on it.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// `1 error`, `2 errors`: the count and the noun, singular or plural.
    public static func of(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(grouped(value)) \(value == 1 ? singular : plural ?? singular + "s")"
    }
}
