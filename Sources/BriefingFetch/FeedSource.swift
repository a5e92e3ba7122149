import BriefingCore
import Foundation

/// A feed the site follows: one `sources:` entry of `briefing.yml`, as the configuration read it.
public typealias FeedSource = SiteConfig.Source

extension FeedSource {
    /// What output calls it: its name, else its URL.
    public var label: String { name ?? url }

    /// The host, lower-cased; nil only for a URL the configuration would have refused.
    public var host: String? { URL(string: url)?.host?.lowercased() }
}
