/// A site folder read as far as it could be: the files that loaded, and a located problem for each that did not.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var briefs: [Brief]
    public var topics: [Topic]
    public var companies: [Company]
    public var stories: [Story]
    /// Empty when the site loads cleanly; `SiteLoader.load` throws these.
    public var problems: [ContentProblem]

    public init(config: SiteConfig, briefs: [Brief], topics: [Topic], companies: [Company], stories: [Story] = [], problems: [ContentProblem]) {
        self.config = config
        self.briefs = briefs
        self.topics = topics
        self.companies = companies
        self.stories = stories
        self.problems = problems
    }
}
