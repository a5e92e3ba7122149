import Testing
@testable import BriefingServe

@Suite struct SafePathTests {
    @Test(arguments: [
        "/../etc/passwd", "/a/../../etc/passwd", "/..", "/a/..", "/./index.html",
        "/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd", "/%2e%2e%2fetc%2fpasswd", "/%2E%2E%2F%2E%2E%2Fetc",
        "/..%2fetc/passwd", "/..%2Fetc/passwd", "/%2e%2e%2f", "/.%2e/etc", "/%2e./etc", "/topics/%2e%2e/%2e%2e/etc",
    ])
    func refusesDotSegmentsHoweverTheyAreWritten(target: String) {
        #expect(throws: UnsafePath.dotSegment(target)) { try SafePath(target: target) }
    }

    @Test(arguments: [
        "/..\\..\\etc\\passwd", "/a\\b", "/%5c..%5cetc", "/..%5Cetc%5Cpasswd", "/%5C",
        "/index.html%00.png", "/index.html\u{0}", "/%00", "/a%0d%0aSet-Cookie:%20x", "/a%09b", "/a%7f",
    ])
    func refusesBackslashesNULAndControlCharacters(target: String) throws {
        #expect {
            try SafePath(target: target)
        } throws: { error in
            guard case UnsafePath.forbiddenByte(let byte, let path) = error else { return false }
            return path == target && (byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\"))
        }
    }

    @Test(arguments: ["/%", "/%2", "/a%zz", "/%2g/x", "/%%32%65"])
    func refusesMalformedEscapes(target: String) {
        #expect(throws: UnsafePath.malformedEscape(target)) { try SafePath(target: target) }
    }

    /// Overlong UTF-8 (`%c0%ae` is a disguised `.`) and stray bytes do not decode at all.
    @Test(arguments: ["/%c0%ae%c0%ae/etc/passwd", "/%c0%af", "/%ff", "/%e0%80%ae"])
    func refusesBytesThatAreNotUTF8(target: String) {
        #expect(throws: UnsafePath.notUTF8(target)) { try SafePath(target: target) }
    }

    @Test(arguments: ["", "index.html", "..", "../etc/passwd", "http://evil.example/", "*"])
    func refusesTargetsThatAreNotAbsolutePaths(target: String) {
        #expect(throws: UnsafePath.notAbsolute(target)) { try SafePath(target: target) }
    }

    @Test(arguments: ["/.git/config", "/.briefing/manifest", "/%2ebriefing/manifest", "/assets/.secret"])
    func refusesHiddenNames(target: String) {
        #expect(throws: UnsafePath.hidden(target)) { try SafePath(target: target) }
    }

    @Test func acceptsOrdinaryPaths() throws {
        let root = try SafePath(target: "/")
        #expect(root.segments == [] && root.asksForFolder && root.relativePath == "")
        let topic = try SafePath(target: "/topics/ai-chips/")
        #expect(topic.segments == ["topics", "ai-chips"] && topic.asksForFolder)
        let folder = try SafePath(target: "/topics")
        #expect(folder.segments == ["topics"] && !folder.asksForFolder)
        #expect(try SafePath(target: "//topics//page/2").relativePath == "topics/page/2")
        #expect(try SafePath(target: "/caf%C3%A9/a%20b.txt").segments == ["café", "a b.txt"])
        #expect(try SafePath(target: "/a..b/c...").segments == ["a..b", "c..."])
    }

    /// Decoded once only: a double-encoded `..` is a strange but harmless name, not a way up.
    @Test func decodesOnce() throws {
        #expect(try SafePath(target: "/%252e%252e/etc").segments == ["%2e%2e", "etc"])
    }

    @Test func folderRedirectsAreBuiltFromTheCheckedSegments() throws {
        #expect(try SafePath(target: "/topics").folderURLPath == "/topics/")
        #expect(try SafePath(target: "/caf%C3%A9").folderURLPath == "/caf%C3%A9/")
        // A protocol-relative Location would send the browser to another host.
        #expect(try SafePath(target: "//evil.example").folderURLPath == "/evil.example/")
        #expect(try SafePath(target: "/").folderURLPath == "/")
    }
}
