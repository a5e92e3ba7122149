import BriefingCore

/// What a check compares against and how far it goes.
public struct CheckOptions: Sendable {
    /// "Now" for the future-date rule; the command passes the clock, tests a fixed moment.
    public var now: Timestamp
    /// A brief may be dated up to this many days ahead (time zones, embargoes) before it is reported.
    public var futureToleranceDays: Int
    /// Fetch external links instead of only listing them.
    public var fetchExternalLinks: Bool

    public init(now: Timestamp = .now(), futureToleranceDays: Int = 1, fetchExternalLinks: Bool = false) {
        self.now = now
        self.futureToleranceDays = futureToleranceDays
        self.fetchExternalLinks = fetchExternalLinks
    }
}
