import BriefingCore

/// Every source's `SourceState`, keyed by the URL `briefing.yml` gives it.
public struct FetchState: Sendable, Equatable {
    public var sources: [String: SourceState]

    public init(sources: [String: SourceState] = [:]) {
        self.sources = sources
    }

    public subscript(url: String) -> SourceState {
        get { sources[url] ?? SourceState() }
        set { sources[url] = newValue.isEmpty ? nil : newValue }
    }

    /// The state for each configured source, and nothing else: an entry whose URL was changed in
    /// `briefing.yml` to where its permanent redirect pointed carries over to the new URL.
    public func keeping(only urls: [String]) -> FetchState {
        var kept = FetchState()
        for url in urls {
            if let state = sources[url] {
                kept[url] = state
            } else if let (_, moved) = sources.sorted(by: { $0.key < $1.key }).first(where: { $0.value.movedTo == url }) {
                var state = moved
                state.movedTo = nil
                kept[url] = state
            }
        }
        return kept
    }
}
