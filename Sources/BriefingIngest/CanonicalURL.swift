import Foundation

/// The form of a story URL used to recognise the same story from two sources.
enum CanonicalURL {
    /// Lower-cases scheme and host, drops the fragment, tracking parameters and a trailing slash.
    static func normalise(_ text: String) -> String {
        guard var components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)) else { return text }
        components.scheme = components.scheme?.lowercased()
        components.host = components.host?.lowercased()
        components.fragment = nil
        components.queryItems = components.queryItems?.filter { !$0.name.lowercased().hasPrefix("utm_") }
        if components.queryItems?.isEmpty == true { components.queryItems = nil }
        var result = components.string ?? text
        if result.hasSuffix("/") { result.removeLast() }
        return result
    }
}
