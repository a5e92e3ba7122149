import BriefingCore

/// Every rule `briefing check` applies, by the stable name reports and `--format json` use.
///
/// Errors stop the build or break the output; warnings are things that build but look wrong. `check`
/// fails on both: an editor asked for the site to be checked, and a warning left alone becomes noise.
public enum CheckRule: String, Sendable, CaseIterable, Codable {
    // Found by the loader: the build would refuse the site.
    case config
    case file
    case frontMatter = "front-matter"
    case duplicateSlug = "duplicate-slug"
    case duplicateID = "duplicate-id"
    case unknownTopic = "unknown-topic"
    case unknownCompany = "unknown-company"
    // Content that builds but looks unfinished or mistaken.
    case futureDate = "future-date"
    case emptyBody = "empty-body"
    case missingSummary = "missing-summary"
    case unknownField = "unknown-field"
    // The built site.
    case build
    case brokenLink = "broken-link"
    case brokenAnchor = "broken-anchor"
    case externalLink = "external-link"

    public var severity: CheckSeverity {
        switch self {
        case .futureDate, .emptyBody, .missingSummary, .unknownField, .externalLink: .warning
        default: .error
        }
    }

    /// The rule a loader problem falls under; problems with a name this version does not know are front matter.
    public init(loaderRule: String) {
        self = CheckRule(rawValue: loaderRule) ?? .frontMatter
    }
}

/// How bad a problem is; both make `briefing check` exit non-zero.
public enum CheckSeverity: String, Sendable, Codable, Comparable {
    case error, warning

    public static func < (lhs: CheckSeverity, rhs: CheckSeverity) -> Bool { lhs == .error && rhs == .warning }
}
