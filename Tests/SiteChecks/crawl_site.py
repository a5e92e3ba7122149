#!/usr/bin/env python3
"""Crawls a portal served over HTTP the way a reader's browser and a search engine would.

Starting at BASE_URL it fetches every page reachable by links, every asset those pages load,
every URL of the sitemap and robots.txt, and fails on:
- any response other than 200 (a missing page gets a deliberate 404 check of its own);
- a Content-Type that does not fit the file: HTML text/html, CSS text/css, scripts application/javascript
  or text/javascript, JSON application/json, Atom feeds application/atom+xml, the sitemap XML, SVG image/svg+xml;
- a link that leaves the base path on the same host, or names an anchor missing on its page;
- a page the sitemap lists that no page links to;
- a script on any page other than /search/ (everything but search works without JavaScript).

Usage: crawl_site.py BASE_URL            e.g. http://127.0.0.1:8080/portal/
Prints one line per problem and a closing 'crawl: N passed, N failed' line; exits non-zero on any failure.
"""
import collections
import html.parser
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

TIMEOUT = 10
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class Page(html.parser.HTMLParser):
    """The links, ids and scripts of one HTML page."""

    def __init__(self):
        super().__init__()
        self.links = []  # (attribute, value)
        self.ids = set()
        self.scripts = []  # (type, src)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append(("a href", attrs["href"]))
        elif tag == "link" and attrs.get("href") is not None:
            self.links.append((f"link rel={attrs.get('rel')}", attrs["href"]))
        elif tag in ("img", "source") and attrs.get("src"):
            self.links.append((f"{tag} src", attrs["src"]))
        elif tag == "form" and attrs.get("action"):
            # The header's search box is a plain GET form: without JavaScript it is a link to /search/.
            self.links.append(("form action", attrs["action"]))
        if tag == "script":
            self.scripts.append((attrs.get("type"), attrs.get("src")))
            if attrs.get("src"):
                self.links.append(("script src", attrs["src"]))
        if attrs.get("data-index"):
            self.links.append(("data-index", attrs["data-index"]))


def expected_types(path):
    """The Content-Types a file at this URL path may be served with."""
    name = path.rsplit("/", 1)[-1]
    if name == "" or name.endswith(".html"):
        return ("text/html",)
    if name == "feed.xml":
        return ("application/atom+xml",)
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    return {
        "css": ("text/css",),
        "js": ("application/javascript", "text/javascript"),
        "json": ("application/json",),
        "xml": ("application/xml", "text/xml"),
        "svg": ("image/svg+xml",),
        "txt": ("text/plain",),
    }.get(extension, ())


def fetch(url):
    """(status, content type without parameters, body bytes)."""
    request = urllib.request.Request(url, headers={"User-Agent": "briefing-crawl/1"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    base = sys.argv[1]
    if not base.endswith("/"):
        base += "/"
    host = urllib.parse.urlparse(base).netloc
    failures = []
    passed = 0

    pages = {}  # url -> Page
    referrers = collections.defaultdict(set)  # url -> pages linking to it
    anchors = []  # (page, link, url, fragment)
    queue = collections.deque([base, base + "robots.txt", base + "sitemap.xml"])
    seen = set(queue)

    def enqueue(url, source):
        if url not in seen:
            seen.add(url)
            queue.append(url)
        if source is not None:
            referrers[url].add(source)

    while queue:
        url = queue.popleft()
        status, content_type, body = fetch(url)
        path = urllib.parse.urlparse(url).path
        where = url[len(base) - 1:] if url.startswith(base) else url
        if status != 200:
            sources = sorted(referrers.get(url, ()))
            origin = sources[0][len(base) - 1:] if sources else "the start"
            failures.append(f"{where}: HTTP {status} (linked from {origin})")
            continue
        allowed = expected_types(path)
        if allowed and content_type not in allowed:
            failures.append(f"{where}: served as {content_type}, expected {' or '.join(allowed)}")
            continue
        passed += 1

        if content_type == "text/html":
            page = Page()
            page.feed(body.decode("utf-8"))
            pages[url] = page
            code = [src for kind, src in page.scripts if kind != "application/ld+json"]
            if code and path != urllib.parse.urlparse(base).path + "search/":
                failures.append(f"{where}: loads scripts {code}; only the search page should need JavaScript")
            for attribute, link in page.links:
                absolute, fragment = urllib.parse.urldefrag(urllib.parse.urljoin(url, link))
                parts = urllib.parse.urlparse(absolute)
                if parts.scheme not in ("http", "https"):
                    continue
                if not absolute.startswith(base):
                    if parts.netloc == host:
                        failures.append(f"{where}: {attribute} {link} leaves the base path")
                    continue
                target = absolute.split("?", 1)[0]
                enqueue(target, url)
                if fragment:
                    anchors.append((where, link, target, fragment))
        elif path.endswith("sitemap.xml"):
            try:
                for loc in ET.fromstring(body).findall("s:url/s:loc", SITEMAP_NS):
                    enqueue(loc.text, None)
            except ET.ParseError as error:
                failures.append(f"{where}: {error}")

    for where, link, target, fragment in anchors:
        page = pages.get(target)
        if page is not None and fragment not in page.ids:
            failures.append(f"{where}: link {link} names a missing anchor #{fragment}")
        else:
            passed += 1

    sitemap_status, _, sitemap = fetch(base + "sitemap.xml")
    listed = []
    if sitemap_status == 200:
        listed = [loc.text for loc in ET.fromstring(sitemap).findall("s:url/s:loc", SITEMAP_NS)]
    if not listed:
        failures.append("sitemap.xml lists no pages")
    for url in listed:
        linked_from = {source for source in referrers.get(url, ()) if source != url}
        if url != base and not linked_from:
            failures.append(f"{url[len(base) - 1:]}: in the sitemap, but no page links to it")
        else:
            passed += 1

    # A missing page: the server answers 404 with the portal's own not-found page, whose links work from any depth.
    missing = base + "no/such/page/"
    status, content_type, body = fetch(missing)
    text = body.decode("utf-8", "replace")
    if status != 404 or content_type != "text/html" or "Page not found" not in text:
        failures.append(f"{missing}: expected the portal's 404 page, got HTTP {status} {content_type}")
    else:
        page = Page()
        page.feed(text)
        for attribute, link in page.links:
            absolute = urllib.parse.urldefrag(urllib.parse.urljoin(missing, link))[0]
            if link.startswith("#") or not absolute.startswith(base):
                continue
            if fetch(absolute)[0] != 200:
                failures.append(f"404 page: {attribute} {link} does not work from {missing[len(base) - 1:]}")
        passed += 1

    html_pages = len(pages)
    for failure in failures:
        print(failure)
    print(f"crawled {len(seen)} URLs ({html_pages} pages) under {base}")
    print(f"crawl: {passed} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
