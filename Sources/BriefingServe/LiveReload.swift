import FlyingFox
import FlyingSocks
import Foundation

/// Tells open pages to reload, over Server-Sent Events, and keeps the last build's error for the overlay.
///
/// Every build that changes what the browser shows gets a new version; a page carries the version it
/// was served at and reloads when the server announces another, which also covers a page that was
/// served just before a build and subscribed just after it, and a server that was restarted.
actor LiveReload {
    static let eventsPath = "/__briefing/events"

    /// Unique to this server process, so a page from an earlier run reloads after a restart.
    private let instance = UUID().uuidString.prefix(8).lowercased()
    private var generation = 0
    private var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]
    /// The last build's error while it stands.
    private(set) var failure: String?

    var version: String { "\(instance)-\(generation)" }

    /// After a build that worked: reload when it wrote something or cleared an error.
    func buildSucceeded(changedOutput: Bool) {
        guard changedOutput || failure != nil else { return }
        failure = nil
        announce("reload")
    }

    /// After a build that failed: pages reload to show `message` over the last good page.
    func buildFailed(_ message: String) {
        guard message != failure else { return }
        failure = message
        announce("failed")
    }

    private func announce(_ event: String) {
        generation += 1
        broadcast("event: \(event)\ndata: \(version)\n\n")
    }

    /// A comment line now and then: the only way to learn that a browser went away is a write that fails.
    func heartbeat() {
        broadcast(": keep-alive\n\n")
    }

    private func broadcast(_ text: String) {
        for subscriber in subscribers.values { subscriber.yield(text) }
    }

    /// The event stream for one open page; it starts by saying the current version.
    func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        subscribers[id] = continuation
        continuation.yield("retry: 1000\nevent: hello\ndata: \(version)\n\n")
        return stream
    }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }

    var subscriberCount: Int { subscribers.count }

    /// Ends every event stream, so the server can stop without waiting for browsers.
    func finishAll() {
        for subscriber in subscribers.values { subscriber.finish() }
        subscribers = [:]
    }

    func eventStreamResponse() -> HTTPResponse {
        HTTPResponse(
            statusCode: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
            body: HTTPBodySequence(from: EventStreamBytes(events: subscribe())))
    }

    /// What goes before `</body>` of every HTML page served: the reload script, and the error overlay
    /// while the last build has failed.
    func pageExtra() -> String {
        let overlay = failure.map { ErrorOverlay(message: $0).html } ?? ""
        return overlay + Self.script(version: version)
    }

    /// Only a visible tab keeps its stream open: browsers allow six connections to a host, and six
    /// background tabs must not stop the seventh page from loading. A tab shown again hears `hello`
    /// and reloads if it missed a build meanwhile.
    static func script(version: String) -> String {
        """
        <script data-briefing-live-reload>
        (() => {
          const served = "\(version)";
          let events = null;
          const check = (event) => { if (event.data !== served) { events.close(); location.reload(); } };
          const follow = () => {
            if (document.hidden) { events?.close(); events = null; return; }
            if (events) return;
            events = new EventSource("\(eventsPath)");
            for (const name of ["hello", "reload", "failed"]) events.addEventListener(name, check);
          };
          document.addEventListener("visibilitychange", follow);
          follow();
        })();
        </script>

        """
    }
}

/// An event stream's text as the bytes of a response body that never ends on its own.
struct EventStreamBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let events: AsyncStream<String>

    func makeAsyncIterator() -> Iterator { Iterator(events: events.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<String>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            if pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = ArraySlice(event.utf8)
            }
            let chunk = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(chunk.count)
            return chunk
        }
    }
}
