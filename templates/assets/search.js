/*
 * Briefing — search as you type over search-index.json (shape in docs/THEMING.md).
 * No dependencies. The index is loaded by a relative URL, so search works under any sub-path.
 * Everything taken from the index reaches the page as text nodes, never as markup: briefs come from feeds.
 * Each result is a copy of the page's <template id="search-result">, so the theme, not this script, decides
 * what a result looks like: elements marked data-field="date|title|summary|topics|companies" are filled in.
 * The query and filters live in the address (?q=&topic=&company=), so results can be linked to and the
 * search box in the site header can hand a query over.
 */
(() => {
  "use strict";

  const form = document.getElementById("search");
  if (!form) return;
  const input = form.elements.namedItem("q");
  const topicSelect = form.elements.namedItem("topic");
  const companySelect = form.elements.namedItem("company");
  const status = document.getElementById("search-status");
  const results = document.getElementById("search-results");
  const browse = document.getElementById("search-browse");
  const root = form.dataset.root || "";
  const resultTemplate = document.getElementById("search-result");
  // Month names in the page's language, and the day-month-year order of the rest of the portal.
  const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || "en",
    { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const SHOWN = 50;
  const SNIPPET = 220;

  let index = null;
  let timer = 0;

  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  choose(topicSelect, params.get("topic"));
  choose(companySelect, params.get("company"));

  // Lower case without accents, so "Zhipu" finds "Zhīpǔ" and "sk hynix" finds "SK Hynix".
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  // The same folding a character at a time, remembering where each folded character came from,
  // so matches found in folded text can be marked in the original.
  function foldWithMap(text) {
    let folded = "";
    const from = [];
    for (let i = 0; i < text.length;) {
      const character = String.fromCodePoint(text.codePointAt(i));
      const part = fold(character);
      for (let k = 0; k < part.length; k++) from.push(i);
      folded += part;
      i += character.length;
    }
    from.push(text.length);
    return { folded, from };
  }

  function choose(select, value) {
    if (value && Array.from(select.options).some((option) => option.value === value)) select.value = value;
  }

  // Site-relative URLs from the index, refused unless they look like the portal's own paths.
  function href(url) {
    return typeof url === "string" && /^[\w\-./]*$/.test(url) && !url.startsWith("/") ? root + url : root;
  }

  function prepare(data) {
    const topics = Array.isArray(data.topics) ? data.topics : [];
    const companies = Array.isArray(data.companies) ? data.companies : [];
    const briefs = Array.isArray(data.briefs) ? data.briefs : [];
    const numbers = (list, table) => (Array.isArray(list) ? list : []).filter((n) => Number.isInteger(n) && table[n]);
    return {
      topics,
      companies,
      briefs: briefs.map((brief, order) => {
        const entry = {
          order,
          url: brief.u,
          title: String(brief.t || ""),
          date: String(brief.d || ""),
          summary: String(brief.s || ""),
          topics: numbers(brief.p, topics),
          companies: numbers(brief.c, companies),
        };
        entry.foldedTitle = fold(entry.title);
        entry.foldedSummary = fold(entry.summary);
        entry.foldedNames = fold(entry.topics.map((n) => topics[n].name)
          .concat(entry.companies.map((n) => companies[n].name)).join(" \u0000 "));
        return entry;
      }),
    };
  }

  function terms() {
    const words = fold(input.value).split(/[\s,;]+/).filter(Boolean);
    return Array.from(new Set(words));
  }

  function position(table, slug) {
    return slug ? table.findIndex((item) => item.slug === slug) : -1;
  }

  function wordStart(text, at) {
    return at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1]);
  }

  // How well a brief matches: the number of words found in its title, summary, topics or companies, then
  // points: title matches count most, then topic and company names, then the summary.
  function score(entry, words) {
    let found = 0;
    let points = 0;
    for (const word of words) {
      let worth = 0;
      const inTitle = entry.foldedTitle.indexOf(word);
      if (inTitle >= 0) worth += wordStart(entry.foldedTitle, inTitle) ? 4 : 3;
      if (entry.foldedNames.includes(word)) worth += 2;
      if (entry.foldedSummary.includes(word)) worth += 1;
      if (worth > 0) found += 1;
      points += worth;
    }
    return { found, points };
  }

  // Briefs with every word, best first, ties newest first. When no brief has them all,
  // the briefs with some of them, those with the most words first.
  function search() {
    if (!index) return;
    const words = terms();
    const topic = position(index.topics, topicSelect.value);
    const company = position(index.companies, companySelect.value);
    remember();
    if (words.length === 0 && topic < 0 && company < 0) {
      results.replaceChildren();
      status.textContent = `Type a word to search ${index.briefs.length} briefs, or pick a topic or a company.`;
      offerBrowsing(true);
      return;
    }
    const hits = [];
    for (const entry of index.briefs) {
      if (topic >= 0 && !entry.topics.includes(topic)) continue;
      if (company >= 0 && !entry.companies.includes(company)) continue;
      const { found, points } = score(entry, words);
      if (found > 0 || words.length === 0) hits.push({ entry, found, points });
    }
    const complete = hits.filter((hit) => hit.found === words.length);
    const shown = complete.length > 0 ? complete : hits;
    shown.sort((a, b) => b.found - a.found || b.points - a.points || a.entry.order - b.entry.order);
    results.replaceChildren(...shown.slice(0, SHOWN).map((hit) => card(hit.entry, words)));
    offerBrowsing(shown.length === 0);
    status.textContent = describe(complete.length, shown.length, words, topic, company);
  }

  function describe(complete, shown, words, topic, company) {
    const what = [];
    if (words.length) what.push(`“${input.value.trim()}”`);
    if (topic >= 0) what.push(`in ${index.topics[topic].name}`);
    if (company >= 0) what.push(`about ${index.companies[company].name}`);
    const criteria = what.join(" ");
    const more = shown > SHOWN ? ` The first ${SHOWN} are shown: add a word to narrow the search.` : "";
    const briefs = (count) => `${count} ${count === 1 ? "brief" : "briefs"}`;
    if (shown === 0) return `No briefs match ${criteria}. Try fewer or shorter words, or another topic.`;
    if (complete === 0) return `No brief matches all of ${criteria}; ${briefs(shown)} match some of the words.${more}`;
    return `${briefs(complete)} ${complete === 1 ? "matches" : "match"} ${criteria}.${more}`;
  }

  // Other ways in, under the form, while there are no results to show.
  function offerBrowsing(show) {
    if (browse) browse.hidden = !show;
  }

  // Keeps the address in step with the form, so a search can be bookmarked or shared.
  function remember() {
    const query = new URLSearchParams();
    if (input.value.trim()) query.set("q", input.value.trim());
    if (topicSelect.value) query.set("topic", topicSelect.value);
    if (companySelect.value) query.set("company", companySelect.value);
    const search = query.toString();
    try {
      window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
    } catch {
      // Some browsers refuse this for pages opened from disk; the search itself still works.
    }
  }

  function element(name, className, text) {
    const node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function humanDate(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!match) return iso;
    const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    const parts = Object.fromEntries(dateFormat.formatToParts(day).map((part) => [part.type, part.value]));
    return `${parts.day} ${parts.month} ${parts.year}`;
  }

  function card(entry, words) {
    const item = resultTemplate.content.firstElementChild.cloneNode(true);
    const field = (name) => item.querySelector(`[data-field="${name}"]`);
    const time = field("date");
    if (time) {
      time.textContent = humanDate(entry.date);
      time.dateTime = entry.date;
    }
    const link = field("title");
    if (link) {
      link.href = href(entry.url);
      marked(link, entry.title, words);
    }
    const summary = field("summary");
    if (summary) marked(summary, snippet(entry.summary, words), words);
    chips(field("topics"), entry.topics.map((n) => index.topics[n]));
    chips(field("companies"), entry.companies.map((n) => index.companies[n]));
    return item;
  }

  // A chip list's first item is the pattern for each chip; a list left empty is hidden.
  function chips(list, items) {
    if (!list || !list.firstElementChild) return;
    const pattern = list.firstElementChild;
    list.replaceChildren(...items.map((item) => {
      const chip = pattern.cloneNode(true);
      const link = chip.querySelector("a") || chip;
      link.textContent = String(item.name);
      link.href = href(item.url);
      return chip;
    }));
    list.hidden = items.length === 0;
  }

  // A long summary is cut to a window around its first match, at word boundaries.
  function snippet(text, words) {
    if (text.length <= SNIPPET) return text;
    const folded = fold(text);
    const first = Math.min(...words.map((word) => folded.indexOf(word)).filter((at) => at >= 0), Infinity);
    let start = first === Infinity || first < SNIPPET / 2 ? 0 : text.lastIndexOf(" ", first - SNIPPET / 3) + 1;
    let end = text.lastIndexOf(" ", start + SNIPPET);
    if (end <= start) end = start + SNIPPET;
    return `${start > 0 ? "…" : ""}${text.slice(start, end).trim()}${end < text.length ? " …" : ""}`;
  }

  // Appends text to a node with every occurrence of the words in <mark>.
  function marked(node, text, words) {
    const { folded, from } = foldWithMap(text);
    const ranges = [];
    for (const word of words) {
      for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) {
        ranges.push([from[at], from[at + word.length]]);
      }
    }
    ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let done = 0;
    for (const [start, end] of ranges) {
      if (end <= done) continue;
      const begin = Math.max(start, done);
      if (begin > done) node.append(document.createTextNode(text.slice(done, begin)));
      node.append(element("mark", "", text.slice(begin, end)));
      done = end;
    }
    if (done < text.length) node.append(document.createTextNode(text.slice(done)));
  }

  function failed(error) {
    status.textContent = window.location.protocol === "file:"
      ? "Search can’t read its index when the portal is opened from files on disk: browsers don’t allow it. " +
        "Serve the folder over HTTP to search (for example with “python3 -m http.server”)."
      : `Search couldn’t load its index (${error && error.message ? error.message : "unknown error"}). Reload the page to try again.`;
    offerBrowsing(true);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 80);
  });
  topicSelect.addEventListener("change", search);
  companySelect.addEventListener("change", search);

  if (!resultTemplate) {
    status.textContent = "This theme's search page has no <template id=\"search-result\">, so search cannot show its results.";
    return;
  }
  status.textContent = "Loading the search index…";
  if (!window.fetch) {
    failed(new Error("this browser cannot fetch files"));
    return;
  }
  fetch(form.dataset.index || "../search-index.json")
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    })
    .then((data) => {
      index = prepare(data);
      search();
    })
    .catch(failed);
})();
