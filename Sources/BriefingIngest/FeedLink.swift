import Foundation

/// Resolving feed links to absolute URLs, and refusing the schemes that run code (`javascript:`, `data:`, …).
enum FeedLink {
    /// Only these schemes survive: anything else (javascript, vbscript, data, file, …) could run code or read files.
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "ftp"]

    /// `reference` made absolute against `base`; nil when it is empty, cannot be made absolute,
    /// or uses a scheme outside `allowedSchemes`.
    static func resolve(_ reference: String?, against base: String?) -> String? {
        guard let reference = cleaned(reference) else { return nil }
        if let scheme = scheme(of: reference) {
            guard allowedSchemes.contains(scheme) else { return nil }
            // Most links need no normalising; Foundation's parser is only asked about the others.
            return isPlain(reference) ? reference : URL(string: reference)?.absoluteString ?? reference
        }
        guard let base = cleaned(base), let baseScheme = scheme(of: base), allowedSchemes.contains(baseScheme),
              let baseURL = URL(string: base),
              let resolved = URL(string: reference, relativeTo: baseURL)?.absoluteString,
              let resolvedScheme = scheme(of: resolved), allowedSchemes.contains(resolvedScheme) else { return nil }
        return resolved
    }

    /// The scheme, lowercased, when the reference has one (`javascript` in `JavaScript:alert(1)`).
    static func scheme(of reference: String) -> String? {
        var scheme = ""
        for scalar in reference.unicodeScalars {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let isSchemeCharacter = isLetter || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
            guard isSchemeCharacter, !(scheme.isEmpty && !isLetter) else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Printable ASCII without spaces, quotes, angle brackets, backslashes or braces.
    private static func isPlain(_ reference: String) -> Bool {
        reference.utf8.allSatisfy { byte in
            switch byte {
            case 0x21...0x7E: !"\"<>\\`^{}|".utf8.contains(byte)
            default: false
            }
        }
    }

    /// What a browser would see: tabs and newlines anywhere are ignored (so `java\tscript:` is `javascript:`),
    /// and leading or trailing spaces and control characters are stripped.
    private static func cleaned(_ reference: String?) -> String? {
        guard let reference else { return nil }
        var scalars = String.UnicodeScalarView(reference.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        return scalars.isEmpty ? nil : String(scalars)
    }
}
