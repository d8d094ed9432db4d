/* Search with Pagefind, loaded only on this page and only from this site. Results are
   labelled with their kind (article paragraph, entity, term, event, figure, editor's note,
   from Pagefind metadata), and can be narrowed to one kind. Without JavaScript
   this page lists the entity and glossary indexes instead (its <noscript>). */
const box = document.getElementById("search");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const kinds = document.getElementById("search-kinds");
const suggest = document.getElementById("search-suggest");
const more = document.getElementById("search-more");
let pagefind = null;
let kind = "";  // "" = every kind
let run = 0;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const SHOWN = 10;  // results listed at first, and added by "More results" (each loads its own file)
let shown = SHOWN;
let kindOf = null;  // a result -> its kind ("Entity", "Article paragraph"...), from the bundle's kinds.json
let names = {};  // the entities' and terms' names -> their pages, from kinds.json
let listed = null;  // the search shown: {query, shownFor, matching}, which "More results" goes on with

// Pagefind has no typo tolerance: "Renalt" finds nothing. The closest name of the notes (the
// whole query, or one word of a name: "Ghson" -> Carlos Ghosn) within one edit (two for
// eight letters or more; a swap of neighbours is one) is offered first.
function edits(a, b) {  // Damerau-Levenshtein (optimal string alignment)
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function suggestion(query) {
  const q = query.toLowerCase();
  const allowed = q.length >= 8 ? 2 : q.length >= 4 ? 1 : 0;
  let best = null;
  for (const [name, target] of Object.entries(names)) {
    for (const part of [name, ...name.split(/\s+/)]) {
      const distance = edits(q, part.toLowerCase());
      if (distance === 0) return null;  // a name as it is written: nothing to correct
      if (distance <= allowed && (!best || distance < best.distance)) best = { name, target, distance, part };
    }
  }
  return best;
}

// The page a result opens marks the words searched for, as a citation does: a text fragment
// made from the excerpt around Pagefind's first <mark>, with up to CONTEXT words either side
// so that it lands in this place. The words come from the record's part the mark is in (a
// " · " parts what its page shows apart: a term's name, its definition...); for a page
// indexed whole (an entity's), whose blocks Pagefind runs together with a full stop the page
// does not show, from its sentence. The browser goes to the element the address names (or
// the top of a page of its own) if the words are not found; a mark with no words around it
// in its part (a note's kind, a one-word alias) goes to that address alone, as does a mark
// that is the heading it names.
const CONTEXT = 4;

function marked(target, excerpt, title) {
  const html = new DOMParser().parseFromString(excerpt, "text/html").body;
  const mark = html.querySelector("mark");
  if (!mark) return target;
  const words = (text) => text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  const range = html.ownerDocument.createRange();  // the excerpt's text before and after the mark
  range.setStart(html, 0); range.setEndBefore(mark);
  const textBefore = range.toString();
  range.setStartAfter(mark); range.setEnd(html, html.childNodes.length);
  const textAfter = range.toString();
  const part = (list) => { const end = list.indexOf("·"); return end < 0 ? list : list.slice(0, end); };  // up to the part's end
  const ended = (word) => /[.!?]["”’)]*$/.test(word);
  const plain = (word) => word.replace(/[.,;:!?]+$/, "");  // a full stop Pagefind may have added
  const before = part(words(textBefore).reverse());  // nearest first
  let after = part(words(textAfter));
  const whole = !target.includes("#");
  if (whole) {  // within the sentence
    const start = before.findIndex(ended);
    if (start >= 0) before.splice(start);
    const end = after.findIndex(ended);
    after = ended(mark.textContent) ? [] : end >= 0 ? after.slice(0, end + 1) : after;
  }
  const bare = (text) => text.replace(/[“”"]/g, "").replace(/\s+/g, " ").replace(/[.,;:!?]+$/, "").trim();
  if (bare([...before.slice().reverse(), mark.textContent, ...after].join(" ")) === bare(title || "")) return target;
  if (!before.length && !after.length) return target;
  const encode = (text) => encodeURIComponent(text).replace(/-/g, "%2D");
  const prefix = before.slice(0, CONTEXT).reverse().join(" ");
  const following = after.slice(0, CONTEXT);
  if (following.length) following[following.length - 1] = plain(following[following.length - 1]);
  const suffix = following.filter(Boolean).join(" ");
  const exact = suffix ? mark.textContent : plain(mark.textContent);
  const directive = (prefix ? encode(prefix) + "-," : "") + encode(exact) + (suffix ? ",-" + encode(suffix) : "");
  return (whole ? target + "#" : target) + ":~:text=" + directive;
}

function kindButtons(counts) {
  const make = (value, label) => {
    const button = element("button", "search-kind-button", label);
    button.type = "button";
    button.dataset.kind = value;
    button.setAttribute("aria-pressed", String(value === kind));
    button.addEventListener("click", () => { kind = value; shown = SHOWN; search(); });
    return button;
  };
  // The buttons are made anew with the counts: a reader on one (the filter just chosen, by
  // key or click) stays on it, not dropped to the page's start.
  const focused = kinds.contains(document.activeElement) ? document.activeElement.dataset.kind : null;
  const labels = Object.keys(counts).sort();
  kinds.replaceChildren(...(labels.length > 1
    ? [make("", "Everything"), ...labels.map((label) => make(label, `${label} (${counts[label]})`))] : []));
  if (focused !== null) {
    const again = [...kinds.children].find((button) => button.dataset.kind === focused);
    if (again) again.focus();
  }
}

async function search() {
  const query = input.value.trim();
  const mine = ++run;
  history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
  if (!query) {
    list.replaceChildren(); kinds.replaceChildren(); status.textContent = ""; suggest.replaceChildren(); more.hidden = true;
    return;
  }
  let found = await pagefind.debouncedSearch(query, {}, 200);
  if (found === null || mine !== run) return;  // a newer search superseded this one
  const closest = suggestion(query);
  let shownFor = query;
  if (closest && found.results.length === 0) {  // nothing for the misspelling: the name's results instead,
    // for the word of it that was misspelt ("Ghson": Ghosn, not every word of "Carlos Ghosn")
    found = await pagefind.search(closest.part);
    if (mine !== run) return;
    shownFor = closest.part;
  }
  const counts = {};
  for (const r of found.results) counts[kindOf(r)] = (counts[kindOf(r)] || 0) + 1;
  if (kind && !counts[kind]) kind = "";
  const matching = found.results.filter((r) => !kind || kindOf(r) === kind);
  // Only the results shown are loaded (a file each); the kinds came with the bundle.
  const chosen = await Promise.all(matching.slice(0, shown).map((r) => r.data()));
  if (mine !== run) return;
  kindButtons(counts);
  // Changed together with the results, in one frame: nothing moves as they come in.
  if (closest) {
    const link = element("a", "", closest.name);
    link.href = closest.target;
    suggest.replaceChildren("Did you mean ", link, "?");
  } else {
    suggest.replaceChildren();
  }
  listed = { query, shownFor, matching };
  counted();
  list.replaceChildren(...chosen.map(resultItem));
}

// "More results": the next ones of the search shown, added below (each loads its own file);
// the ones listed stay as they are. Clicks in quick succession add their results in order.
let adding = Promise.resolve();

function showMore() {
  const mine = run;
  const loading = Promise.all(listed.matching.slice(shown, shown + SHOWN).map((r) => r.data()));
  shown += SHOWN;
  adding = adding.then(async () => {
    const chosen = await loading;
    if (mine !== run) return;  // a new search meanwhile
    const from = document.activeElement === more;  // pressed (by key or click): the reader goes on there
    counted();
    const added = chosen.map(resultItem);
    list.append(...added);
    if (from && added.length) added[0].querySelector("a").focus();  // not left on a button now below them, or gone
  });
}

function counted() {
  const { query, shownFor, matching } = listed;
  const total = matching.length;
  status.textContent = total === 0 ? `Nothing found for “${query}”.`
    : `${total} result${total === 1 ? "" : "s"} for “${shownFor}”${kind ? ` (${kind})` : ""}` +
      (shownFor !== query ? ` (nothing for “${query}”)` : "") + (total > shown ? `, the first ${shown} shown.` : ".");
  more.hidden = total <= shown;
}

function resultItem(r) {
  const item = element("li", "search-result");
  item.append(element("span", "search-kind", r.meta.kind || "Page"));
  const link = element("a", "search-title", r.meta.title || r.url);
  link.href = marked(r.meta.target || r.url, r.excerpt, r.meta.title);  // records (paragraphs, terms...) say where they live
  const excerpt = element("p", "search-excerpt");
  // Pagefind escapes the text; it adds only <mark>. An excerpt cut at a part's end starts
  // with nothing before its separator.
  excerpt.innerHTML = r.excerpt.replace(/^\s*·\s*|\s*·\s*$/g, "");
  item.append(link, excerpt);
  return item;
}

async function start() {
  try {
    const bundle = new URL(box.dataset.bundle, location.href);
    const [module, response] = await Promise.all([import(new URL("pagefind.js", bundle).href),
                                                  fetch(new URL("kinds.json", bundle))]);
    if (!response.ok) throw new Error(`kinds.json: ${response.status}`);
    const bundled = await response.json();
    kindOf = (result) => bundled.kinds[bundled.of[result.id]] || "Page";
    names = bundled.names || {};
    pagefind = module;
    // In this page, not in Pagefind's worker: one script less to download (12 KB) for an
    // index this small, and the page's CSP is the only one that needs 'wasm-unsafe-eval'.
    await pagefind.options({ excerptLength: 24, noWorker: true });
    await pagefind.init();
  } catch (error) {
    status.textContent = "Search could not be loaded here (it needs the site to be served over HTTP). " +
      "The lists below reach every page.";
    // The lists a browser without JavaScript shows, from their <noscript> (our own HTML, as text
    // when scripts run), without the line saying JavaScript is off.
    const lists = document.querySelector("noscript.search-fallback");
    if (lists) {
      lists.insertAdjacentHTML("afterend", `<div class="search-fallback">${lists.textContent}</div>`);
      document.querySelectorAll(".search-fallback .needs-js").forEach((node) => node.remove());
    }
    return;
  }
  // What the address asks for, unless the reader has typed while the index was loading.
  if (!input.value) input.value = new URLSearchParams(location.search).get("q") || "";
  input.addEventListener("input", () => { shown = SHOWN; search(); });
  more.addEventListener("click", showMore);
  input.form.addEventListener("submit", (event) => { event.preventDefault(); shown = SHOWN; search(); });
  if (input.value) search();
}

start();
