/*
 * Briefing — search as you type over the index under search/ (its files are described in docs/THEMING.md).
 * No dependencies. The manifest comes first; a query then fetches only the term shards of its words, the
 * briefs of a topic or company it is filtered by, and one small file for each result shown. Every URL is
 * relative, so search works under any sub-path.
 * Everything taken from the index reaches the page as text nodes, never as markup: briefs come from feeds.
 * Each result is a copy of the page's <template id="search-result">, so the theme, not this script, decides
 * what a result looks like: elements marked data-field="date|title|summary|topics|companies" are filled in.
 * The query and filters live in the address (?q=&topic=&company=&year=), so results can be linked to and the
 * search box in the site header can hand a query over.
 */
(() => {
  "use strict";

  const form = document.getElementById("search");
  if (!form) return;
  const input = form.elements.namedItem("q");
  const topicSelect = form.elements.namedItem("topic");
  const companySelect = form.elements.namedItem("company");
  const yearSelect = form.elements.namedItem("year");
  const selects = [topicSelect, companySelect, yearSelect].filter(Boolean);
  const status = document.getElementById("search-status");
  const results = document.getElementById("search-results");
  const more = document.getElementById("search-more");
  const browse = document.getElementById("search-browse");
  const root = form.dataset.root || "";
  const resultTemplate = document.getElementById("search-result");
  // Month names in the page's language, and the day-month-year order of the rest of the portal.
  const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || "en",
    { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  // Results shown at first, and added by each press of "More results": each one is a file to fetch.
  const SHOWN = 10;
  const SNIPPET = 220;
  // The last word is completed as a prefix once it has this many characters ("nvi" finds "Nvidia")…
  const PREFIX_FROM = 3;
  // …as long as the shards of its completions add up to no more than this many kilobytes (before gzip).
  const PREFIX_BUDGET_KB = 48;
  const TERM_LENGTH = { min: 2, max: 40 };
  const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const DIGIT = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

  let manifest = null;
  let manifestURL = null;
  let timer = 0;
  let generation = 0;
  let ranked = null;
  let shownWords = [];
  const files = new Map();
  const postings = new Map();

  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  choose(topicSelect, params.get("topic"));
  choose(companySelect, params.get("company"));
  choose(yearSelect, params.get("year"));

  // Lower case without accents, so "Zhipu" finds "Zhīpǔ" and "sk hynix" finds "SK Hynix".
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  // The terms of a query, split as the build split the briefs (SearchTokenizer): runs of letters and
  // digits, at least two characters, at most forty.
  function termsOf(text) {
    const terms = [];
    for (const run of fold(text).split(/[^\p{L}\p{N}]+/u)) {
      const characters = Array.from(run);
      if (characters.length >= TERM_LENGTH.min) terms.push(characters.slice(0, TERM_LENGTH.max).join(""));
    }
    return Array.from(new Set(terms));
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
    if (select && value && Array.from(select.options).some((option) => option.value === value)) select.value = value;
  }

  // Site-relative URLs from the index, refused unless they look like the portal's own paths.
  function href(url) {
    return typeof url === "string" && /^[\w\-./]*$/.test(url) && !url.startsWith("/") ? root + url : root;
  }

  // ---------- the index's files

  function fetchJSON(url) {
    return fetch(url).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    });
  }

  // Each file once per page: a failed fetch is forgotten, so the next keystroke tries again.
  function file(path) {
    const url = new URL(path, manifestURL).href;
    if (!files.has(url)) {
      files.set(url, fetchJSON(url).catch((error) => {
        files.delete(url);
        throw error;
      }));
    }
    return files.get(url);
  }

  function pathOf(kind, name) {
    const pattern = manifest.paths[kind];
    return typeof pattern === "string" ? pattern.replace("{}", encodeURIComponent(name)) : "";
  }

  // A shard's file name: "t", then ASCII letters and digits as they are and every other byte as "_" and hex.
  function shardName(key) {
    let name = "t";
    for (const byte of new TextEncoder().encode(key)) {
      name += (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
        ? String.fromCharCode(byte) : "_" + byte.toString(16).padStart(2, "0");
    }
    return name;
  }

  // The shard holding a term: the one with the longest key that begins it.
  function shardOf(term) {
    let best = null;
    for (const key of manifest.keys) {
      if (term.startsWith(key) && (best === null || key.length > best.length)) best = key;
    }
    return best;
  }

  // The shards a word needs: its own, and for a prefix those of longer keys under it, if they are few enough.
  function shardsFor(word, asPrefix) {
    const keys = new Set();
    const own = shardOf(word);
    if (own !== null) keys.add(own);
    if (asPrefix) {
      const deeper = manifest.keys.filter((key) => key.length > word.length && key.startsWith(word));
      const size = deeper.reduce((sum, key) => sum + manifest.sizes[key], 0);
      if (size <= PREFIX_BUDGET_KB) deeper.forEach((key) => keys.add(key));
    }
    return Array.from(keys);
  }

  function loadShard(key) {
    return file(pathOf("terms", shardName(key))).then((data) => {
      const terms = data && typeof data.terms === "object" && data.terms ? data.terms : {};
      for (const [term, text] of Object.entries(terms)) {
        if (typeof text === "string" && !postings.has(term)) postings.set(term, text);
      }
    });
  }

  // Postings text → document numbers (ascending) and, with weights, each one's weight (1…63).
  function decode(text, withWeights) {
    const documents = [];
    const weights = [];
    let document = 0;
    let at = 0;
    while (at < text.length) {
      let number = 0;
      let digit = 0;
      do {
        digit = DIGIT[text.charCodeAt(at++)];
        if (digit === undefined || digit < 0) return { documents, weights };
        number = number * 32 + (digit & 31);
      } while (digit >= 32 && at < text.length);
      document += number;
      documents.push(document);
      if (withWeights) weights.push(Math.max(0, DIGIT[text.charCodeAt(at++)] || 0));
    }
    return { documents, weights };
  }

  const decoded = new Map();
  function postingsOf(term) {
    if (!decoded.has(term)) decoded.set(term, decode(postings.get(term) || "", true));
    return decoded.get(term);
  }

  // The documents a topic, a company or a year allows, or null when not filtered by it.
  function filterSet(kind, slug) {
    if (!slug) return Promise.resolve(null);
    return file(pathOf(kind, slug)).then((data) => new Set(decode(String(data && data.docs || ""), false).documents));
  }

  // Calls `visit` with every document number in use, newest first.
  function forEachDocument(visit) {
    const documents = manifest.documents;
    for (let k = documents.length - 1; k >= 0; k--) visit(documents[k]);
  }

  function yearRange(value) {
    const year = Number(value);
    const found = manifest.years.find((entry) => Array.isArray(entry) && entry[0] === year);
    return found ? { first: found[1], last: found[2] } : value ? { first: 0, last: -1 } : null;
  }

  // ---------- ranking

  // BM25 over the weights the build stored (term frequency and brief length already in them): each word
  // scores a brief by its best matching term, an exact term over a completion; ties go to the newer brief.
  function rank(words, prefixWord, allowed) {
    const count = manifest.count;
    // Documents are numbered in blocks per day, so numbers run up to `slots`, beyond the count of briefs.
    const slots = manifest.slots;
    const total = new Float64Array(slots);
    const found = new Uint8Array(slots);
    const touched = [];
    const terms = Array.from(postings.keys());
    for (const word of words) {
      const best = new Float64Array(slots);
      const seen = [];
      const matching = word === prefixWord ? terms.filter((term) => term.startsWith(word)) : (postings.has(word) ? [word] : []);
      for (const term of matching) {
        const { documents, weights } = postingsOf(term);
        const df = documents.length;
        const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
        const factor = idf * (term === word ? 1 : 0.8) / 63;
        for (let k = 0; k < documents.length; k++) {
          const document = documents[k];
          if (document >= slots || !allowed(document)) continue;
          const score = factor * weights[k];
          if (best[document] === 0) seen.push(document);
          if (score > best[document]) best[document] = score;
        }
      }
      for (const document of seen) {
        if (found[document] === 0) touched.push(document);
        total[document] += best[document];
        found[document] += 1;
      }
    }
    const complete = touched.filter((document) => found[document] === words.length);
    const shown = complete.length > 0 ? complete : touched;
    shown.sort((a, b) => found[b] - found[a] || total[b] - total[a] || b - a);
    return { complete: complete.length, documents: shown };
  }

  // ---------- searching

  async function search() {
    if (!manifest) return;
    const run = ++generation;
    const value = input.value;
    const words = termsOf(value);
    const last = words[words.length - 1];
    // The last word is still being typed unless a space or punctuation follows it.
    const prefixWord = last && !/[^\p{L}\p{N}]$/u.test(fold(value)) && Array.from(last).length >= PREFIX_FROM ? last : null;
    const topic = topicSelect.value;
    const company = companySelect.value;
    const year = yearSelect ? yearSelect.value : "";
    remember();
    if (words.length === 0 && !topic && !company && !year) {
      results.replaceChildren();
      if (more) more.hidden = true;
      status.textContent = `Type a word to search ${manifest.count} briefs, or pick a topic, a company or a year.`;
      offerBrowsing(true);
      return;
    }
    let topics, companies;
    try {
      [topics, companies] = await Promise.all([
        filterSet("topics", topic),
        filterSet("companies", company),
        ...Array.from(new Set(words.flatMap((word) => shardsFor(word, word === prefixWord)))).map(loadShard),
      ]);
    } catch (error) {
      if (run === generation) failed(error);
      return;
    }
    if (run !== generation) return;
    const dataAt = performance.now();
    const years = year ? yearRange(year) : null;
    const allowed = (document) => (!years || (document >= years.first && document <= years.last)) &&
      (!topics || topics.has(document)) && (!companies || companies.has(document));
    if (words.length > 0) {
      ranked = rank(words, prefixWord, allowed);
    } else {
      // Filters alone: every brief they allow, newest first.
      const documents = [];
      const listed = topics || companies;
      if (listed) {
        for (const document of Array.from(listed).sort((a, b) => b - a)) if (allowed(document)) documents.push(document);
      } else {
        forEachDocument((document) => { if (allowed(document)) documents.push(document); });
      }
      ranked = { complete: documents.length, documents };
    }
    performance.measure("search-rank", { start: dataAt, end: performance.now() });

    shownWords = words;
    if (!(await show(run, true))) return;
    offerBrowsing(ranked.documents.length === 0);
    status.textContent = describe(ranked.complete, ranked.documents.length, words, topic, company, year);
  }

  // Shows the first results (`fresh`) or the next ones: fetches their files, then fills a copy of the template
  // for each. False when a newer search has started meanwhile.
  async function show(run, fresh) {
    const from = fresh ? 0 : results.children.length;
    const numbers = ranked.documents.slice(from, from + SHOWN);
    let documents;
    try {
      documents = await Promise.all(numbers.map((n) => file(pathOf("docs", String(n)))));
    } catch (error) {
      if (run === generation) failed(error);
      return false;
    }
    if (run !== generation) return false;
    const shownAt = performance.now();
    const cards = documents.map((doc) => card(doc, shownWords));
    if (fresh) results.replaceChildren(...cards); else results.append(...cards);
    if (more) more.hidden = results.children.length >= ranked.documents.length;
    performance.measure("search-render", { start: shownAt, end: performance.now() });
    return true;
  }

  function describe(complete, shown, words, topic, company, year) {
    const what = [];
    if (words.length) what.push(`“${input.value.trim()}”`);
    if (topic) what.push(`in ${nameOf(manifest.topics, topic)}`);
    if (company) what.push(`about ${nameOf(manifest.companies, company)}`);
    if (year) what.push(`from ${year}`);
    const criteria = what.join(" ");
    const briefs = (count) => `${count} ${count === 1 ? "brief" : "briefs"}`;
    if (shown === 0) return `No briefs match ${criteria}. Try fewer or shorter words, or another topic.`;
    if (complete === 0) return `No brief matches all of ${criteria}; ${briefs(shown)} match some of the words.`;
    return `${briefs(complete)} ${complete === 1 ? "matches" : "match"} ${criteria}.`;
  }

  function nameOf(table, slug) {
    const found = table.find((item) => item.slug === slug);
    return found ? String(found.name) : slug;
  }

  // Other ways in, under the form, while there are no results to show.
  function offerBrowsing(show) {
    if (browse) browse.hidden = !show;
  }

  // Keeps the address in step with the form, so a search can be bookmarked or shared.
  function remember() {
    const query = new URLSearchParams();
    if (input.value.trim()) query.set("q", input.value.trim());
    for (const select of selects) if (select.value) query.set(select.name, select.value);
    const search = query.toString();
    try {
      window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
    } catch {
      // Some browsers refuse this for pages opened from disk; the search itself still works.
    }
  }

  // ---------- results

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

  function card(doc, words) {
    const item = resultTemplate.content.firstElementChild.cloneNode(true);
    const field = (name) => item.querySelector(`[data-field="${name}"]`);
    const title = String(doc.title || "");
    const date = String(doc.date || "");
    const time = field("date");
    if (time) {
      time.textContent = humanDate(date);
      time.dateTime = date;
    }
    const link = field("title");
    if (link) {
      link.href = href(doc.url);
      marked(link, title, words);
    }
    const summary = field("summary");
    if (summary) marked(summary, snippet(String(doc.summary || ""), String(doc.text || ""), words), words);
    chips(field("topics"), slugs(doc.topics).map((slug) => manifest.topics.find((topic) => topic.slug === slug)).filter(Boolean));
    chips(field("companies"), slugs(doc.companies).map((slug) => manifest.companies.find((company) => company.slug === slug)).filter(Boolean));
    return item;
  }

  function slugs(list) {
    return Array.isArray(list) ? list.filter((slug) => typeof slug === "string") : [];
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

  // Where a word of the query begins a word of the folded text, the earliest of them; -1 when none does.
  function firstMatch(folded, words) {
    let first = -1;
    for (const word of words) {
      for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
        if (wordStart(folded, at)) {
          if (first < 0 || at < first) first = at;
          break;
        }
      }
    }
    return first;
  }

  function wordStart(text, at) {
    return at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1]);
  }

  // The summary, unless only the body holds the words: then the body's passage around the first of them.
  function snippet(summary, text, words) {
    const source = words.length === 0 || firstMatch(fold(summary), words) >= 0 || firstMatch(fold(text), words) < 0 ? summary : text;
    if (source.length <= SNIPPET) return source;
    const first = firstMatch(fold(source), words);
    const start = first < 0 || first < SNIPPET / 2 ? 0 : source.lastIndexOf(" ", first - SNIPPET / 3) + 1;
    let end = source.lastIndexOf(" ", start + SNIPPET);
    if (end <= start) end = start + SNIPPET;
    return `${start > 0 ? "…" : ""}${source.slice(start, end).trim()}${end < source.length ? " …" : ""}`;
  }

  // Appends text to a node with every word of the query that begins a word of the text in <mark>.
  function marked(node, text, words) {
    const { folded, from } = foldWithMap(text);
    const ranges = [];
    for (const word of words) {
      for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) {
        if (wordStart(folded, at)) ranges.push([from[at], from[at + word.length]]);
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

  // The manifest, checked: what the rest of the script relies on is there and of the right kind.
  function prepare(data) {
    const shards = data && typeof data.shards === "object" && data.shards ? data.shards : {};
    const table = (list) => (Array.isArray(list) ? list : []).filter((item) => item && typeof item.slug === "string");
    return {
      count: Number.isInteger(data.count) ? data.count : 0,
      slots: Number.isInteger(data.slots) ? data.slots : 0,
      perDay: Number.isInteger(data.perDay) && data.perDay > 0 ? data.perDay : 1,
      documents: decode(String(data.documents || ""), false).documents,
      years: Array.isArray(data.years) ? data.years : [],
      topics: table(data.topics),
      companies: table(data.companies),
      paths: data.paths && typeof data.paths === "object" ? data.paths : {},
      keys: Object.keys(shards),
      sizes: Object.fromEntries(Object.entries(shards).map(([key, size]) => [key, Number(size) || 0])),
    };
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 80);
  });
  for (const select of selects) select.addEventListener("change", search);
  if (more) more.addEventListener("click", () => { if (ranked) show(generation, false); });

  if (!resultTemplate) {
    status.textContent = "This theme's search page has no <template id=\"search-result\">, so search cannot show its results.";
    return;
  }
  status.textContent = "Loading the search index…";
  if (!window.fetch) {
    failed(new Error("this browser cannot fetch files"));
    return;
  }
  try {
    manifestURL = new URL(form.dataset.index || "../search/manifest.json", window.location.href).href;
  } catch (error) {
    failed(error);
    return;
  }
  fetchJSON(manifestURL)
    .then((data) => {
      manifest = prepare(data);
      search();
    })
    .catch(failed);
})();
