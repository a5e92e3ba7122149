import FlyingFox
import Foundation
import Testing
@testable import BriefingServe

@Suite struct LiveReloadTests {
    @Test func aPageHearsTheVersionThenEveryBuildThatChangesWhatItShows() async throws {
        let live = LiveReload()
        var events = await live.subscribe().makeAsyncIterator()
        let first = await live.version
        #expect(await events.next() == "retry: 1000\nevent: hello\ndata: \(first)\n\n")

        await live.buildSucceeded(changedOutput: true)
        let second = await live.version
        #expect(second != first)
        #expect(await events.next() == "event: reload\ndata: \(second)\n\n")

        // A build that wrote nothing leaves open pages alone.
        await live.buildSucceeded(changedOutput: false)
        #expect(await live.version == second)

        await live.buildFailed("content/briefs/2025/a.md:3:7: `<nope>` is not a date")
        let failed = await live.version
        #expect(await events.next() == "event: failed\ndata: \(failed)\n\n")
        #expect(await live.pageExtra().contains("`&lt;nope&gt;` is not a date"))

        // Recovering always reloads, to clear the overlay, even when no file changed.
        await live.buildSucceeded(changedOutput: false)
        #expect(await events.next() == "event: reload\ndata: \(await live.version)\n\n")
        #expect(await live.failure == nil)
        #expect(await !live.pageExtra().contains("briefing-build-error"))
    }

    @Test func thePageScriptCarriesTheVersionItWasServedAt() async {
        let live = LiveReload()
        let extra = await live.pageExtra()
        #expect(extra.contains("const served = \"\(await live.version)\""))
        #expect(extra.contains("new EventSource(\"/__briefing/events\")"))
    }

    @Test func theEventStreamIsTheEventsAsChunksOfBytes() async throws {
        let (events, continuation) = AsyncStream<String>.makeStream()
        continuation.yield("event: hello\n\n")
        continuation.yield("é")
        continuation.finish()
        var bytes: [UInt8] = []
        var iterator = EventStreamBytes(events: events).makeAsyncIterator()
        while let chunk = await iterator.nextBuffer(suggested: 5) {
            #expect(chunk.count <= 5)
            bytes += chunk
        }
        #expect(String(decoding: bytes, as: UTF8.self) == "event: hello\n\né")
    }

    @Test func aClosedStreamUnsubscribes() async throws {
        let live = LiveReload()
        do {
            let stream = await live.subscribe()
            #expect(await live.subscriberCount == 1)
            _ = stream
        }
        let deadline = ContinuousClock.now + .seconds(5)
        while await live.subscriberCount > 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await live.subscriberCount == 0)
    }

    @Test func theOverlayEscapesTheError() {
        let html = ErrorOverlay(message: "a.md:1: <script>alert('x')</script> & \"more\"").html
        #expect(html.contains("a.md:1: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"))
        #expect(!html.contains("<script>"))
    }
}
