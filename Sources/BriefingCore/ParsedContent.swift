/// Content files already parsed in an earlier build, by path relative to the site, which a load may reuse.
///
/// The caller vouches that each file is unchanged since it was parsed (the build compares content hashes);
/// reusing them skips YAML, which is most of the work of loading a large site.
public struct ParsedContent: Sendable, Equatable {
    public var briefs: [String: Brief] = [:]
    public var topics: [String: Topic] = [:]
    public var companies: [String: Company] = [:]
    public var stories: [String: Story] = [:]

    public init() {}

    /// All but the given files.
    public func removing(_ paths: [String]) -> ParsedContent {
        var kept = self
        for path in paths {
            kept.briefs[path] = nil
            kept.topics[path] = nil
            kept.companies[path] = nil
            kept.stories[path] = nil
        }
        return kept
    }

    public var count: Int { briefs.count + topics.count + companies.count + stories.count }

    public func contains(_ path: String) -> Bool { briefs[path] != nil || topics[path] != nil || companies[path] != nil || stories[path] != nil }
}
