// Renders the same 50-brief list page with BriefingTemplates and with swift-mustache, checks that the two
// outputs agree, then times both.
//
//     swift build -c release --scratch-path .build-templates --product template-bench
//     .build-templates/release/template-bench
//
// Options: --print shows our page instead; --ours-only [N] times only our engine (for profilers).
import BriefingTemplates
import Mustache

#if canImport(Glibc)
import Glibc
#endif

func runBenchmark() {
    let context = PageContext.make()
    let plainContext = PageContext.plain(context)

    let ours: TemplateLibrary
    do {
        ours = try TemplateLibrary(sources: PageTemplates.all)
    } catch {
        fatalError("our templates do not load: \(error)")
    }
    var theirs = MustacheLibrary()
    for (name, source) in PageTemplates.all.sorted(by: { $0.key < $1.key }) {
        do {
            theirs.register(try MustacheTemplate(string: source), named: name)
        } catch {
            fatalError("swift-mustache cannot parse \(name): \(error)")
        }
    }

    func renderOurs() -> [UInt8] {
        do {
            return try ours.render("list", context)
        } catch {
            fatalError("render failed: \(error)")
        }
    }

    func renderTheirs() -> String {
        guard let output = theirs.render(plainContext, withTemplate: "list") else { fatalError("no template 'list'") }
        return output
    }

    let ourPage = String(decoding: renderOurs(), as: UTF8.self)
    let arguments = CommandLine.arguments
    if arguments.contains("--print") {
        print(ourPage, terminator: "")
        return
    }
    if let flag = arguments.firstIndex(of: "--ours-only") {
        let calls = flag + 1 < arguments.count ? Int(arguments[flag + 1]) ?? 20_000 : 20_000
        print(Timing.measure(callsPerBatch: calls, batches: 5) { renderOurs().count }.report("BriefingTemplates render"))
        return
    }

    // Both engines escape & < > " ' the same way (' as &#39;). They differ in one known way: swift-mustache
    // indents only the first pass of a section inside an indented standalone partial (here the second and
    // later chips of a card), while the spec, and we, indent every line. So the lines must match once their
    // leading whitespace is set aside.
    let theirPage = renderTheirs()
    let ourLines = ourPage.split(separator: "\n", omittingEmptySubsequences: false)
    let theirLines = theirPage.split(separator: "\n", omittingEmptySubsequences: false)
    let unindented = { (line: Substring) in line.drop { $0 == " " || $0 == "\t" } }
    let firstDifference = (0..<max(ourLines.count, theirLines.count)).first { index in
        index >= ourLines.count || index >= theirLines.count
            || unindented(ourLines[index]) != unindented(theirLines[index])
    }
    if let line = firstDifference {
        print("outputs differ at line \(line + 1):")
        print("  ours:   \(line < ourLines.count ? String(ourLines[line]) : "<end>")")
        print("  theirs: \(line < theirLines.count ? String(theirLines[line]) : "<end>")")
        exit(1)
    }
    let reindented = zip(ourLines, theirLines).filter { $0 != $1 }.count
    print("page: \(ourPage.utf8.count) bytes, \(ourLines.count) lines (swift-mustache: \(theirPage.utf8.count) bytes)")
    print(
        reindented == 0
            ? "outputs: identical"
            : "outputs: identical but for the indentation of \(reindented) lines, which swift-mustache gets wrong")

    let timings = Timing.measure(
        [
            Timing.Contender(callsPerBatch: 1_000) { renderOurs().count },
            Timing.Contender(callsPerBatch: 1_000) { (try? ours.renderString("list", context))?.utf8.count ?? 0 },
            Timing.Contender(callsPerBatch: 40) { renderTheirs().utf8.count },
        ], batches: 21)
    print(timings[0].report("BriefingTemplates render (bytes)"))
    print(timings[1].report("BriefingTemplates renderString"))
    print(timings[2].report("swift-mustache render (String)"))
    print("speed-up (median, bytes): \(Timing.format(timings[2].median / timings[0].median, digits: 1))×")
    print("speed-up (median, String): \(Timing.format(timings[2].median / timings[1].median, digits: 1))×")
}

runBenchmark()
