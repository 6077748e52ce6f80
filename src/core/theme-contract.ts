import type { Article } from "./article.ts";
import type { ArchivePage, Crumb } from "./archive.ts";
import type { html, SafeHtml } from "./html.ts";
import type { MarkdownRenderer } from "./markdown.ts";
import type { ResolvedOptions } from "./options.ts";
import type { SitePage } from "./page.ts";
import type { SiteModel, TermListing } from "./site-model.ts";
import type { fill, Words } from "./words.ts";

/**
 * The theme contract: every part of a page that a site may replace, with the
 * data it receives. The bundled theme (`_includes/`) implements all of them;
 * a site passes its own for some (`theme: { card: myCard }`) and keeps the rest.
 *
 * Parts call each other through `theme.parts` (the card calls
 * `theme.parts.byline`), so a replaced byline shows in the bundled card too.
 * Page parts return the page's `<main>` and its metadata; the build wraps them
 * with `parts.document` (content mode) or with the site's own layout
 * (collection mode). Every part escapes through `theme.html`: only the
 * rendered Markdown body (`body`) is already HTML.
 */
export interface ThemeParts {
  /** The HTML document around a page's `<main>`: head (title, canonical, Open Graph, feeds), header, main, footer. */
  document(theme: ThemeContext, meta: DocumentMeta, main: SafeHtml): string;
  /** The site's header; `current` is the path of the page or of the section it belongs to (for aria-current). */
  header(theme: ThemeContext, where: { current: string | undefined; pageUrl: string }): SafeHtml;
  /** The site's footer: the same on every page of a build. */
  footer(theme: ThemeContext): SafeHtml;
  /** An article in a list (archives, home, related articles). */
  card(theme: ThemeContext, article: Article, headingLevel: 2 | 3): SafeHtml;
  /** Authors and date; authors linked to their archives on the article page. */
  byline(theme: ThemeContext, article: Article, linkAuthors: boolean): SafeHtml;
  /** Newer / page N of M / older; empty for a single page. */
  pager(theme: ThemeContext, page: ArchivePage): SafeHtml;
  /** Home › Area › this page. */
  breadcrumbs(theme: ThemeContext, trail: readonly Crumb[], current: string): SafeHtml;
  /** An article page around its rendered Markdown body. */
  article(theme: ThemeContext, article: Article, body: SafeHtml): PageView;
  /** A page of a term's or an intersection's archive. */
  archive(theme: ThemeContext, page: ArchivePage): PageView;
  /** A page of the home's list of articles (the first with the front page's extras). */
  home(theme: ThemeContext, page: ArchivePage): PageView;
  /** A dossier's page: its presentation and its parts. */
  dossier(theme: ThemeContext, page: ArchivePage): PageView;
  /** An index page listing every term of a taxonomy (or every dossier) with its count. */
  termIndex(theme: ThemeContext, listing: TermListing): PageView;
  /** A page (chi siamo, contatti) around its rendered body. */
  page(theme: ThemeContext, page: SitePage, body: SafeHtml): PageView;
  /** The 404 page. */
  notFound(theme: ThemeContext): PageView;
  /** /cerca/: the form and the list that the search script fills. */
  search(theme: ThemeContext): PageView;
}

/** A page as a part makes it: what goes in `<main>`, and what the document's head says of it. */
export interface PageView {
  meta: DocumentMeta;
  main: SafeHtml;
}

export interface DocumentMeta {
  /** The page's own title; the site name is appended. */
  title: string;
  description: string;
  /** Path of the page, e.g. /tag/comuni/page/2/. */
  url: string;
  ogType: "website" | "article";
  feed?: { title: string; url: string } | undefined;
  prevUrl?: string | undefined;
  nextUrl?: string | undefined;
  jsonLd?: unknown[];
  /** Path of the current section of the site, for aria-current in the navigation. */
  navCurrent?: string | undefined;
  noindex?: boolean;
  /** Module scripts of the page (only /cerca/ has one); no inline script anywhere. */
  scripts?: string[];
  /** The image the page shares (og:image, twitter:card summary_large_image): an absolute URL, with its size when known. */
  image?: { url: string; alt: string; width?: number | undefined; height?: number | undefined } | undefined;
  /** Open Graph article:* properties of an article page. */
  article?: { published: string; modified: string; authors: string[]; section: string | undefined; tags: string[] };
}

/** An image to show: a site path (or URL) and its text alternative. */
export interface ImageRef {
  src: string;
  alt: string;
}

/** What every part receives: the build's data, the parts, and the helpers that escape and format. */
export interface ThemeContext {
  model: SiteModel;
  options: ResolvedOptions;
  /** The dictionary in the site's language, with the site's overrides. */
  words: Words;
  md: MarkdownRenderer;
  /** Public path of the stylesheet (fingerprinted). */
  stylesheet: string;
  /** Public path of the site's logo (`look.logo`, published under /assets/ with a hashed name); undefined without one. */
  logo: string | undefined;
  /** Whether the site has search (/cerca/ and a search box in the header). */
  search: boolean;
  /** This build's parts: the bundled theme with the site's replacements. */
  parts: ThemeParts;
  /** The bundled theme's parts, for a replacement that wraps the original. */
  bundled: ThemeParts;
  /** Escaping template: `theme.html\`<h2>${article.title}</h2>\`` escapes every value that is not SafeHtml. */
  html: typeof html;
  /** Fills `{name}` placeholders of a word. */
  fill: typeof fill;
  /** "29 marzo 2018" / "29 March 2018": in the site's language and time zone. */
  formatDate(date: Date): string;
  /** ISO 8601 in the site's time zone, for `<time datetime>`. */
  isoDate(date: Date): string;
  /** A responsive `<picture>` of a local image (or a plain `<img>`), lazy unless `eager`. */
  picture(image: ImageRef, options: { sizes: string; eager?: boolean }): SafeHtml;
}
