// /cerca/: runs the query of ?q= (and of the form) against the Pagefind index,
// with filters by area, section and tag. Results are built with DOM methods;
// only Pagefind's excerpt, whose text Pagefind escapes and marks with <mark>, is set as HTML.
const root = document.getElementById("risultati");
const form = document.querySelector(".search-page form");
const input = form?.querySelector('input[name="q"]');
const status = root?.querySelector(".search-results__status");
const list = root?.querySelector(".search-results__list");
const filterBox = root?.querySelector(".search-results__filters");

const fill = (text, values) => text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));

async function start() {
  if (!root || !form || !input || !status || !list || !filterBox) return;
  // The index is in bundles (one per year), listed newest first in /pagefind/bundles.json: the first is
  // loaded, the others are merged into it, and every search ranks the results of all of them together.
  // Beside the assets folder, so that a site under a path prefix (/sub/assets/ → /sub/pagefind/) finds it too.
  const base = new URL("../pagefind/", import.meta.url);
  const { bundles } = await (await fetch(new URL("bundles.json", base))).json();
  const [primary, ...others] = bundles;
  // A site with no article yet has no bundle: every search finds nothing.
  const pagefind = primary
    ? await import(new URL(`${primary.path}pagefind.js`, base).href)
    : { options: async () => undefined, mergeIndex: async () => undefined, filters: async () => ({}), search: async () => ({ results: [] }) };
  // Options set on the first bundle apply to it alone: each merged bundle is given them too.
  const settings = { excerptLength: 30 };
  await pagefind.options(settings);
  // A path, not a URL, ending in "/": Pagefind skips an index whose path begins the primary's.
  await Promise.all(others.map((b) => pagefind.mergeIndex(new URL(b.path, base).pathname, { ...settings })));
  const available = await pagefind.filters();
  const chosen = {};
  const params = new URLSearchParams(location.search);
  const selects = [];
  for (const { key, label } of JSON.parse(root.dataset.filters || "[]")) {
    const values = Object.keys(available[key] || {}).sort((a, b) => a.localeCompare(b, "it"));
    if (values.length === 0) continue;
    const id = `filtro-${key}`;
    const wrap = document.createElement("p");
    const lab = document.createElement("label");
    lab.htmlFor = id;
    lab.textContent = label;
    const select = document.createElement("select");
    select.id = id;
    select.name = key;
    const all = new Option(root.dataset.wordsAll, "");
    select.append(all, ...values.map((v) => new Option(v, v)));
    select.value = params.get(key) || "";
    select.addEventListener("change", run);
    wrap.append(lab, " ", select);
    filterBox.append(wrap);
    selects.push(select);
  }
  if (selects.length > 0) {
    const legend = document.createElement("p");
    legend.className = "search-results__filters-title";
    legend.textContent = root.dataset.wordsFilters;
    filterBox.prepend(legend);
  }
  input.value = params.get("q") || "";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });

  async function run() {
    const query = input.value.trim();
    for (const select of selects) chosen[select.name] = select.value;
    const next = new URLSearchParams({ q: query });
    for (const [key, value] of Object.entries(chosen)) if (value) next.set(key, value);
    history.replaceState(null, "", `?${next}`);
    list.replaceChildren();
    if (!query) {
      status.textContent = "";
      return;
    }
    const filters = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v));
    const search = await pagefind.search(query, { filters });
    const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    const words = results.length === 0 ? root.dataset.wordsNone : results.length === 1 ? root.dataset.wordsOne : root.dataset.wordsMany;
    status.textContent = fill(words, { query, count: search.results.length });
    for (const result of results) list.append(resultItem(result));
  }

  function resultItem(result) {
    const item = document.createElement("li");
    item.className = "search-result";
    if (result.meta.rubric) {
      const rubric = document.createElement("p");
      rubric.className = "card__rubric";
      rubric.textContent = result.meta.rubric;
      item.append(rubric);
    }
    const title = document.createElement("h2");
    title.className = "card__title";
    const link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title || result.url;
    title.append(link);
    item.append(title);
    if (result.meta.date) {
      const date = document.createElement("p");
      date.className = "byline";
      date.textContent = result.meta.date;
      item.append(date);
    }
    const excerpt = document.createElement("p");
    excerpt.className = "card__excerpt";
    excerpt.innerHTML = result.excerpt;
    item.append(excerpt);
    return item;
  }

  if (input.value) run();
}

start();
