import type { ThemeParts } from "../src/core/theme-contract.ts";
import { renderDocument } from "./partials/document.ts";
import { siteHeader } from "./partials/header.ts";
import { siteFooter } from "./partials/footer.ts";
import { card } from "./partials/card.ts";
import { byline } from "./partials/byline.ts";
import { pager } from "./partials/pager.ts";
import { breadcrumbs } from "./partials/breadcrumbs.ts";
import { articleView } from "./layouts/article.ts";
import { archiveView } from "./layouts/archive.ts";
import { termIndexView } from "./layouts/term-index.ts";
import { pageView } from "./layouts/page.ts";
import { notFoundView } from "./layouts/not-found.ts";
import { searchView } from "./layouts/search.ts";

/** The bundled theme: every part of the contract (src/core/theme-contract.ts). Home, term and dossier pages share one archive layout. */
export const bundledTheme: ThemeParts = {
  document: renderDocument,
  header: siteHeader,
  footer: siteFooter,
  card,
  byline,
  pager,
  breadcrumbs,
  article: articleView,
  archive: archiveView,
  home: archiveView,
  dossier: archiveView,
  termIndex: termIndexView,
  page: pageView,
  notFound: notFoundView,
  search: searchView,
};
