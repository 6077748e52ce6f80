import type { Article } from "./article.ts";
import type { Dossier } from "./dossier.ts";
import type { Term } from "./terms.ts";
import { paginate, pageUrl, type Page } from "./paginate.ts";

export interface Crumb {
  name: string;
  url: string;
}

/** A list of articles with its own URL, pages and feed: the home, a term, an intersection, a dossier. */
export interface Archive {
  /** Unique and stable: "home", "tag:comuni", "area:terzo-settore+tag:comuni", "dossier:…". */
  id: string;
  kind: "home" | "term" | "intersection" | "dossier";
  url: string;
  /** The page's one <h1>. */
  heading: string;
  /** Shown above the heading: the first term of an intersection. */
  kicker: Crumb | undefined;
  description: string | undefined;
  feedTitle: string;
  feedUrl: string;
  articles: Article[];
  /** Trail from the home page to this archive, this archive excluded. */
  breadcrumbs: Crumb[];
  term: Term | undefined;
  terms: Term[];
  dossier: Dossier | undefined;
}

/** One page of an archive as it is written: `/tag/comuni/page/2/`. */
export interface ArchivePage {
  archive: Archive;
  page: Page<Article>;
  url: string;
  prevUrl: string | undefined;
  nextUrl: string | undefined;
}

/** Every page of an archive; a dossier is never split. Prev/next stay inside the archive. */
export function archivePages(archive: Archive, pageSize: number): ArchivePage[] {
  const size = archive.kind === "dossier" ? Math.max(1, archive.articles.length) : pageSize;
  return paginate(archive.articles, size).map((page) => ({
    archive,
    page,
    url: pageUrl(archive.url, page.pageNumber),
    prevUrl: page.pageNumber > 1 ? pageUrl(archive.url, page.pageNumber - 1) : undefined,
    nextUrl: page.pageNumber < page.totalPages ? pageUrl(archive.url, page.pageNumber + 1) : undefined,
  }));
}
