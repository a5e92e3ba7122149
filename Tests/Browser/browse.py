#!/usr/bin/env python3
"""Reads the portal in a real browser: Debian's headless Chromium, driven by Selenium.

Like a reader, it starts on the home page and follows links: a brief, a topic (and its second page),
a company, the timeline down to a month, the search page (typing into the header's search box and
then into the search form: the brief's title, a prefix, a word only its body holds, with topic,
company and year filters), and a missing page. On each page it asserts the key content, fails on
any error in the browser console, runs axe-core and fails on serious or critical violations, checks
that nothing scrolls sideways on a 375 px phone, and saves screenshots at 1280×800 and 375×812 (the daily e-mail edition at 600 px)
(the viewport, and the full page as NAME-*-full.png) into the screenshots folder. The brief is also
printed to PDF with the print stylesheet.

Usage: browse.py BASE_URL [--screenshots DIR]     (DIR defaults to artifacts/screenshots)
Prints one line per failure and a closing 'browser: N passed, N failed' line; exits non-zero on any failure.
"""
import argparse
import base64
import json
import pathlib
import re
import shutil
import sys
import time

import importlib.util
from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

# axe-core 4.12 as the plain axe.min.js that PyPI's axe-playwright-python wheel carries (installed with
# --no-deps: only the file is used, so the package, which would want Playwright, is never imported).
AXE_SCRIPT = (pathlib.Path(importlib.util.find_spec("axe_playwright_python").submodule_search_locations[0])
              / "axe.min.js").read_text(encoding="utf-8")

DESKTOP = (1280, 800)
PHONE = (375, 812)
# The width mail clients give a message: the e-mail edition is laid out for it.
EMAIL = (600, 900)
BLOCKING_IMPACTS = ("serious", "critical")


class Browser:
    def __init__(self, base, screenshots):
        self.base = base
        self.screenshots = screenshots
        self.passed = 0
        self.failures = []
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        # --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--hide-scrollbars", "--disable-extensions", f"--window-size={DESKTOP[0]},{DESKTOP[1]}"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(options=options, service=service)
        self.driver.set_script_timeout(60)
        self.viewport(*DESKTOP)

    # ---------- reporting

    def check(self, condition, what):
        if condition:
            self.passed += 1
        else:
            self.failures.append(what)
            print(f"FAIL {what}")
        return condition

    # ---------- driving

    def viewport(self, width, height):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600,
        })

    def open(self, path):
        self.driver.get(self.base + path)
        self.settle()

    def settle(self):
        WebDriverWait(self.driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def one(self, selector):
        found = self.driver.find_elements(By.CSS_SELECTOR, selector)
        return found[0] if found else None

    def all(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def text(self, selector):
        element = self.one(selector)
        return element.text.strip() if element else ""

    def follow(self, selector):
        """Clicks a link as a reader would and returns the text that was clicked."""
        link = self.one(selector)
        if not self.check(link is not None, f"{self.here()}: no link {selector} to follow"):
            raise RuntimeError(f"cannot continue without {selector}")
        label = link.text.strip()
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link)
        before = self.driver.current_url
        link.click()
        # Until the browser leaves the old page, that page still reads as loaded: wait for the address to change.
        self.wait_for(lambda: self.driver.current_url != before, seconds=10)
        self.settle()
        return label

    def here(self):
        url = self.driver.current_url
        return url[len(self.base) - 1:] if url.startswith(self.base) else url

    # ---------- what every page gets

    def common(self, name, searchable=False):
        """Console, scripts, landmarks, axe, phone width and screenshots for the page now open."""
        where = self.here()
        driver = self.driver
        self.check(driver.title.strip() != "", f"{where}: empty <title>")
        self.check(driver.execute_script("return document.documentElement.lang") != "", f"{where}: no lang on <html>")
        for landmark in ("header.masthead", "nav[aria-label='Main']", "main#main", "footer.site-footer", "a.skip-link[href='#main']"):
            self.check(self.one(landmark) is not None, f"{where}: missing {landmark}")
        if not searchable:
            scripts = driver.execute_script(
                "return [...document.scripts].filter(s => s.type !== 'application/ld+json').length")
            self.check(scripts == 0, f"{where}: runs {scripts} scripts; only search should need JavaScript")
        self.axe(where)
        self.console(where)
        self.shoot(name, *DESKTOP)
        self.viewport(*PHONE)
        time.sleep(0.1)
        width = driver.execute_script("return document.documentElement.scrollWidth")
        self.check(width <= PHONE[0], f"{where}: scrolls sideways on a phone ({width} px wide at {PHONE[0]} px)")
        self.shoot(name, *PHONE)
        self.viewport(*DESKTOP)

    def console(self, where):
        errors = [entry for entry in self.driver.get_log("browser") if entry.get("level") == "SEVERE"]
        for entry in errors:
            print(f"  console: {entry.get('message')}")
        self.check(not errors, f"{where}: {len(errors)} errors in the browser console")

    def axe(self, where):
        self.driver.execute_script(AXE_SCRIPT)
        violations = self.driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ["violations"] })
              .then(results => done(results.violations), error => done([{ id: "axe-error", impact: "critical",
                help: String(error), helpUrl: "", nodes: [] }]));
        """)
        blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
        for violation in violations:
            marker = "  axe" if violation in blocking else "  axe (note)"
            print(f"{marker} {where}: {violation['impact']} {violation['id']}: {violation['help']} {violation['helpUrl']}")
            for node in violation.get("nodes", [])[:5]:
                summary = (node.get("failureSummary") or "").replace("\n", " ")
                print(f"      {' '.join(map(str, node.get('target', [])))} — {summary}")
        self.check(not blocking, f"{where}: {len(blocking)} serious or critical accessibility violations (axe-core)")

    def shoot(self, name, width, height):
        if self.screenshots is None:
            return
        size = "desktop" if width == DESKTOP[0] else "phone"
        self.driver.save_screenshot(str(self.screenshots / f"{name}-{size}.png"))
        full = self.driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": max(full, height), "scale": 1},
        })
        (self.screenshots / f"{name}-{size}-full.png").write_bytes(base64.b64decode(shot["data"]))

    # ---------- the pages

    def home(self):
        self.open("")
        where = self.here()
        site = self.one("meta[property='og:site_name']").get_attribute("content")
        self.check(self.driver.title == site, f"{where}: title {self.driver.title!r} is not the site's name {site!r}")
        self.check(self.text("#latest-heading").lower() == "latest briefs", f"{where}: no 'Latest briefs' section")
        cards = self.all(".card-list--lead .card")
        self.check(len(cards) >= 3, f"{where}: {len(cards)} brief cards on the home page")
        # A brief about no topic and no company (the example has one, labelled so) has no chips; the others do.
        self.check(sum(1 for card in cards if card.find_elements(By.CSS_SELECTOR, ".chip")) >= len(cards) - 1,
                   f"{where}: brief cards without chips")
        self.check(all(chip.get_attribute("href") for chip in self.all(".card-list--lead .card .chip")), f"{where}: a chip that is no link")
        self.check(len(self.all("link[rel='alternate'][type='application/atom+xml']")) >= 1, f"{where}: no feed autodiscovery link")
        # The first Tab reaches the skip link, which shows itself with a visible focus ring.
        self.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        focused = self.driver.switch_to.active_element
        self.check("skip-link" in (focused.get_attribute("class") or ""), f"{where}: Tab does not reach the skip link first")
        style = self.driver.execute_script(
            "const s = getComputedStyle(arguments[0]); const r = arguments[0].getBoundingClientRect();"
            "return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth), top: r.top}", focused)
        self.check(style["outline"] != "none" and style["width"] >= 2 and style["top"] >= 0,
                   f"{where}: the focused skip link has no visible focus ring or stays off screen ({style})")
        self.common("home")
        return cards[0].find_element(By.CSS_SELECTOR, ".card__title a").text.strip()

    def brief(self, title):
        clicked = self.follow(".card-list--lead .card__title a")
        where = self.here()
        self.check(self.text("h1") == clicked == title, f"{where}: heading {self.text('h1')!r} is not the brief clicked ({clicked!r})")
        crumbs = self.all("nav.breadcrumbs li")
        self.check(len(crumbs) >= 2 and self.one("nav.breadcrumbs [aria-current='page']") is not None,
                   f"{where}: no breadcrumb trail")
        self.check(len(self.all(".brief__header .chip--topic")) >= 1, f"{where}: no topic chips")
        self.check(len(self.all(".brief__header .chip--company")) >= 1, f"{where}: no company chips")
        self.check(len(self.all(".related .card")) >= 1, f"{where}: no related briefs")
        self.check(len(self.all(".pager a[rel='prev'], .pager a[rel='next']")) >= 1, f"{where}: no previous/next brief links")
        self.check(self.one("meta[property='og:type']").get_attribute("content") == "article", f"{where}: og:type is not article")
        canonical = self.one("link[rel='canonical']").get_attribute("href")
        self.check(canonical == self.driver.current_url, f"{where}: canonical URL {canonical} is not this page")
        scripts = self.all("script[type='application/ld+json']")
        data = json.loads(scripts[0].get_attribute("textContent")) if scripts else {}
        self.check(data.get("@type") == "NewsArticle" and data.get("headline") == title,
                   f"{where}: no NewsArticle JSON-LD with the brief's headline")
        # Kept for search: words only this brief's body may hold.
        self.brief_prose = self.text(".prose")
        self.brief_header = self.text(".brief__header")
        self.common("brief")
        self.print_brief(where)

    def print_brief(self, where):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        hidden = self.driver.execute_script(
            "return ['.site-nav', '.breadcrumbs', '.pager'].every(s => !document.querySelector(s) ||"
            " getComputedStyle(document.querySelector(s)).display === 'none')")
        shown = self.driver.execute_script("return getComputedStyle(document.querySelector('.prose')).display !== 'none'")
        self.check(hidden and shown, f"{where}: the print stylesheet does not keep the brief and drop the navigation")
        if self.screenshots is not None:
            pdf = self.driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})
            (self.screenshots / "brief-print.pdf").write_bytes(base64.b64decode(pdf["data"]))
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    def topic(self):
        self.follow("nav[aria-label='Main'] a[href$='topics/']")
        where = self.here()
        tiles = self.all(".tile")
        self.check(len(tiles) >= 1 and all(tile.find_elements(By.CSS_SELECTOR, ".stat__value") for tile in tiles),
                   f"{where}: topics without brief counts")
        self.common("topics")
        # The topic with the most briefs, so its pages are likely to be paginated.
        counts = [int(tile.find_element(By.CSS_SELECTOR, ".stat__value").text) for tile in tiles]
        most = counts.index(max(counts))
        clicked = self.follow(f".tile:nth-child({most + 1}) .tile__title a")
        where = self.here()
        self.check(self.text("h1") == clicked, f"{where}: heading {self.text('h1')!r} is not the topic clicked ({clicked!r})")
        cards = self.all(".card-list .card")
        count = int(self.text(".page-header .stat__value") or 0)
        self.check(count == max(counts), f"{where}: says {count} briefs, the topic index said {max(counts)}")
        feeds = self.all("link[rel='alternate'][type='application/atom+xml']")
        self.check(len(feeds) == 2, f"{where}: {len(feeds)} feed links; expected the site's and the topic's")
        self.common("topic")
        if count > len(cards):
            self.check(self.one("head link[rel='next']") is not None, f"{where}: paginated, but no <link rel=next>")
            self.follow(".pagination a[rel='next']")
            where = self.here()
            self.check("/page/2/" in where, f"{where}: rel=next does not lead to page 2")
            self.check(self.one(".pagination a[rel='prev']") is not None and self.one("head link[rel='prev']") is not None,
                       f"{where}: page 2 does not link back with rel=prev")
            self.check(len(self.all(".card-list .card")) >= 1, f"{where}: page 2 lists no briefs")
            self.common("topic-page-2")

    def company(self):
        self.follow("nav[aria-label='Main'] a[href$='companies/']")
        where = self.here()
        rows = self.all("table.directory tbody tr")
        self.check(len(rows) >= 1, f"{where}: no companies listed")
        self.common("companies")
        counts = [int(row.find_element(By.CSS_SELECTOR, "td.num").text) for row in rows]
        most = counts.index(max(counts))
        clicked = self.follow(f"table.directory tbody tr:nth-child({most + 1}) th a")
        where = self.here()
        self.check(self.text("h1").startswith(clicked), f"{where}: heading {self.text('h1')!r} is not the company clicked ({clicked!r})")
        self.check(len(self.all(".company-layout__timeline .event")) >= 1, f"{where}: no latest events")
        self.check(len(self.all("link[rel='alternate'][type='application/atom+xml']")) == 2, f"{where}: no company feed link")
        self.common("company")
        # The busiest company's briefs run over pages: following "Next" to the end shows each brief once.
        # The company's own briefs, not those that only mention it ("Also mentioned in", on the first page).
        own = "section[aria-labelledby='briefs-heading'] .card .card__title"
        titles = [card.text for card in self.all(own)]
        pages = 1
        while self.one(".pagination a[rel='next']") is not None and pages < 20:
            self.follow(".pagination a[rel='next']")
            pages += 1
            titles += [card.text for card in self.all(own)]
            self.check(self.one("link[rel='prev']") is not None, f"{self.here()}: a later page without rel=prev in its head")
        self.check(len(titles) == max(counts) and len(set(titles)) == len(titles),
                   f"{where}: {len(titles)} briefs over {pages} pages, the index said {max(counts)}")
        if pages > 1:
            self.common("company-page-last")
        self.driver.get(self.base + where.lstrip("/"))
        self.settle()
        self.follow(".company-layout__timeline .more-links a")
        where = self.here()
        self.check(where.endswith("/timeline/"), f"{where}: the full-timeline link leads elsewhere")
        self.check(len(self.all(".timeline .event")) >= 1, f"{where}: a company timeline without events")
        self.common("company-timeline")

    def stories(self):
        self.follow("nav[aria-label='Main'] a[href$='stories/']")
        where = self.here()
        tiles = self.all(".tile-grid .tile")
        self.check(len(tiles) >= 1, f"{where}: no stories listed")
        self.common("stories")
        clicked = self.follow(".tile-grid .tile .tile__title a")
        where = self.here()
        self.check(self.text("h1") == clicked, f"{where}: heading {self.text('h1')!r} is not the story clicked ({clicked!r})")
        self.check(len(self.all(".card-list .card")) >= 1, f"{where}: a story without briefs")
        self.check(len(self.all("link[rel='alternate'][type='application/atom+xml']")) == 2, f"{where}: no story feed link")
        self.common("story")
        # A brief of the story says it is part of it.
        self.follow(".card-list .card .card__title a")
        where = self.here()
        self.check(any(clicked in link.text for link in self.all(".part-of a")), f"{where}: does not say it is part of “{clicked}”")

    def timeline(self):
        self.follow("nav[aria-label='Main'] a[href$='timeline/']")
        where = self.here()
        self.check(len(self.all(".year-block")) >= 1 and len(self.all(".month-tile")) >= 1, f"{where}: no years and months")
        self.common("timeline")
        # The busiest month, as a reader looking for the most happening would pick.
        tiles = self.all(".month-tile")
        counts = [int(tile.find_element(By.CSS_SELECTOR, ".month-tile__count").text.split()[-1]) for tile in tiles]
        busiest = counts.index(max(counts))
        self.driver.execute_script("arguments[0].click()", tiles[busiest])
        self.settle()
        where = self.here()
        groups = self.all(".timeline__group")
        events = self.all(".timeline .event")
        self.check(len(groups) >= 1 and len(events) == max(counts),
                   f"{where}: {len(groups)} day groups and {len(events)} events; the timeline said {max(counts)} events")
        self.check(all(group.find_elements(By.CSS_SELECTOR, ".timeline__heading") for group in groups), f"{where}: a day group without a heading")
        self.check(len(self.all(".timeline__heading time")) >= 1, f"{where}: no events grouped under a day")
        self.common("timeline-month")
        self.follow("nav.breadcrumbs li:nth-child(3) a")
        where = self.here()
        self.check(len(self.all(".timeline__group")) >= 1 and self.one(".jump-nav a") is not None, f"{where}: a year page without months")
        self.common("timeline-year")

    def daily(self):
        self.open("")
        self.follow("a.daily-latest")
        where = self.here()
        self.check(self.one("h1 time") is not None, f"{where}: the day's heading has no date")
        self.check(len(self.all(".daily-group .card")) >= 1, f"{where}: a day without briefs")
        self.check(all(group.find_elements(By.CSS_SELECTOR, ".section-label") for group in self.all(".daily-group")),
                   f"{where}: a topic group without a heading")
        self.common("daily")
        # The e-mail edition as a mail client shows it: 600 px wide, nothing to scroll sideways, no scripts.
        self.follow("a[href$='email.html']")
        where = self.here()
        self.check(self.driver.execute_script("return document.scripts.length") == 0, f"{where}: the e-mail edition runs scripts")
        self.axe(where)
        # A message names no icon (no <link>), so the browser asks for /favicon.ico: that miss is the browser's own.
        errors = [entry for entry in self.driver.get_log("browser")
                  if entry.get("level") == "SEVERE" and "favicon.ico" not in entry.get("message", "")]
        self.check(not errors, f"{where}: {len(errors)} errors in the browser console")
        self.viewport(*EMAIL)
        time.sleep(0.1)
        width = self.driver.execute_script("return document.documentElement.scrollWidth")
        self.check(width <= EMAIL[0], f"{where}: the e-mail edition is {width} px wide at {EMAIL[0]} px")
        if self.screenshots is not None:
            self.driver.save_screenshot(str(self.screenshots / "daily-email-600.png"))
            full = self.driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
            shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": EMAIL[0], "height": max(full, EMAIL[1]), "scale": 1},
            })
            (self.screenshots / "daily-email-600-full.png").write_bytes(base64.b64decode(shot["data"]))
        self.viewport(*DESKTOP)

    def search(self, title):
        self.open("")
        box = self.one("#site-search-q")
        box.send_keys("nvidia", Keys.ENTER)
        # The old page is still "complete" until the browser leaves it: wait for the new address, not the old page.
        self.wait_for(lambda: "/search/?q=nvidia" in self.here(), seconds=15)
        self.settle()
        where = self.here()
        self.check("/search/?q=nvidia" in where, f"{where}: the header's search box did not open /search/?q=nvidia")
        results = self.results()
        self.check(len(results) >= 1, f"{where}: no results for 'nvidia'")
        marks = self.driver.execute_script("return [...document.querySelectorAll('#search-results mark')].map(m => m.textContent)")
        self.check(any(mark.lower() == "nvidia" for mark in marks), f"{where}: 'nvidia' is not highlighted in the results")
        # Typing part of the brief's title finds that brief first.
        words = " ".join(title.split()[:4])
        field = self.one("#search-q")
        field.clear()
        field.send_keys(words)
        found = self.results(lambda titles: titles and titles[0] == title)
        self.check(found and found[0] == title, f"{where}: typing {words!r} does not find {title!r} first (got {found[:3]})")
        self.check("q=" in self.driver.current_url, f"{where}: the address does not keep the query")
        # The last word is matched as a prefix while it is being typed, and marked where it begins a word.
        field.clear()
        field.send_keys("nvid")
        self.results(lambda titles: "“nvid”" in self.text("#search-status"))
        marks = self.driver.execute_script("return [...document.querySelectorAll('#search-results mark')].map(m => m.textContent)")
        self.check(any(mark.lower() == "nvid" for mark in marks), f"{where}: typing 'nvid' does not find and mark Nvidia ({marks[:5]})")
        self.body_word(where, title)
        # A filter keeps only the briefs on its topic, naming its company, or from its year.
        field.clear()
        self.filter(where, "#search-topic", "topics", "in")
        self.filter(where, "#search-company", "companies", "about")
        self.year_filter(where)
        field.send_keys("nvidia")
        self.results(lambda titles: "“nvidia”" in self.text("#search-status"))
        self.common("search", searchable=True)

    def body_word(self, where, title):
        """A word found only in the body of the brief read earlier finds that brief, with the word marked in its snippet."""
        field = self.one("#search-q")
        header = self.brief_header.lower()
        candidates = sorted({word for word in re.findall(r"[A-Za-z]{9,}", self.brief_prose) if word.lower() not in header},
                            key=lambda word: (-len(word), word))
        for word in candidates[:8]:
            field.clear()
            field.send_keys(word + " ")
            status = self.wait_for(lambda: (lambda text: text if f"“{word}”" in text else None)(self.text("#search-status")))
            match = re.match(r"(\d+) briefs? match", status or "")
            if not match or int(match.group(1)) > 20:
                continue  # the word is in too many briefs to be sure this one is shown
            cards = self.driver.execute_script("""
                return [...document.querySelectorAll('#search-results .card')].map(card => ({
                  title: card.querySelector('.card__title a').textContent.trim(),
                  marks: [...card.querySelectorAll('[data-field="summary"] mark')].map(m => m.textContent.toLowerCase()),
                }));""")
            found = [card for card in cards if card["title"] == title]
            self.check(bool(found), f"{where}: the body word {word!r} does not find {title!r} (got {[c['title'] for c in cards][:3]})")
            self.check(bool(found) and word.lower() in found[0]["marks"], f"{where}: the snippet for {word!r} does not mark it")
            return
        self.check(False, f"{where}: no word of the brief's body is rare enough to test body search ({candidates[:8]})")

    def year_filter(self, where):
        """Picks the first year: every result is dated in it."""
        select = Select(self.one("#search-year"))
        select.select_by_index(1)
        year = select.first_selected_option.get_attribute("value")

        def filtered():
            dates = self.driver.execute_script(
                "return [...document.querySelectorAll('#search-results time')].map(t => t.getAttribute('datetime'))")
            return dates if dates and f"from {year}" in self.text("#search-status") else None
        dates = self.wait_for(filtered)
        self.check(dates and all(date.startswith(year) for date in dates), f"{where}: filtering by {year} shows briefs of other years")
        select.select_by_index(0)

    def filter(self, where, selector, chips, phrase):
        """Picks the first choice of a filter, checks every result carries it, and puts the filter back."""
        select = Select(self.one(selector))
        select.select_by_index(1)
        name = select.first_selected_option.text.rsplit(" (", 1)[0]

        def filtered():
            cards = self.cards()
            return cards if cards and f"{phrase} {name}" in self.text("#search-status") else None
        shown = self.wait_for(filtered)
        self.check(shown and all(name in card[chips] for card in shown), f"{where}: filtering by {name!r} shows briefs without it")
        select.select_by_index(0)

    def cards(self):
        """The search results as the script wrote them, read in one go: it may rewrite them at any keystroke."""
        return self.driver.execute_script("""
            return [...document.querySelectorAll('#search-results .card')].map(card => ({
              title: card.querySelector('.card__title a').textContent.trim(),
              topics: [...card.querySelectorAll('.chip--topic')].map(chip => chip.textContent.trim()),
              companies: [...card.querySelectorAll('.chip--company')].map(chip => chip.textContent.trim()),
            }));""")

    def results(self, done=None):
        """Titles of the search results, once the script has written them (and `done` accepts them)."""
        def ready():
            titles = [card["title"] for card in self.cards()]
            return titles if titles and (done is None or done(titles)) else None
        return self.wait_for(ready) or []

    def wait_for(self, condition, seconds=5):
        try:
            return WebDriverWait(self.driver, seconds).until(lambda _: condition())
        except TimeoutException:
            return None

    def not_found(self):
        self.open("no/such/page/")
        where = self.here()
        self.check("find that page" in self.text("h1"), f"{where}: not the portal's 404 page")
        paper = self.driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        self.check(paper == "rgb(251, 250, 247)", f"{where}: the stylesheet did not load at this depth ({paper})")
        self.driver.get_log("browser")  # the 404 of the document itself is expected
        self.common("not-found")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the portal's address, e.g. http://127.0.0.1:8080/portal/")
    parser.add_argument("--screenshots", default="artifacts/screenshots", help="folder for screenshots ('' for none)")
    arguments = parser.parse_args()
    base = arguments.base if arguments.base.endswith("/") else arguments.base + "/"
    screenshots = None
    if arguments.screenshots:
        screenshots = pathlib.Path(arguments.screenshots)
        screenshots.mkdir(parents=True, exist_ok=True)
        for old in list(screenshots.glob("*.png")) + list(screenshots.glob("*.pdf")):
            old.unlink()

    browser = Browser(base, screenshots)
    try:
        title = browser.home()
        browser.brief(title)
        browser.topic()
        browser.company()
        browser.timeline()
        browser.stories()
        browser.daily()
        browser.search(title)
        browser.not_found()
    except (RuntimeError, WebDriverException) as error:
        browser.check(False, f"{browser.here()}: stopped: {error}")
    finally:
        browser.driver.quit()

    if screenshots is not None:
        print(f"screenshots in {screenshots}/")
    print(f"browser: {browser.passed} passed, {len(browser.failures)} failed")
    sys.exit(1 if browser.failures else 0)


if __name__ == "__main__":
    main()
