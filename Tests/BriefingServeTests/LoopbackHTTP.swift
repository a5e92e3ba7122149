import Foundation

/// A bare HTTP/1.1 client over a loopback socket. It sends the request target exactly as written,
/// where URLSession would tidy `..` and `%2e` away before the server could refuse them.
struct LoopbackHTTP {
    let port: UInt16

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    enum Failure: Error { case connect(Int32), timedOut(String), malformed(String) }

    func get(_ target: String, method: String = "GET", host: String? = nil, timeout: Duration = .seconds(10)) throws -> Response {
        let connection = try Connection(port: port)
        try connection.send("\(method) \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
        var bytes: [UInt8] = []
        let deadline = ContinuousClock.now + timeout
        while let chunk = try connection.receive(until: deadline) { bytes += chunk }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure.malformed(text) }
        let head = text[..<split.lowerBound].split(separator: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else {
            throw Failure.malformed(text)
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
    }

    /// An open `text/event-stream` response, read as it arrives.
    final class EventStream {
        private let connection: Connection
        private var unread = ""

        init(port: UInt16, path: String) throws {
            connection = try Connection(port: port)
            try connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        }

        /// Reads until an event named `name` arrives and returns its data; what came before it is passed over.
        func next(_ name: String, within timeout: Duration) throws -> String {
            let deadline = ContinuousClock.now + timeout
            while true {
                if let found = unread.range(of: "event: \(name)\ndata: "), let end = unread[found.upperBound...].range(of: "\n") {
                    let data = String(unread[found.upperBound..<end.lowerBound])
                    unread = String(unread[end.upperBound...])
                    return data
                }
                guard let chunk = try connection.receive(until: deadline) else { throw Failure.timedOut("no `\(name)` event in \(unread)") }
                unread += String(decoding: chunk, as: UTF8.self)
            }
        }
    }

    final class Connection {
        let descriptor: Int32

        init(port: UInt16) throws {
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard result == 0 else {
                close(descriptor)
                throw Failure.connect(errno)
            }
        }

        deinit { close(descriptor) }

        func send(_ text: String) throws {
            var bytes = Array(text.utf8)[...]
            while !bytes.isEmpty {
                let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard sent > 0 else { throw Failure.connect(errno) }
                bytes = bytes.dropFirst(sent)
            }
        }

        /// The next bytes, or nil at the end of the stream; throws when nothing came by the deadline.
        func receive(until deadline: ContinuousClock.Instant) throws -> [UInt8]? {
            try readBytes(from: descriptor, until: deadline)
        }
    }
}

/// Waits for bytes on `descriptor` until `deadline`: nil at end of file, an error when time runs out.
func readBytes(from descriptor: Int32, until deadline: ContinuousClock.Instant) throws -> [UInt8]? {
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let left = deadline - ContinuousClock.now
        guard left > .zero else { throw LoopbackHTTP.Failure.timedOut("nothing to read") }
        var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(min(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000, 1000))
        guard poll(&waiting, 1, max(milliseconds, 1)) > 0 else { continue }
        let count = read(descriptor, &buffer, buffer.count)
        if count == 0 { return nil }
        if count > 0 { return Array(buffer[..<count]) }
        if errno != EINTR { throw LoopbackHTTP.Failure.connect(errno) }
    }
}
