/// "Did you mean …?": the known name closest to a misspelt one, for fixes in error messages.
public enum NameSuggestion {
    /// The candidate with the smallest edit distance to `name`, when it is close enough to be a typo
    /// (about one edit in three characters); ties go to the alphabetically first.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let typed = Array(name.lowercased().unicodeScalars)
        let limit = max(1, typed.count / 3)
        var best: (distance: Int, name: String)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(typed, Array(candidate.lowercased().unicodeScalars), limit: limit)
            guard distance <= limit else { continue }
            if best.map({ (distance, candidate) < ($0.distance, $0.name) }) ?? true { best = (distance, candidate) }
        }
        return best?.name
    }

    /// A fix that names the closest known name, or lists some known names when none is close.
    public static func fix(for name: String, among candidates: [String], otherwise: String) -> String {
        if let match = closest(to: name, among: candidates) { return "did you mean `\(match)`? Otherwise \(otherwise)" }
        let known = candidates.sorted()
        guard !known.isEmpty else { return otherwise }
        let listed = known.prefix(12).joined(separator: ", ") + (known.count > 12 ? ", …" : "")
        return "\(otherwise) (known: \(listed))"
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once every path exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
