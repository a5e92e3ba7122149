import BriefingCore
import BriefingIngest

/// The limits every request of a fetch run keeps to.
public struct FetchOptions: Sendable {
    /// `Briefing/<version> (…)`: the servers' logs say who asked.
    public var userAgent: String
    public var connectTimeout: Duration = .seconds(10)
    /// The whole request, body included; a trickling server is cut off at this point.
    public var timeout: Duration = .seconds(60)
    /// The largest body read, after decompression: ingest's own limit.
    public var maximumBytes = SourceInput.maximumByteCount
    /// Requests in flight at once, over all hosts, and to any one host.
    public var concurrency = 8
    public var perHost = 2
    /// Hosts a redirect may lead to whatever they resolve to (`fetch.allowHosts`).
    public var allowHosts: [String] = []

    public init(version: String) {
        userAgent = "Briefing/\(version) (briefing portal generator; feed fetcher)"
    }

    /// The options `briefing.yml`'s `fetch:` section sets.
    public init(version: String, settings: SiteConfig.FetchSettings) {
        self.init(version: version)
        connectTimeout = .seconds(settings.connectTimeout)
        timeout = .seconds(settings.timeout)
        concurrency = settings.concurrency
        allowHosts = settings.allowHosts
    }
}
