import Foundation

extension Timestamp {
    /// The current moment from the system clock; commands take it as a parameter so tests can fix it.
    public static func now() -> Timestamp {
        Timestamp(secondsSinceEpoch: Int(Date().timeIntervalSince1970.rounded(.down)))
    }
}
