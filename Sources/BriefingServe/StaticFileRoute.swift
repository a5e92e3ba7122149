import FlyingFox
import Foundation

/// Answers GET and HEAD from the output folder like a static host would: `index.html` for a folder, a
/// redirect that adds a folder's missing slash, the site's `404.html`, and nothing from outside the folder.
struct StaticFileRoute: Sendable {
    let root: URL

    /// Where a request path leads.
    enum Resolution: Equatable {
        /// The real path of a regular file inside the folder.
        case file(String)
        /// The URL path to send the client to instead.
        case redirect(String)
        case notFound
        case refused(UnsafePath)
    }

    func resolve(target: String, query: String = "") -> Resolution {
        let path: SafePath
        do { path = try SafePath(target: target) } catch { return .refused(error) }
        // The folder is resolved anew on every request: the build may create it after the server starts.
        guard let realRoot = Self.realPath(root.path) else { return .notFound }
        guard let real = Self.realPath(path.relativePath.isEmpty ? realRoot : realRoot + "/" + path.relativePath) else { return .notFound }
        guard Self.isInside(real, realRoot) else { return .refused(.outsideRoot(target)) }
        switch Self.kind(of: real) {
        case .folder where !path.asksForFolder:
            return .redirect(path.folderURLPath + (query.isEmpty ? "" : "?" + query))
        case .folder:
            guard let index = Self.realPath(real + "/index.html") else { return .notFound }
            guard Self.isInside(index, realRoot) else { return .refused(.outsideRoot(target)) }
            return Self.kind(of: index) == .file ? .file(index) : .notFound
        case .file where !path.asksForFolder:
            return .file(real)
        default:
            return .notFound
        }
    }

    /// The response to `request`; `pageExtra` goes just before `</body>` of every HTML page served.
    func response(to request: HTTPRequest, pageExtra: String) -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.message(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: ["Allow": "GET, HEAD"], head: false)
        }
        let head = request.method == .HEAD
        switch resolve(target: request.target.path(), query: request.target.query()) {
        case .file(let path):
            return page(at: path, status: .ok, pageExtra: pageExtra, head: head)
        case .redirect(let location):
            return Self.message(.movedPermanently, "Moved to \(location)\n", extra: ["Location": location], head: head)
        case .refused(.outsideRoot(let target)):
            return Self.message(.forbidden, "Refused: \(UnsafePath.outsideRoot(target))\n", head: head)
        case .refused(.hidden):
            return notFound(pageExtra: pageExtra, head: head)
        case .refused(let reason):
            return Self.message(.badRequest, "Refused: \(reason)\n", head: head)
        case .notFound:
            return notFound(pageExtra: pageExtra, head: head)
        }
    }

    /// The site's own 404.html with status 404, or a plain page when the site has none yet.
    func notFound(pageExtra: String, head: Bool) -> HTTPResponse {
        if case .file(let path) = resolve(target: "/404.html") {
            return page(at: path, status: .notFound, pageExtra: pageExtra, head: head)
        }
        let fallback = Data("<!doctype html>\n<title>Not found</title>\n<body>\n<h1>Not found</h1>\n</body>\n".utf8)
        return Self.respond(.notFound, ContentType.html, Self.insert(pageExtra, into: fallback), head: head)
    }

    func page(at path: String, status: HTTPStatusCode, pageExtra: String, head: Bool) -> HTTPResponse {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            return Self.message(.internalServerError, "Cannot read \(path)\n", head: head)
        }
        let type = ContentType.of(fileName: path, start: bytes.prefix(1024))
        return Self.respond(status, type, type == ContentType.html ? Self.insert(pageExtra, into: bytes) : bytes, head: head)
    }

    static func message(_ status: HTTPStatusCode, _ text: String, extra: [String: String] = [:], head: Bool) -> HTTPResponse {
        var response = respond(status, ContentType.plainText, Data(text.utf8), head: head)
        for (name, value) in extra { response.headers[HTTPHeader(name)] = value }
        return response
    }

    static func respond(_ status: HTTPStatusCode, _ type: String, _ body: Data, head: Bool) -> HTTPResponse {
        var headers: HTTPHeaders = [
            .contentType: type,
            // A preview must never show a page the browser kept from before the last build.
            .cacheControl: "no-store",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        // HEAD answers with the length of the body it leaves out.
        if head { headers[.contentLength] = String(body.count) }
        return HTTPResponse(statusCode: status, headers: headers, body: head ? Data() : body)
    }

    /// `extra` inserted before the page's last `</body>` (any case), or at its end when there is none.
    static func insert(_ extra: String, into page: Data) -> Data {
        guard !extra.isEmpty else { return page }
        let bytes = [UInt8](page)
        let tag = Array("</body".utf8)
        var position = bytes.count
        var index = bytes.count - tag.count
        while index >= 0 {
            if zip(bytes[index..<index + tag.count], tag).allSatisfy({ asciiLowercase($0) == $1 }) {
                position = index
                break
            }
            index -= 1
        }
        var result = Data(bytes[..<position])
        result.append(contentsOf: extra.utf8)
        result.append(contentsOf: bytes[position...])
        return result
    }

    private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    enum Kind { case file, folder, other }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// The path with every link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }
}
