import BriefingTemplates
import Mustache
import Testing

/// Renders the same templates with our engine and with swift-mustache, an independent implementation,
/// and expects the same output. The templates avoid the one place swift-mustache strays from the spec:
/// sections inside an indented standalone partial (it indents only their first pass).
@Suite struct SwiftMustacheComparisonTests {
    static let templates = [
        "page": """
            {{<layout}}
            {{$title}}{{page.title}} — {{site.title}}{{/title}}
            {{$content}}
            <h1>{{page.title}}</h1>
            {{#page.intro}}<p class="intro">{{.}}</p>{{/page.intro}}
            {{^items}}<p>Nothing yet.</p>{{/items}}
            <ul>
            {{#items}}
            <li>{{>item}}</li>
            {{/items}}
            </ul>
            {{/content}}
            {{/layout}}

            """,
        "layout": """
            <!doctype html>
            <title>{{$title}}{{site.title}}{{/title}}</title>
            <body>
            {{$content}}{{/content}}
            <footer>{{site.footer}} {{{site.rawFooter}}}</footer>
            </body>

            """,
        "item": """
            <a href="{{site.root}}{{url}}" title="{{title}}">{{title}}</a>{{#count}} ({{count}}){{/count}}{{#tags}} <b>{{name}}</b>{{/tags}}
            """,
    ]

    static let context: TemplateValue = [
        "site": [
            "title": "Briefing & co", "footer": "© \"us\" <2025>", "rawFooter": "<em>raw</em>", "root": "/",
        ],
        "page": ["title": "It's <new>", "intro": "Read 'this' & \"that\"."],
        "items": [
            ["url": "a/", "title": "Alpha & Omega", "count": 3, "tags": [["name": "x<y"], ["name": "ü"]]],
            ["url": "b/", "title": "Beta \"β\"", "count": 0, "tags": []],
            ["url": "c/?q=1&r=2", "title": "Gamma's", "tags": [["name": "z"]]],
        ],
    ]

    @Test func sameOutputAsSwiftMustache() throws {
        let ours = try TemplateLibrary(sources: Self.templates).renderString("page", Self.context)
        var theirs = MustacheLibrary()
        for (name, source) in Self.templates { theirs.register(try MustacheTemplate(string: source), named: name) }
        let expected = try #require(theirs.render(Self.plain(Self.context), withTemplate: "page"))
        #expect(ours == expected)
        #expect(ours.contains("<title>It&#39;s &lt;new&gt; — Briefing &amp; co</title>"))
    }

    @Test func emptyListTakesTheInvertedBranch() throws {
        var context = Self.context
        if case .object(var fields) = context {
            fields["items"] = []
            context = .object(fields)
        }
        let ours = try TemplateLibrary(sources: Self.templates).renderString("page", context)
        var theirs = MustacheLibrary()
        for (name, source) in Self.templates { theirs.register(try MustacheTemplate(string: source), named: name) }
        #expect(ours == theirs.render(Self.plain(context), withTemplate: "page"))
        #expect(ours.contains("<p>Nothing yet.</p>"))
    }

    /// The same data as the plain dictionaries, arrays and scalars swift-mustache reads.
    static func plain(_ value: TemplateValue) -> Any {
        switch value {
        case .null: Optional<String>.none as Any
        case .bool(let flag): flag
        case .int(let number): number
        case .double(let number): number
        case .string(let string): string
        case .list(let items): items.map(plain)
        case .object(let fields): fields.mapValues(plain)
        }
    }
}
