/// A short digest of each top-level part of a page's context (`brief`, `related`, `template`…), so `--explain`
/// can name what changed.
///
/// Kept as one `key=digest key=digest` string: every build loads and saves one per page, and only
/// `--explain` ever looks inside.
struct ContextDigests: Sendable, Equatable {
    let text: String

    init(text: String) { self.text = text }

    init(_ digests: [String: String]) {
        text = digests.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }.joined(separator: " ")
    }

    var digests: [String: String] {
        var digests: [String: String] = [:]
        for pair in text.split(separator: " ") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            digests[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return digests
    }

    /// Names the parts whose digests differ: `changed: brief, related`.
    func changes(to new: ContextDigests) -> String {
        let (old, new) = (digests, new.digests)
        let names = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
        return names.isEmpty ? "changed" : "changed: " + names.joined(separator: ", ")
    }
}
