/**
 * Every user-facing word of the theme, in each language Editoriale ships: one
 * dictionary per language, each with every key (the type says so). A site
 * picks one with `site.language` and overrides any entry through the
 * plugin's `words` option. `{name}`-style placeholders are filled by `fill()`.
 */
const it = {
  readMore: "Leggi >",
  readMoreLabel: "Leggi l’articolo «{title}»",
  olderPosts: "Articoli meno recenti",
  newerPosts: "Articoli più recenti",
  pageOf: "Pagina {page} di {pages}",
  pagination: "Paginazione",
  home: "Home",
  homeHeading: "Gli ultimi articoli",
  latestDossier: "L’ultimo dossier",
  allArticles: "Tutti gli articoli",
  skipToContent: "Vai al contenuto",
  mainNavigation: "Navigazione principale",
  breadcrumbs: "Sei in",
  notFoundTitle: "Pagina non trovata",
  notFoundText: "La pagina che cerchi non esiste o è stata spostata.",
  notFoundBack: "Torna alla home",
  feed: "Feed RSS",
  siteFeedTitle: "{site} » Feed",
  relatedHeading: "Articoli correlati",
  dossierBoxHeading: "Questo articolo fa parte del dossier",
  dossierPart: "Parte {n} di {total}",
  previousPart: "Parte precedente",
  nextPart: "Parte successiva",
  curatedBy: "A cura di {names}",
  dossierArticles: "Gli articoli del dossier",
  dossiers: "Il Punto di Welforum",
  articleCount: "{count} articoli",
  articleCountOne: "1 articolo",
  updated: "Aggiornato il {date}",
  page: "pagina {page}",
  search: "Cerca",
  searchLabel: "Cerca nel sito",
  searchTitle: "Cerca",
  searchIntro: "Cerca fra gli articoli: una legge, un Comune, una persona.",
  searchNoScript: "Per mostrare i risultati la ricerca ha bisogno di JavaScript, che in questo browser è disattivato.",
  searchNoResults: "Nessun articolo trovato per «{query}».",
  searchResultsOne: "1 articolo trovato per «{query}».",
  searchResults: "{count} articoli trovati per «{query}».",
  searchFilterAll: "Tutte",
  searchFilters: "Restringi la ricerca",
  footerExplore: "Esplora",
  logoHome: "{site}, home",
} as const;

export type WordKey = keyof typeof it;
export type Words = Record<WordKey, string>;

const en: Words = {
  readMore: "Read more >",
  readMoreLabel: "Read the article “{title}”",
  olderPosts: "Older posts",
  newerPosts: "Newer posts",
  pageOf: "Page {page} of {pages}",
  pagination: "Pagination",
  home: "Home",
  homeHeading: "Latest articles",
  latestDossier: "The latest dossier",
  allArticles: "All articles",
  skipToContent: "Skip to content",
  mainNavigation: "Main navigation",
  breadcrumbs: "You are here",
  notFoundTitle: "Page not found",
  notFoundText: "The page you are looking for does not exist or has moved.",
  notFoundBack: "Back to the home page",
  feed: "RSS feed",
  siteFeedTitle: "{site} » Feed",
  relatedHeading: "Related articles",
  dossierBoxHeading: "This article is part of the dossier",
  dossierPart: "Part {n} of {total}",
  previousPart: "Previous part",
  nextPart: "Next part",
  curatedBy: "Edited by {names}",
  dossierArticles: "The articles of the dossier",
  dossiers: "Dossiers",
  articleCount: "{count} articles",
  articleCountOne: "1 article",
  updated: "Updated on {date}",
  page: "page {page}",
  search: "Search",
  searchLabel: "Search the site",
  searchTitle: "Search",
  searchIntro: "Search the articles: a law, a town, a person.",
  searchNoScript: "Search needs JavaScript to show its results, and it is turned off in this browser.",
  searchNoResults: "No articles found for “{query}”.",
  searchResultsOne: "1 article found for “{query}”.",
  searchResults: "{count} articles found for “{query}”.",
  searchFilterAll: "All",
  searchFilters: "Narrow the search",
  footerExplore: "Explore",
  logoHome: "{site}, home page",
};

/** The dictionaries Editoriale ships, by language subtag ("it" of "it-IT"). */
export const dictionaries: Readonly<Record<string, Words>> = { it, en };

/** The Italian dictionary: Editoriale's default language. */
export const defaultWords: Words = it;

/** Replaces `{key}` placeholders; unknown placeholders are left as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
