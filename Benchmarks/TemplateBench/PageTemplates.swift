/// The templates of the benchmark's list page: a layout with blocks, the page that extends it, a brief card
/// and a chip list, shaped like the real theme's topic page.
enum PageTemplates {
    static let layout = """
        {{! The HTML shell pages extend: blocks title, head and content. }}
        <!doctype html>
        <html lang="{{site.language}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{$title}}{{site.title}}{{/title}}</title>
        <meta name="description" content="{{page.description}}">
        <link rel="canonical" href="{{page.canonicalURL}}">
        <link rel="stylesheet" href="{{root}}assets/style.css">
        {{$head}}{{/head}}
        </head>
        <body class="page">
        <header class="site-header">
          <a class="site-header__title" href="{{root}}">{{site.title}}</a>
          <nav class="site-nav">
            {{#site.nav}}
            <a href="{{root}}{{url}}">{{label}}</a>
            {{/site.nav}}
          </nav>
        </header>
        <main id="main" class="site-main">
        {{$content}}{{/content}}
        </main>
        <footer class="site-footer"><p>{{site.footer}}</p></footer>
        </body>
        </html>

        """

    static let list = """
        {{<layout}}
        {{$title}}{{page.title}} · {{site.title}}{{/title}}
        {{$content}}
        <div class="wrap">
          <header class="page-header">
            <h1>{{page.title}}</h1>
            {{#page.description}}<p class="dek">{{.}}</p>{{/page.description}}
          </header>
          <ol class="cards">
            {{#briefs}}
            {{> brief-card}}
            {{/briefs}}
          </ol>
          {{^briefs}}
          <p class="empty">No briefs yet.</p>
          {{/briefs}}
        </div>
        {{/content}}
        {{/layout}}

        """

    static let briefCard = """
        <li class="card">
          <h3><a href="{{root}}{{url}}">{{title}}</a></h3>
          <p class="meta"><time datetime="{{date.iso}}">{{date.human}}</time></p>
          <p>{{summary}}</p>
          {{> chips}}
        </li>

        """

    static let chips = """
        <ul class="chips">
          {{#topics}}
          <li><a href="{{root}}topics/{{slug}}/">{{name}}</a></li>
          {{/topics}}
          {{#companies}}
          <li><a href="{{root}}companies/{{slug}}/">{{name}}</a></li>
          {{/companies}}
        </ul>

        """

    static let all = ["layout": layout, "list": list, "brief-card": briefCard, "chips": chips]
}
