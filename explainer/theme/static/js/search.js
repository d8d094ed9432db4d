/* Search with Pagefind, loaded only on this page and only from this site. Results are
   labelled with their kind (article paragraph, entity, term, event, figure, editor's note,
   from Pagefind metadata), and can be narrowed to one kind. Without JavaScript
   this page lists the entity and glossary indexes instead (its <noscript>). */
const box = document.getElementById("search");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const kinds = document.getElementById("search-kinds");
let pagefind = null;
let kind = "";  // "" = every kind
let run = 0;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const SHOWN = 20;  // results listed at once
let kindOf = null;  // a result -> its kind ("Entity", "Article paragraph"...), from the bundle's kinds.json

function kindButtons(counts) {
  const make = (value, label) => {
    const button = element("button", "search-kind-button", label);
    button.type = "button";
    button.setAttribute("aria-pressed", String(value === kind));
    button.addEventListener("click", () => { kind = value; search(); });
    return button;
  };
  const names = Object.keys(counts).sort();
  kinds.replaceChildren(...(names.length > 1
    ? [make("", "Everything"), ...names.map((name) => make(name, `${name} (${counts[name]})`))] : []));
}

async function search() {
  const query = input.value.trim();
  const mine = ++run;
  history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
  if (!query) { list.replaceChildren(); kinds.replaceChildren(); status.textContent = ""; return; }
  const found = await pagefind.debouncedSearch(query, {}, 200);
  if (found === null || mine !== run) return;  // a newer search superseded this one
  const counts = {};
  for (const r of found.results) counts[kindOf(r)] = (counts[kindOf(r)] || 0) + 1;
  if (kind && !counts[kind]) kind = "";
  const matching = found.results.filter((r) => !kind || kindOf(r) === kind);
  // Only the results shown are loaded (a file each); the kinds came with the bundle.
  const chosen = await Promise.all(matching.slice(0, SHOWN).map((r) => r.data()));
  if (mine !== run) return;
  kindButtons(counts);
  const total = matching.length;
  status.textContent = total === 0 ? `Nothing found for “${query}”.`
    : `${total} result${total === 1 ? "" : "s"} for “${query}”${kind ? ` (${kind})` : ""}` +
      (total > SHOWN ? `, the first ${SHOWN} shown.` : ".");
  list.replaceChildren(...chosen.map((r) => {
    const item = element("li", "search-result");
    item.append(element("span", "search-kind", r.meta.kind || "Page"));
    const link = element("a", "search-title", r.meta.title || r.url);
    link.href = r.meta.target || r.url;  // records (paragraphs, terms...) say where they live
    const excerpt = element("p", "search-excerpt");
    excerpt.innerHTML = r.excerpt;  // Pagefind escapes the text; it adds only <mark>
    item.append(link, excerpt);
    return item;
  }));
}

async function start() {
  try {
    const bundle = new URL(box.dataset.bundle, location.href);
    const [module, response] = await Promise.all([import(new URL("pagefind.js", bundle).href),
                                                  fetch(new URL("kinds.json", bundle))]);
    if (!response.ok) throw new Error(`kinds.json: ${response.status}`);
    const { kinds: names, of } = await response.json();
    kindOf = (result) => names[of[result.id]] || "Page";
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
  input.addEventListener("input", search);
  input.form.addEventListener("submit", (event) => { event.preventDefault(); search(); });
  if (input.value) search();
}

start();
