/**
 * Every user-facing word of the theme, Italian by default. Sites override any
 * entry through the plugin's `words` option. `{name}`-style placeholders are
 * filled by `fill()`.
 */
export const defaultWords = {
  readMore: "Leggi >",
  readMoreLabel: "Leggi l’articolo «{title}»",
  olderPosts: "Articoli meno recenti",
  newerPosts: "Articoli più recenti",
  pageOf: "Pagina {page} di {pages}",
  pagination: "Paginazione",
  home: "Home",
  homeHeading: "Gli ultimi articoli",
  latestDossier: "L’ultimo dossier",
  areasHeading: "Aree tematiche",
  allArticles: "Tutti gli articoli",
  skipToContent: "Vai al contenuto",
  mainNavigation: "Navigazione principale",
  breadcrumbs: "Sei in",
  notFoundTitle: "Pagina non trovata",
  notFoundText: "La pagina che cerchi non esiste o è stata spostata.",
  notFoundBack: "Torna alla home",
  feed: "Feed RSS",
  siteFeedTitle: "{site} » Feed",
  tags: "Tag",
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
} as const;

export type WordKey = keyof typeof defaultWords;
export type Words = Record<WordKey, string>;

/** Replaces `{key}` placeholders; unknown placeholders are left as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
