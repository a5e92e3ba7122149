import Foundation

/// Which redirects `briefing fetch` follows: at most five, never in a circle, only to http(s), and never to
/// another host that resolves to an internal address unless the site trusts that host.
public struct RedirectPolicy: Sendable {
    public static let maximumHops = 5

    /// Hosts that may resolve anywhere: every configured source's host and `fetch.allowHosts`.
    public var trustedHosts: Set<String>

    public init(trustedHosts: Set<String>) {
        self.trustedHosts = Set(trustedHosts.map { $0.lowercased() })
    }

    /// 301 and 308 are permanent (remember them, tell the editor); 302, 303 and 307 are not.
    public static func isPermanent(_ status: Int) -> Bool { status == 301 || status == 308 }
    public static func isRedirect(_ status: Int) -> Bool { [301, 302, 303, 307, 308].contains(status) }

    /// The next URL, or the reason not to go there. `visited` holds the URLs already requested in this chain.
    public func check(_ location: String, from current: URL, visited: [URL]) throws(FetchFailure) -> URL {
        guard let target = URL(string: location, relativeTo: current)?.absoluteURL else {
            throw .badRedirect("the server redirected to `\(location.prefix(200))`, which is not a URL")
        }
        guard let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = target.host?.lowercased(),
              !host.isEmpty else {
            throw .badRedirect("the server redirected to `\(target.absoluteString.prefix(200))`: only http and https are fetched")
        }
        guard visited.count <= RedirectPolicy.maximumHops else {
            throw .badRedirect("more than \(RedirectPolicy.maximumHops) redirects (last to \(target.absoluteString))")
        }
        guard !visited.contains(where: { $0.absoluteString == target.absoluteString }) else {
            throw .badRedirect("the redirects go round in a circle (back to \(target.absoluteString))")
        }
        if host != current.host?.lowercased() && !trustedHosts.contains(host) {
            if let address = AddressCheck.resolve(host).first(where: AddressCheck.isInternal) {
                throw .refusedRedirect(host: host, address: AddressCheck.text(address))
            }
        }
        return target
    }
}
