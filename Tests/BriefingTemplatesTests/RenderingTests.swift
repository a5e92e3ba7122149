import BriefingTemplates
import Testing

/// Rendering behaviour beyond the spec files: value formats, escaping, indentation in realistic templates.
@Suite struct RenderingTests {
    private func render(_ template: String, _ context: TemplateValue, partials: [String: String] = [:]) throws
        -> String
    {
        var sources = partials
        sources["__test__"] = template
        return try TemplateLibrary(sources: sources).renderString("__test__", context)
    }

    @Test func escapesTheFiveHTMLCharacters() throws {
        let text = #"Tom & "Jerry" <tom@example.com> isn't 'here' — ok"#
        #expect(
            try render("{{t}}", ["t": .string(text)])
                == "Tom &amp; &quot;Jerry&quot; &lt;tom@example.com&gt; isn&#39;t &#39;here&#39; — ok")
        #expect(try render("{{{t}}}|{{&t}}", ["t": "<&>"]) == "<&>|<&>")
        #expect(try render("{{t}}", ["t": "&&"]) == "&amp;&amp;")
        #expect(try render("{{t}}", ["t": ""]) == "")
        #expect(try render("{{t}}", ["t": "no escaping needed"]) == "no escaping needed")
    }

    @Test func numbersAndBooleans() throws {
        let context: TemplateValue = [
            "a": 1.21, "b": 3.0, "c": -0.5, "d": 0, "e": -42, "f": .int(Int.min), "g": true, "h": false, "i": 1e300,
        ]
        #expect(
            try render("{{a}} {{b}} {{c}} {{d}} {{e}} {{f}} {{g}} {{h}} {{i}}", context)
                == "1.21 3 -0.5 0 -42 -9223372036854775808 true false 1e+300")
    }

    @Test func listsAndObjectsPrintNothing() throws {
        #expect(try render("[{{list}}][{{object}}][{{missing}}]", ["list": [1, 2], "object": ["a": 1]]) == "[][][]")
    }

    @Test func sectionsFollowTruthiness() throws {
        let template = "{{#v}}yes{{/v}}{{^v}}no{{/v}}"
        #expect(try render(template, ["v": 0]) == "yes")
        #expect(try render(template, ["v": ""]) == "no")
        #expect(try render(template, ["v": "x"]) == "yes")
        #expect(try render(template, ["v": []]) == "no")
        #expect(try render(template, ["v": [:]]) == "yes")
        #expect(try render(template, ["v": nil]) == "no")
        #expect(try render(template, [:]) == "no")
    }

    @Test func nestedStandalonePartialsAddUpIndentation() throws {
        let partials = [
            "list": "<ul>\n  {{#items}}\n  {{>item}}\n  {{/items}}\n</ul>\n",
            "item": "<li>\n  {{name}}\n</li>\n",
        ]
        let output = try render("<body>\n  {{>list}}\n</body>\n", ["items": [["name": "a"], ["name": "b"]]], partials: partials)
        #expect(
            output == """
                <body>
                  <ul>
                    <li>
                      a
                    </li>
                    <li>
                      b
                    </li>
                  </ul>
                </body>

                """)
    }

    @Test func inlinePartialIsNotIndented() throws {
        let partials = ["outer": "<p>{{>inner}}</p>\n", "inner": "a\nb"]
        #expect(try render("  {{>outer}}\n", [:], partials: partials) == "  <p>a\nb</p>\n")
    }

    @Test func valuesWithNewlinesAreNotReindented() throws {
        #expect(try render("  {{>p}}\n", ["v": "1\n2"], partials: ["p": "{{v}}\n"]) == "  1\n2\n")
    }

    @Test func layoutWithBlocks() throws {
        let layout = """
            <html>
            <head><title>{{$title}}{{site}}{{/title}}</title></head>
            <body>
            <main>
            {{$content}}{{/content}}
            </main>
            </body>
            </html>

            """
        let page = """
            {{<layout}}
            {{$title}}{{heading}} · {{site}}{{/title}}
            {{$content}}
            <h1>{{heading}}</h1>
            {{#items}}
            <p>{{.}}</p>
            {{/items}}
            {{/content}}
            {{/layout}}

            """
        let output = try render(page, ["site": "Briefing", "heading": "News & views", "items": ["a", "b"]], partials: ["layout": layout])
        #expect(
            output == """
                <html>
                <head><title>News &amp; views · Briefing</title></head>
                <body>
                <main>
                <h1>News &amp; views</h1>
                <p>a</p>
                <p>b</p>

                </main>
                </body>
                </html>

                """)
    }

    @Test func indentedLayoutBlockReindentsItsArgument() throws {
        let layout = "<main>\n  {{$content}}\n  {{/content}}\n</main>\n"
        let page = "{{<layout}}\n{{$content}}\n    <p>one</p>\n    <p>two</p>\n{{/content}}\n{{/layout}}\n"
        #expect(try render(page, [:], partials: ["layout": layout]) == "<main>\n  <p>one</p>\n  <p>two</p>\n</main>\n")
    }

    @Test func blocksCanBeFilledThroughPartialsOfTheParent() throws {
        let partials = ["layout": "<head>{{>meta}}</head>", "meta": "<title>{{$title}}default{{/title}}</title>"]
        #expect(try render("{{<layout}}{{$title}}mine{{/title}}{{/layout}}", [:], partials: partials) == "<head><title>mine</title></head>")
    }

    @Test func missingPartialsAndParentsRenderNothing() throws {
        #expect(try render("a{{>nope}}b{{<nope}}{{$x}}y{{/x}}{{/nope}}c", [:]) == "abc")
    }

    @Test func customDelimitersKeepEveryTagKind() throws {
        let template = "{{=<% %>=}}<%{html}%> <%&html%> <%html%> <%#list%>[<%.%>]<%/list%> {{html}}"
        #expect(try render(template, ["html": "<b>", "list": [1, 2]]) == "<b> <b> &lt;b&gt; [1][2] {{html}}")
    }

    @Test func aLineStartingWithACommentIsStillIndented() throws {
        #expect(try render("  {{>p}}\n", [:], partials: ["p": "{{! note }}abc\ndef\n"]) == "  abc\n  def\n")
    }

    @Test func standalonePartialInsideAnIndentedBlockArgument() throws {
        let partials = [
            "layout": "<main>\n  {{$content}}{{/content}}\n</main>\n",
            "card": "<p>\n  {{title}}\n</p>\n",
        ]
        let page = "{{<layout}}\n  {{$content}}\n    <h1>T</h1>\n    {{>card}}\n  {{/content}}\n{{/layout}}\n"
        // The argument loses its own 4 spaces and gains the 2 of the block it fills.
        #expect(
            try render(page, ["title": "x"], partials: partials)
                == "<main>\n  <h1>T</h1>\n  <p>\n    x\n  </p>\n\n</main>\n")
    }
}
