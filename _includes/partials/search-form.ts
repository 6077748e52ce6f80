import { html, type SafeHtml } from "../../src/core/html.ts";
import type { Theme } from "../theme.ts";

/**
 * The search box: a plain GET form to /cerca/, so it works without JavaScript
 * (the browser opens /cerca/?q=…, where the results are shown).
 */
export function searchForm(theme: Theme, id: string, query = ""): SafeHtml {
  const { words } = theme;
  return html`<form class="search-form" role="search" action="/cerca/" method="get">
<label class="visually-hidden" for="${id}">${words.searchLabel}</label>
<input type="search" id="${id}" name="q" value="${query}" autocomplete="off">
<button type="submit">${words.search}</button>
</form>`;
}
