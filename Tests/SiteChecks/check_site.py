#!/usr/bin/env python3
"""Checks a built site the way its readers' tools see it.

- every internal link and asset reference in every HTML page resolves to a file (and anchors to an id);
- every Atom feed parses cleanly with feedparser, a real feed reader library;
- the sitemap lists every HTML page except 404.html, with absolute URLs under the base URL.

Usage: check_site.py PUBLIC_DIR BASE_URL
Prints one line per problem and a closing 'N passed, N failed' line; exits non-zero on any failure.
"""
import html.parser
import pathlib
import sys
import urllib.parse
import xml.etree.ElementTree as ET

import feedparser
import re


class PageLinks(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if name in attrs and attrs[name] is not None:
                self.links.append((tag, attrs[name]))


def target_file(public, url_path):
    path = public / url_path.lstrip("/")
    if url_path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path


def main():
    public = pathlib.Path(sys.argv[1]).resolve()
    base = sys.argv[2]
    base_path = urllib.parse.urlparse(base).path
    failures = []
    passed = 0

    pages = sorted(public.rglob("*.html"))
    parsed = {}
    for page in pages:
        parser = PageLinks()
        parser.feed(page.read_text(encoding="utf-8"))
        parsed[page] = parser

    for page, parser in parsed.items():
        relative = page.relative_to(public).as_posix()
        # 404.html is served at any path, so its links are resolved from the base URL's path.
        page_url = urllib.parse.urljoin(base, relative)
        for tag, link in parser.links:
            absolute = urllib.parse.urljoin(page_url, link)
            parts = urllib.parse.urlparse(absolute)
            if not absolute.startswith(base):
                if parts.netloc == urllib.parse.urlparse(base).netloc:
                    failures.append(f"{relative}: link {link} leaves the site's base path {base_path}")
                continue
            local = urllib.parse.unquote(parts.path[len(base_path) - 1:])
            target = target_file(public, local)
            if not target.is_file():
                failures.append(f"{relative}: broken link {link} (no {target.relative_to(public)})")
                continue
            if parts.fragment and target.suffix == ".html":
                if parts.fragment not in parsed.get(target, PageLinks()).ids:
                    failures.append(f"{relative}: link {link} names a missing anchor #{parts.fragment}")
                    continue
            passed += 1

    feeds = sorted(public.rglob("feed.xml"))
    if not feeds:
        failures.append("no feed.xml found")
    for feed in feeds:
        result = feedparser.parse(feed.read_bytes())
        relative = feed.relative_to(public).as_posix()
        if result.bozo:
            failures.append(f"{relative}: feedparser: {result.bozo_exception}")
        elif result.version != "atom10":
            failures.append(f"{relative}: expected Atom 1.0, feedparser saw {result.version!r}")
        elif any(not (entry.get("title") and entry.get("link") and entry.get("id")) for entry in result.entries):
            failures.append(f"{relative}: an entry lacks a title, link or id")
        else:
            passed += 1

    sitemap = public / "sitemap.xml"
    listed = set()
    try:
        namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        for loc in ET.parse(sitemap).getroot().findall("s:url/s:loc", namespace):
            listed.add(loc.text)
    except (OSError, ET.ParseError) as error:
        failures.append(f"sitemap.xml: {error}")
    for page in pages:
        relative = page.relative_to(public).as_posix()
        # 404.html is served at any path; a day's e-mail edition is for mailers, its web page is in the sitemap.
        if relative == "404.html" or re.fullmatch(r"daily/\d{4}-\d{2}-\d{2}/email\.html", relative):
            continue
        url = urllib.parse.urljoin(base, relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        if url in listed:
            passed += 1
        else:
            failures.append(f"sitemap.xml: {url} is missing")

    for failure in failures:
        print(failure)
    print(f"site-checks: {passed} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
