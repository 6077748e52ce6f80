import { html, type SafeHtml } from "../../src/core/html.ts";
import type { PageView } from "../../src/core/theme-contract.ts";
import type { Theme } from "../theme.ts";
import { searchForm } from "../partials/search-form.ts";

/**
 * /cerca/: the search form and, with JavaScript, the results from the Pagefind
 * index (assets/cerca.js). The words the script shows travel as data attributes,
 * from the dictionary; filters are the taxonomies with a `data-pagefind-filter`.
 */
export function searchView(theme: Theme): PageView {
  const { words } = theme;
  return {
    meta: { title: words.searchTitle, description: words.searchIntro, url: "/cerca/", ogType: "website", noindex: true, scripts: ["/assets/cerca.js"] },
    main: searchMain(theme),
  };
}

/** The search page's `<main>` content: heading, form, and the list the script fills (a site's layout puts it in its own page). */
function searchMain(theme: Theme): SafeHtml {
  const { words } = theme;
  const { roles } = theme.options;
  // The filters are the taxonomies the article page marks with data-pagefind-filter: the label and the listed ones.
  const filters = [...(roles.label ? [roles.label] : []), ...roles.article].map((t) => ({ key: t.key, label: t.label }));
  const main = html`${theme.parts.breadcrumbs(theme, [{ name: words.home, url: "/" }], words.searchTitle)}
<div class="search-page">
<h1>${words.searchTitle}</h1>
<p>${words.searchIntro}</p>
${searchForm(theme, "cerca-pagina")}
<noscript><p class="search-page__noscript">${words.searchNoScript}</p></noscript>
<div id="risultati" class="search-results"
 data-words-none="${words.searchNoResults}" data-words-one="${words.searchResultsOne}" data-words-many="${words.searchResults}"
 data-words-all="${words.searchFilterAll}" data-words-filters="${words.searchFilters}"
 data-filters="${JSON.stringify(filters)}">
<p class="search-results__status" role="status" aria-live="polite"></p>
<div class="search-results__filters"></div>
<ol class="search-results__list"></ol>
</div>
</div>`;
  return main;
}
