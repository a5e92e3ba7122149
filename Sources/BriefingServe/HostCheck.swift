/// Answers only requests addressed to this machine by name or loopback address while the server listens
/// on loopback.
///
/// A page on another site can point its own domain at 127.0.0.1 (DNS rebinding) and then read the
/// preview as its own origin; its requests still carry that domain in `Host`, which is how they are told
/// apart. Listening on another address is a choice to be reached by other names, so nothing is checked then.
struct HostCheck: Sendable, Equatable {
    let enforced: Bool

    init(listeningOn host: String) {
        enforced = host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    func allows(_ header: String?) -> Bool {
        guard enforced, let header else { return true }
        let name: Substring
        if header.hasPrefix("[") {
            guard let close = header.firstIndex(of: "]") else { return false }
            name = header[header.index(after: header.startIndex)..<close]
        } else {
            name = header.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        }
        let lowered = name.lowercased()
        return lowered == "localhost" || lowered == "::1" || Self.isLoopbackIP4(lowered)
    }

    private static func isLoopbackIP4(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
