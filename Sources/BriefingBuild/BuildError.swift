import BriefingCore
import BriefingRender

/// Why a build stopped; in every case the previous output is left as it was.
public enum BuildError: Error, Sendable, CustomStringConvertible {
    case content(ContentErrors)
    case theme(ThemeError)
    case template(page: String, String)
    case output(path: String, String)

    public var description: String {
        switch self {
        case .content(let errors): errors.description
        case .theme(let error): error.description
        case .template(let page, let message): "rendering \(page): \(message)"
        case .output(let path, let message): "\(path): \(message)"
        }
    }
}
