import Testing
@testable import BriefingIngest

@Suite struct HTMLConverterTests {
    private func markdown(_ html: String, base: String? = "https://example.com/blog/post/") -> String {
        HTMLConverter.markdown(fromHTML: html, baseURL: base)
    }

    @Test func keepsParagraphsEmphasisAndLinks() {
        #expect(markdown("<p>One <em>two</em> <strong>three</strong></p><p>Four <a href=\"https://x.org/a\">link</a>.</p>")
            == "One *two* **three**\n\nFour [link](https://x.org/a).")
        #expect(markdown("Loose text <b>bold</b><p>para</p>tail") == "Loose text **bold**\n\npara\n\ntail")
    }

    @Test func keepsSpacesOutsideEmphasis() {
        #expect(markdown("<p>a<em> b </em>c</p>") == "a *b* c")
        #expect(markdown("<p><strong>x</strong>y and <i></i>z</p>") == "**x**y and z")
        #expect(markdown("<p><em>outer <em>inner</em></em> <b><strong>both</strong></b></p>") == "*outer inner* **both**")
    }

    @Test func resolvesRelativeLinks() {
        #expect(markdown("<a href=\"../other/\">up</a> <a href=\"/root\">root</a> <a href=\"#f\">frag</a>")
            == "[up](https://example.com/blog/other/) [root](https://example.com/root) [frag](https://example.com/blog/post/#f)")
        // Without a base a relative link cannot be made absolute: the text stays, the link goes.
        #expect(markdown("<a href=\"/root\">root</a> <a href=\"https://a.org/\">abs</a>", base: nil)
            == "root [abs](https://a.org/)")
        #expect(markdown("<a href=\"https://a.org/x y(1)\">odd</a> <a href=\"mailto:me@a.org\">mail</a>")
            == "[odd](https://a.org/x%20y%281%29) [mail](mailto:me@a.org)")
        #expect(markdown("<a href=\"https://a.org/\"><img src=\"x.png\"></a>") == "")
    }

    @Test func nestsLists() {
        let html = "<ul><li>one</li><li>two<ul><li>two-a</li><li>two-b<ol><li>deep</li></ol></li></ul></li><li>three</li></ul>"
        #expect(markdown(html) == "- one\n- two\n  - two-a\n  - two-b\n    1. deep\n- three")
        #expect(markdown("<ol start=\"9\"><li>nine</li><li>ten<p>second para</p></li></ol>")
            == "9. nine\n\n10. ten\n\n    second para")
        // A list nested directly in a list (invalid but common) joins the item before it.
        #expect(markdown("<ul><li>a</li><ul><li>b</li></ul></ul>") == "- a\n  - b")
    }

    @Test func keepsBlockquotesHeadingsAndRules() {
        #expect(markdown("<blockquote><p>one</p><p>two</p></blockquote>") == "> one\n>\n> two")
        #expect(markdown("<h1>Title</h1><h3>Sub <em>head</em></h3><hr><h2>Learn C#</h2><h4>Issue #</h4>")
            == "# Title\n\n### Sub *head*\n\n---\n\n## Learn C\\#\n\n#### Issue \\#")
        #expect(markdown("<h2><em>one<br>two</em> three<br></h2>") == "## *one two* three")
    }

    @Test func keepsCode() {
        #expect(markdown("<p>Use <code>let x = 1</code> and <code>a`b</code> or <code>`tick</code></p>")
            == "Use `let x = 1` and ``a`b`` or `` `tick ``")
        #expect(markdown("<pre><code class=\"language-swift\">let a = 1\n  indented &lt;b&gt;\n```\n</code></pre>")
            == "````swift\nlet a = 1\n  indented <b>\n```\n````")
    }

    @Test func dropsActiveContentBelowTheDepthLimit() {
        let html = String(repeating: "<span>", count: 80) + "deep<script>alert(1)</script> text" + String(repeating: "<div>", count: 80) + "<style>x</style>end"
        let result = markdown(html)
        #expect(result.contains("deep"))
        #expect(result.contains("end"))
        #expect(!result.contains("alert"))
        #expect(!result.contains("x\n") && !result.hasSuffix("x"))
    }

    @Test func keepsBreaksInPreformattedText() {
        #expect(markdown("<pre>one<br>two\n  three  \n\n</pre>") == "```\none\ntwo\n  three\n```")
    }

    @Test func keepsLineBreaks() {
        #expect(markdown("<p>line one<br>line two<br/></p>") == "line one\\\nline two")
        #expect(markdown("first<br><br>second") == "first\n\nsecond")
        #expect(markdown("<p>1999<br>2. not a list</p>") == "1999\\\n2\\. not a list")
    }

    @Test func dropsActiveContent() {
        let html = """
            <p onclick="steal()">Text<script>alert('x')</script><style>p{color:red}</style></p>
            <iframe src="https://evil.example/"></iframe><object data="x.swf">fallback</object><embed src="y.swf">
            <form action="/post"><input name="q" value="typed"><button>Go</button></form>
            <noscript><img src="https://tracker.example/pixel.gif"></noscript><svg><text>vector</text></svg>
            <p style="x" onmouseover="alert(2)">End</p>
            """
        let result = markdown(html)
        #expect(result == "Text\n\nEnd")
        #expect(HTMLConverter.plainText(fromHTML: html) == "Text End")
    }

    @Test func dropsScriptURLsButKeepsTheirText() {
        let hrefs = ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "&#106;avascript:alert(1)",
                     "java&#x0A;script:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)",
                     "file:///etc/passwd", "\u{1}javascript:alert(1)"]
        for href in hrefs {
            #expect(markdown("<a href=\"\(href)\">click</a>") == "click", "\(href)")
        }
        #expect(FeedLink.resolve("javascript:x", against: "https://a.org/") == nil)
        #expect(FeedLink.resolve("x", against: "javascript:alert(1)//") == nil)
    }

    @Test func escapesTextThatWouldBeMarkup() {
        #expect(markdown("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;http://a.org&gt;</p>")
            == "\\<script\\>alert(1)\\</script\\> \\<http://a.org\\>")
        #expect(markdown("<p>[not a link](http://x.org) *not em* _nor_ `code` ~~~</p>")
            == "\\[not a link\\](http://x.org) \\*not em\\* \\_nor\\_ \\`code\\` \\~\\~\\~")
        #expect(markdown("<p># not a heading</p><p>- not a bullet</p><p>+ nor</p><p>2025. A year</p><p>3) three</p>")
            == "\\# not a heading\n\n\\- not a bullet\n\n\\+ nor\n\n2025\\. A year\n\n3\\) three")
        #expect(markdown("<p>#hashtag -5 degrees 3.5 million C# AT&amp;T</p>") == "#hashtag -5 degrees 3.5 million C# AT&T")
        #expect(markdown("<p>&amp;copy; &amp;#169; back\\slash</p>") == "\\&copy; \\&#169; back\\\\slash")
        #expect(markdown("<p>title<br>===</p><p>---</p>") == "title\\\n\\===\n\n\\---")
        #expect(markdown("<a href=\"https://a.org/\">[x](javascript:alert(1))</a>")
            == "[\\[x\\](javascript:alert(1))](https://a.org/)")
    }

    @Test func outputNeverContainsAnUnescapedAngleBracket() {
        let hostile = [
            "<p>a &lt;img src=x onerror=alert(1)&gt; b</p>", "<div><![CDATA[<script>]]></div>",
            "<p>&lt;!-- comment --&gt;</p>", "<a href=\"https://a.org/<script>\">x</a>",
            "<code>&lt;b&gt;</code>", "<p><<>>></p>", "<title>&lt;</title><p>&gt;</p>",
        ]
        for html in hostile {
            let result = markdown(html)
            let scalars = Array(result.unicodeScalars)
            var inCode = false
            for (index, scalar) in scalars.enumerated() {
                if scalar == "`" { inCode.toggle() }
                if (scalar == "<" || scalar == ">"), !inCode {
                    #expect(index > 0 && scalars[index - 1] == "\\", "\(html) → \(result)")
                }
            }
        }
    }

    @Test func decodesEntitiesAndCollapsesWhitespace() {
        #expect(markdown("<p>caf&eacute;   &amp;\n\n &nbsp;x &#8217;</p>") == "café & \u{A0}x \u{2019}")
        #expect(markdown("<meta charset=\"iso-8859-1\"><p>café</p>") == "café")
    }

    @Test func convertsTablesToLines() {
        #expect(markdown("<table><tr><th>Name</th><th>Value</th></tr><tr><td>a</td><td><b>1</b></td></tr></table>")
            == "Name | Value\n\na | **1**")
    }

    @Test func extractsPlainText() {
        #expect(HTMLConverter.plainText(fromHTML: "<h1>Title</h1><p>One&nbsp;two<br>three</p><ul><li>four</li></ul>")
            == "Title One two three four")
        #expect(HTMLConverter.plainText(fromHTML: "<p>A <a href=\"x\">link</a>.</p><script>x()</script>") == "A link.")
        #expect(HTMLConverter.plainText(fromHTML: "") == "")
        #expect(HTMLConverter.plainText(fromHTML: "no markup &amp; entity") == "no markup & entity")
    }

    @Test func handlesEmptyAndWhitespaceInput() {
        #expect(markdown("") == "")
        #expect(markdown("   \n ") == "")
        #expect(markdown("<p></p><div> </div>") == "")
    }

    @Test func convertsPlainText() {
        #expect(MarkdownWriter.markdown(fromPlainText: "Line one\n# two\n\n\n1. three <b>") == "Line one\n\\# two\n\n1\\. three \\<b\\>")
    }
}
