import { html, type SafeHtml } from "../../src/core/html.ts";
import type { ArchivePage } from "../../src/core/archive.ts";
import { fill } from "../../src/core/words.ts";
import type { Theme } from "../theme.ts";

/** "Articoli più recenti" / "Pagina N di M" / "Articoli meno recenti"; nothing for a single page. */
export function pager(theme: Theme, page: ArchivePage): SafeHtml {
  const { words } = theme;
  if (page.page.totalPages <= 1) return html``;
  return html`<nav class="pager" aria-label="${words.pagination}">
<ul>
<li class="pager__newer">${page.prevUrl ? html`<a href="${page.prevUrl}" rel="prev">${words.newerPosts}</a>` : ""}</li>
<li class="pager__current"><span aria-current="page">${fill(words.pageOf, { page: page.page.pageNumber, pages: page.page.totalPages })}</span></li>
<li class="pager__older">${page.nextUrl ? html`<a href="${page.nextUrl}" rel="next">${words.olderPosts}</a>` : ""}</li>
</ul>
</nav>`;
}
