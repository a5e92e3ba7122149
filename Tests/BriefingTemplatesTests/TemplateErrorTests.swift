import BriefingTemplates
import Testing

/// Syntax errors are found when the library is built, and say where they are and what to do.
@Suite struct TemplateErrorTests {
    /// Builds a library that must fail and returns its error.
    private func loadError(_ sources: [String: String], paths: [String: String] = [:]) -> TemplateError? {
        do {
            _ = try TemplateLibrary(sources: sources, paths: paths)
            return nil
        } catch {
            return error
        }
    }

    @Test func unclosedSection() throws {
        let template = "<ul>\n<li>{{title}}</li>\n\n  {{#briefs}}\n  <li>{{title}}</li>\n"
        let error = try #require(loadError(["list": template], paths: ["list": "templates/list.mustache"]))
        #expect(error.kind == .unclosedSection)
        #expect(error.template == "list")
        #expect(error.path == "templates/list.mustache")
        #expect(error.line == 4)
        #expect(error.column == 3)
        #expect(error.message == "{{#briefs}} opened at line 4 column 3 is never closed: add {{/briefs}}")
        #expect(
            error.description
                == "templates/list.mustache:4:3: {{#briefs}} opened at line 4 column 3 is never closed: add {{/briefs}}")
    }

    @Test func unclosedParentAndBlock() throws {
        let parent = try #require(loadError(["page": "{{<layout}}\n{{$content}}hi{{/content}}\n"]))
        #expect(parent.kind == .unclosedSection)
        #expect(parent.message.contains("add {{/layout}}"))
        let block = try #require(loadError(["page": "{{$content}}hi\n"]))
        #expect(block.message == "{{$content}} opened at line 1 column 1 is never closed: add {{/content}}")
    }

    @Test func mismatchedClose() throws {
        let template = "{{#briefs}}\n  {{#topics}}{{name}}{{/briefs}}\n{{/topics}}"
        let error = try #require(loadError(["list": template]))
        #expect(error.kind == .mismatchedClose)
        #expect(error.line == 2)
        #expect(error.column == 22)
        #expect(
            error.message
                == "{{/briefs}} does not match {{#topics}} opened at line 2 column 3: add {{/topics}} before it, "
                + "or fix the name")
        #expect(error.description.hasPrefix("template 'list':2:22: "))
    }

    @Test func closeWithoutOpen() throws {
        let error = try #require(loadError(["card": "<p>{{title}}</p>\n{{/title}}"]))
        #expect(error.kind == .unexpectedClose)
        #expect((error.line, error.column) == (2, 1))
        #expect(error.message.contains("{{/title}} closes nothing"))
    }

    @Test func unclosedTag() throws {
        let error = try #require(loadError(["card": "<h1>{{title}}</h1>\n<p>{{summary</p>\n"]))
        #expect(error.kind == .unclosedTag)
        #expect((error.line, error.column) == (2, 4))
        #expect(error.message == "tag \"{{summary</p>\" opened at line 2 column 4 is never closed: add \"}}\"")

        let triple = try #require(loadError(["card": "{{{html}}"]))
        #expect(triple.kind == .unclosedTag)
        #expect(triple.message.hasSuffix("add \"}}}\""))
    }

    @Test func badDelimiters() throws {
        for template in ["{{=<%=}}", "{{=<% %> x=}}", "{{=a= b=}}", "{{==}}"] {
            let error = try #require(loadError(["t": template]), "\(template)")
            #expect(error.kind == .badDelimiters, "\(template)")
            #expect(error.message.contains("must set two delimiters separated by a space, like {{=<% %>=}}"))
        }
        // Delimiters that never end are an unclosed tag.
        #expect(loadError(["t": "{{=<% %>"])?.kind == .unclosedTag)
        // After a change, the old delimiters are plain text and the new ones must be closed.
        #expect(loadError(["t": "{{=<% %>=}}{{x}}<%y"])?.kind == .unclosedTag)
    }

    @Test func invalidNames() throws {
        let empty = try #require(loadError(["t": "a {{ }} b"]))
        #expect(empty.kind == .invalidName)
        #expect(empty.message.contains("has no name"))

        let spaced = try #require(loadError(["t": "{{ # briefs}}{{/briefs}}"]))
        #expect(spaced.kind == .invalidName)
        #expect(spaced.message.contains("cannot contain spaces"))

        for template in ["{{a..b}}", "{{.a}}", "{{#a.}}{{/a.}}", "{{>*a..b}}"] {
            #expect(loadError(["t": template])?.kind == .invalidName, "\(template)")
        }
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let error = try #require(loadError(["t": "Café — {{#open}}"]))
        #expect((error.line, error.column) == (1, 8))
    }

    @Test func everyBrokenTemplateIsReported() throws {
        let error = try #require(
            loadError(
                ["a": "{{#x}}", "b": "fine {{y}}", "c": "{{/z}}"],
                paths: ["a": "templates/a.mustache", "c": "templates/c.mustache"]))
        #expect(error.template == "a")
        #expect(error.otherErrors.map(\.template) == ["c"])
        #expect(error.allErrors.map(\.kind) == [.unclosedSection, .unexpectedClose])
        let lines = error.description.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("templates/a.mustache:1:1: "))
        #expect(lines[1].hasPrefix("templates/c.mustache:1:1: "))
    }

    @Test func unknownTemplate() throws {
        let library = try TemplateLibrary(sources: ["home": "hi", "list": "ho"])
        #expect(throws: TemplateError.self) { try library.render("missing", .null) }
        do {
            _ = try library.render("missing", .null)
        } catch {
            #expect(error.kind == .unknownTemplate)
            #expect(error.line == 0)
            #expect(error.description == "template 'missing': there is no template named 'missing' (known templates: home, list); check the name or add the template")
        }
    }

    @Test func endlessRecursionIsAnErrorNotACrash() throws {
        let library = try TemplateLibrary(sources: ["loop": "x{{>loop}}", "a": "{{<b}}{{/b}}", "b": "{{>a}}"])
        #expect(throws: TemplateError.self) { try library.render("loop", .null) }
        do {
            _ = try library.render("a", .null)
        } catch {
            #expect(error.kind == .recursionTooDeep)
        }
    }
}
