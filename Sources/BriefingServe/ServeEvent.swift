import BriefingBuild
import Foundation

/// What the preview server has to tell the person at the terminal.
public enum ServeEvent: Sendable {
    /// A build worked; `changed` names the inputs that caused it (empty for the first build).
    case built(BuildReport, changed: [String])
    /// A build failed and the browser shows its error; the server goes on and the last good output stays.
    case failed(BuildError, changed: [String])
    /// The server answers at this URL.
    case listening(URL)
    /// Another build of the site (a `briefing build`) holds the lock.
    case waitingForLock
}

/// Why the preview server could not start.
public enum ServeError: Error, Sendable, CustomStringConvertible {
    case badHost(String)
    case cannotListen(address: String, reason: String)

    public var description: String {
        switch self {
        case .badHost(let host): "`\(host)` is not an IP address to listen on; use 127.0.0.1 (the default), ::1 or 0.0.0.0"
        case .cannotListen(let address, let reason): "cannot listen on \(address): \(reason); is another server using the port? Try --port 0 for a free one"
        }
    }
}
