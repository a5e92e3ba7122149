import Foundation
import Testing
@testable import BriefingBuild

/// Shake-style random testing: after every random edit, an incremental build must leave exactly the bytes a
/// clean build of the same content writes, and must write only the files whose bytes changed.
@Suite struct RandomEditSequenceTests {
    static let sequences = 10
    static let editsPerSequence = 12

    /// Odd sequences build as `serve` does: one builder keeping the manifest and parse cache in memory between
    /// builds (`BuildMemory`), with now and then a build beside it that does not (as `briefing build` run while the
    /// server runs), whose changes the next one must notice.
    @Test(arguments: 0..<sequences)
    func incrementalBuildsMatchCleanBuilds(sequence: Int) throws {
        let memory = sequence % 2 == 1 ? BuildMemory() : nil
        try run(seed: UInt64(0xB21E_F1A6) &+ UInt64(sequence) &* 7919, briefs: 14, edits: Self.editsPerSequence, memory: memory)
        if let memory {
            #expect(memory.reuses > 0, "no build took the manifest or the parse cache from memory")
        }
    }

    /// On a site larger than the related-briefs window, so that which brief pages an edit reaches through that
    /// window (`SiteReads.nearReads`) is judged too: on the small sites above every brief is in every window.
    @Test(arguments: 0..<2)
    func incrementalBuildsMatchCleanBuildsBeyondTheRelatedWindow(sequence: Int) throws {
        try run(seed: UInt64(0x5EA5_0B1D) &+ UInt64(sequence) &* 104_729, briefs: 240, edits: 6)
    }

    private func run(seed: UInt64, briefs: Int, edits: Int, memory: BuildMemory? = nil) throws {
        var random = SeededRandom(seed: seed)
        var editor = try SiteEditor(random: &random, briefs: briefs)
        editor.searchShardLimit = 100
        var first = editor.builder()
        first.memory = memory
        _ = try first.build()
        let shards = editor.site.snapshot().keys.filter { $0.hasPrefix("search/terms/") }.count
        #expect(shards >= 8, "only \(shards) search shards: edits would reach every one, and which they reach would go unjudged")
        for step in 0..<edits {
            let edit = try editor.applyRandomEdit(random: &random)
            let before = editor.site.snapshot()
            let jobs = Int.random(in: 1...4, using: &random)
            var builder = editor.builder(jobs: jobs)
            // Every fourth build, one that keeps nothing in memory changes the files behind the memory's back.
            builder.memory = step % 4 == 3 ? nil : memory
            let report = try builder.build()
            let after = editor.site.snapshot()
            let context = "seed \(seed), step \(step), edit: \(edit), jobs \(jobs)\(builder.memory == nil ? "" : ", state in memory")"
            let clean = try editor.cleanBuild()
            let differing = Set(clean.keys).union(after.keys).filter { clean[$0] != after[$0] }.sorted()
            #expect(differing.isEmpty, "incremental ≠ clean for \(differing.prefix(5)) — \(context)")
            let changed = after.keys.filter { before[$0] != after[$0] }.count
            #expect(report.written == changed, "wrote \(report.written) files but \(changed) changed — \(context)")
            // Edits to briefs alone — prose, title, date, tags, stories, added, removed, renamed — must take the
            // shortcut, or this test would not be judging it.
            if edit.touchedBriefsOnly {
                #expect(!report.examinedEveryPage, "an edit to briefs alone examined every page — \(context)")
            }
            if !differing.isEmpty { return }
        }
    }

    @Test func aBuildKilledAtAnyMomentIsRepairedByTheNext() throws {
        var random = SeededRandom(seed: 0x5161_4B11)
        var editor = try SiteEditor(random: &random, briefs: 60)
        let binary = try #require(BuildTestSite.executable, "the briefing executable must be built before the tests run")
        _ = try SiteBuilder(siteDirectory: editor.site.directory).build()
        for attempt in 0..<6 {
            for _ in 0..<3 { _ = try editor.applyRandomEdit(random: &random) }
            let process = Process()
            process.executableURL = binary
            process.arguments = ["build", "--site", editor.site.directory.path]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...40_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            _ = try SiteBuilder(siteDirectory: editor.site.directory).build()
            let clean = try editor.cleanBuild()
            let after = editor.site.snapshot()
            let differing = Set(clean.keys).union(after.keys).filter { clean[$0] != after[$0] }.sorted()
            #expect(differing.isEmpty, "attempt \(attempt): after a killed build, \(differing.prefix(5)) differ from a clean build")
        }
    }
}

/// A small deterministic random number generator (SplitMix64), so a failing sequence can be replayed from its seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
