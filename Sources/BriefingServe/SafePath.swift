import Foundation

/// A request path that cannot leave the served folder: percent-decoded once, split into segments, with
/// no `.` or `..` segment, no hidden name, and no backslash, NUL or other control character.
///
/// Every check runs on the raw request target, not on a path a URL parser has already normalised: a
/// parser that resolves `..` or decodes `%2f` before we look would hide exactly what must be refused.
struct SafePath: Sendable, Equatable {
    /// Decoded, non-empty segments: `/topics/ai-chips/` is `["topics", "ai-chips"]`.
    let segments: [String]
    /// Whether the request ended with `/` (or was `/`): a folder was asked for.
    let asksForFolder: Bool

    init(target: String) throws(UnsafePath) {
        let raw = Array(target.utf8)
        guard raw.first == UInt8(ascii: "/") else { throw .notAbsolute(target) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            var byte = raw[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < raw.count, let high = Self.hexValue(raw[index + 1]), let low = Self.hexValue(raw[index + 2]) else {
                    throw .malformedEscape(target)
                }
                byte = high << 4 | low
                index += 2
            }
            if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") { throw .forbiddenByte(byte, in: target) }
            decoded.append(byte)
            index += 1
        }
        guard let path = String(validating: decoded, as: UTF8.self) else { throw .notUTF8(target) }
        var segments: [String] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." || segment == ".." { throw .dotSegment(target) }
            if segment.hasPrefix(".") { throw .hidden(target) }
            segments.append(String(segment))
        }
        self.segments = segments
        self.asksForFolder = path.hasSuffix("/")
    }

    /// The path relative to the served folder (`topics/ai-chips`), empty for the root.
    var relativePath: String { segments.joined(separator: "/") }

    /// The folder's canonical URL path with its trailing slash, percent-encoded, for a redirect: built
    /// from the checked segments, so `//evil.example` cannot come back as a `Location`.
    var folderURLPath: String {
        "/" + segments.map { $0.addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? $0 }.joined(separator: "/") + (segments.isEmpty ? "" : "/")
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static let segmentCharacters: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove("/")
        return allowed
    }()
}

/// Why a request path was refused; each case carries the raw path as the client sent it.
enum UnsafePath: Error, Sendable, Equatable, CustomStringConvertible {
    case notAbsolute(String)
    case malformedEscape(String)
    case forbiddenByte(UInt8, in: String)
    case notUTF8(String)
    case dotSegment(String)
    case hidden(String)
    /// The path names a link or file whose real location is outside the served folder.
    case outsideRoot(String)

    var description: String {
        switch self {
        case .notAbsolute(let path): "`\(path)` does not start with /"
        case .malformedEscape(let path): "`\(path)` has a % not followed by two hex digits"
        case .forbiddenByte(let byte, let path): "`\(path)` holds the forbidden byte 0x\(String(byte, radix: 16))"
        case .notUTF8(let path): "`\(path)` does not decode to UTF-8"
        case .dotSegment(let path): "`\(path)` has a . or .. segment"
        case .hidden(let path): "`\(path)` names a hidden file"
        case .outsideRoot(let path): "`\(path)` leads outside the served folder"
        }
    }
}
