import BriefingTemplates
import Foundation

/// The templates and assets pages are rendered with: the default theme, overlaid by the site's own `templates/`.
public struct Theme: Sendable {
    public let templates: TemplateLibrary
    /// Template text by name, so the build can fingerprint exactly the templates a page uses.
    public let sources: [String: String]
    /// Files under `assets/`, by path relative to it, copied to `public/assets/`.
    public let assets: [String: [UInt8]]

    /// Loads the default theme, then replaces any of its files that the site's `templates/` folder also has.
    public static func load(siteTemplates directory: URL?) throws(ThemeError) -> Theme {
        var files = DefaultTheme.files.mapValues { (text: $0, path: "default theme") }
        if let directory, FileManager.default.fileExists(atPath: directory.path) {
            for relative in (FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? []).sorted() {
                let url = directory.appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                      !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
                    throw ThemeError(
                        message: "cannot read the template as UTF-8 text", file: "templates/" + relative,
                        fix: "check its permissions and save it as UTF-8")
                }
                files[relative] = (text, "templates/" + relative)
            }
        }
        return try Theme(files: files)
    }

    init(files: [String: (text: String, path: String)]) throws(ThemeError) {
        var sources: [String: String] = [:]
        var paths: [String: String] = [:]
        var assets: [String: [UInt8]] = [:]
        for (relative, file) in files.sorted(by: { $0.key < $1.key }) {
            if relative.hasPrefix("assets/") {
                assets[String(relative.dropFirst("assets/".count))] = Array(file.text.utf8)
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            // Partials are named by file name alone: `partials/brief-card.mustache` is `{{> brief-card}}`.
            let name = String(relative.dropFirst(relative.hasPrefix("partials/") ? "partials/".count : 0).dropLast(".mustache".count))
            if let other = paths[name] {
                throw ThemeError(
                    message: "\(file.path) and \(other) both define the template `\(name)`", file: file.path,
                    fix: "rename one of them: partials are named by file name alone")
            }
            sources[name] = file.text
            paths[name] = file.path
        }
        do {
            templates = try TemplateLibrary(sources: sources, paths: paths)
        } catch {
            throw ThemeError(message: error.message, file: error.path, templateErrors: error.allErrors)
        }
        self.assets = assets
        self.sources = sources
    }
}

/// A theme that cannot be used: unreadable files or template syntax errors (with file, line and column).
public struct ThemeError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The template file at fault, when there is one.
    public var file: String?
    public var fix: String?
    /// Every template syntax error found, each located in its file; empty for other problems.
    public var templateErrors: [TemplateError]

    public init(message: String, file: String? = nil, fix: String? = nil, templateErrors: [TemplateError] = []) {
        self.message = message
        self.file = file
        self.fix = fix
        self.templateErrors = templateErrors
    }

    public var description: String {
        if !templateErrors.isEmpty { return templateErrors.map(\.description).joined(separator: "\n") }
        let located = file.map { "\($0): \(message)" } ?? message
        return fix.map { "\(located) — \($0)" } ?? located
    }
}
