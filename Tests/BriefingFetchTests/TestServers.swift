import Foundation
import Testing

/// A process the tests started, stopped (and waited for) when the test is done with it.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    let output = Pipe()

    init(_ executable: String, _ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// The first line the process writes, within `timeout`.
    func firstLine(within timeout: Duration) throws -> String {
        let descriptor = output.fileHandleForReading.fileDescriptor
        let deadline = ContinuousClock.now + timeout
        var bytes: [UInt8] = []
        while !bytes.contains(UInt8(ascii: "\n")) {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let left = deadline - ContinuousClock.now
            guard left > .zero, poll(&poller, 1, Int32(left.components.seconds * 1000 + 100)) > 0 else {
                throw TestServerFailure("no output from \(process.executableURL?.lastPathComponent ?? "?") within \(timeout)")
            }
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { throw TestServerFailure("\(process.executableURL?.lastPathComponent ?? "?") ended before it listened") }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

struct TestServerFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One request a test server received: its path and headers (names lower-cased).
struct LoggedRequest: Decodable, Equatable {
    var path: String
    var headers: [String: String]
}

/// `Fixtures/feed_server.py`: the scripted answers nginx cannot give, on a free loopback port.
final class FeedServer: @unchecked Sendable {
    let child: ChildProcess
    let port: Int
    let root: URL
    let log: URL

    init(root: URL, hang: Double = 5, huge: Int = 2 << 20) throws {
        let script = try #require(Bundle.module.url(forResource: "Fixtures/feed_server", withExtension: "py"))
        self.root = root
        log = root.appendingPathComponent("requests-\(UUID().uuidString).jsonl")
        child = try ChildProcess("/usr/bin/env", [
            "python3", script.path, "--log", log.path, "--root", root.path, "--hang", String(hang), "--huge", String(huge),
            "--lifetime", "120",
        ])
        let line = try child.firstLine(within: .seconds(20))
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else { throw TestServerFailure("feed_server.py said `\(line)`") }
        self.port = port
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every request received so far, oldest first.
    var requests: [LoggedRequest] {
        guard let data = FileManager.default.contents(atPath: log.path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            try? JSONDecoder().decode(LoggedRequest.self, from: Data($0.utf8))
        }
    }

    deinit { child.stop() }
}

/// nginx serving a folder on a free loopback port: real `ETag`s and `Last-Modified`, conditional requests
/// answered by nginx itself.
final class Nginx: @unchecked Sendable {
    let child: ChildProcess
    let port: Int
    let root: URL
    let work: URL

    static var executable: String? {
        ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(root: URL) throws {
        guard let executable = Nginx.executable else {
            throw TestServerFailure(
                "nginx is not installed, and the fetch tests need it: `apt-get install nginx-light` (CI's .ci/run installs it)")
        }
        self.root = root
        work = root.deletingLastPathComponent().appendingPathComponent("nginx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("temp"), withIntermediateDirectories: true)
        port = try Nginx.freePort()
        let config = """
            worker_processes 1;
            daemon off;
            pid \(work.path)/nginx.pid;
            error_log \(work.path)/error.log warn;
            events { worker_connections 256; }
            http {
              types { application/rss+xml xml; application/feed+json json; }
              default_type application/octet-stream;
              log_format conditional escape=none '$request_uri $status inm=[$http_if_none_match] ims=[$http_if_modified_since]';
              access_log \(work.path)/access.log conditional;
              client_body_temp_path \(work.path)/temp/body;
              proxy_temp_path \(work.path)/temp/proxy;
              fastcgi_temp_path \(work.path)/temp/fastcgi;
              uwsgi_temp_path \(work.path)/temp/uwsgi;
              scgi_temp_path \(work.path)/temp/scgi;
              server {
                listen 127.0.0.1:\(port);
                root \(root.path);
              }
            }
            """
        try config.write(to: work.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
        // nginx's workers run as nobody when the master is root: they must be able to read the files.
        for folder in [root, work, root.deletingLastPathComponent()] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        }
        child = try ChildProcess(executable, ["-p", work.path, "-e", work.appendingPathComponent("error.log").path, "-c",
                                              work.appendingPathComponent("nginx.conf").path])
        let deadline = ContinuousClock.now + .seconds(10)
        while !Nginx.answers(port) {
            guard ContinuousClock.now < deadline, child.process.isRunning else {
                let log = (try? String(contentsOf: work.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
                throw TestServerFailure("nginx did not start on port \(port): \(log)")
            }
            usleep(20_000)
        }
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The access log's request lines with the conditional headers nginx saw, for assertions.
    var accessLog: [String] {
        ((try? String(contentsOf: work.appendingPathComponent("access.log"), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw TestServerFailure("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func answers(_ port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    deinit { child.stop() }
}
