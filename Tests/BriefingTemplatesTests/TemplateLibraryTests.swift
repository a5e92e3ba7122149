import BriefingTemplates
import Testing

/// The library's public API: names, dependencies, rendering to bytes, concurrent use.
@Suite struct TemplateLibraryTests {
    @Test func namesAreSorted() throws {
        let library = try TemplateLibrary(sources: ["b": "", "a": "", "c/d": ""])
        #expect(library.names == ["a", "b", "c/d"])
        #expect(library.contains("c/d"))
        #expect(!library.contains("d"))
    }

    @Test func emptyLibrary() throws {
        let library = try TemplateLibrary(sources: [:])
        #expect(library.names.isEmpty)
        #expect(library.dependencies(of: "x").isEmpty)
    }

    @Test func renderReturnsUTF8Bytes() throws {
        let library = try TemplateLibrary(sources: ["t": "Grüße, {{name}} ✓"])
        let bytes = try library.render("t", ["name": "Zoë"])
        #expect(bytes == Array("Grüße, Zoë ✓".utf8))
        #expect(try library.renderString("t", ["name": "Zoë"]) == "Grüße, Zoë ✓")
    }

    @Test func dependenciesFollowPartialsAndParentsTransitively() throws {
        let library = try TemplateLibrary(sources: [
            "page": "{{<layout}}{{$content}}{{>card}}{{/content}}{{/layout}}",
            "layout": "<main>{{$content}}{{/content}}</main>{{>footer}}",
            "footer": "<footer>{{>missing}}</footer>",
            "card": "{{#items}}{{>chip}}{{/items}}",
            "chip": "<b>{{name}}</b>{{>chip}}",
            "unrelated": "x",
        ])
        #expect(library.dependencies(of: "page") == ["card", "chip", "footer", "layout", "page"])
        #expect(library.dependencies(of: "footer") == ["footer"])
        #expect(library.dependencies(of: "chip") == ["chip"])
        #expect(library.dependencies(of: "nope") == [])
    }

    @Test func dynamicNamesDependOnEverything() throws {
        let library = try TemplateLibrary(sources: [
            "page": "{{>card}}", "card": "{{>*kind}}", "a": "", "b": "{{<*layout}}{{/*layout}}",
        ])
        #expect(library.dependencies(of: "page") == ["a", "b", "card", "page"])
        #expect(library.dependencies(of: "b") == ["a", "b", "card", "page"])
        #expect(library.dependencies(of: "a") == ["a"])
    }

    @Test func dynamicParent() throws {
        let library = try TemplateLibrary(sources: [
            "page": "{{<*layout}}{{$title}}Mine{{/title}}{{/*layout}}",
            "wide": "<wide>{{$title}}Default{{/title}}</wide>",
        ])
        #expect(try library.renderString("page", ["layout": "wide"]) == "<wide>Mine</wide>")
        #expect(try library.renderString("page", ["layout": "narrow"]) == "")
    }

    @Test func concurrentRendersShareOneLibrary() async throws {
        let library = try TemplateLibrary(sources: [
            "list": "{{<layout}}{{$content}}{{#items}}\n  {{>item}}\n{{/items}}{{/content}}{{/layout}}",
            "layout": "<ul>\n{{$content}}{{/content}}</ul>\n",
            "item": "<li>{{name}} &amp; {{n}}</li>\n",
        ])
        let outputs = await withTaskGroup(of: (Int, String).self) { group in
            for task in 0..<64 {
                group.addTask {
                    let items = (0..<20).map { TemplateValue.object(["name": .string("t\(task)"), "n": .int($0)]) }
                    return (task, (try? library.renderString("list", ["items": .list(items)])) ?? "failed")
                }
            }
            var outputs: [Int: String] = [:]
            for await (task, output) in group { outputs[task] = output }
            return outputs
        }
        #expect(outputs.count == 64)
        for (task, output) in outputs {
            let lines = (0..<20).map { "  <li>t\(task) &amp; \($0)</li>\n" }.joined()
            #expect(output == "<ul>\n" + lines + "</ul>\n")
        }
    }
}
