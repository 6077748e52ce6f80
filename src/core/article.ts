import type { MarkdownRenderer } from "./markdown.ts";
import { articleSchema, check, isSitePath, isSlugText, termNames } from "./schema.ts";
import { firstParagraph } from "./excerpt.ts";
import { SLUG_MAX_LENGTH, slugOf } from "./slug.ts";
import { imageSitePath } from "./image-path.ts";
import type { Problem } from "./errors.ts";
import type { Taxonomy } from "./taxonomy.ts";
import type { Term } from "./terms.ts";

/** A Markdown file as the host (Eleventy) hands it over. */
export interface SourceFile {
  file: string;
  url: string;
  data: Record<string, unknown>;
  markdown: string;
  /** The body's first paragraph as text, when a build cache knows it already for this very body (parsing it is most of reading an article). */
  firstParagraph?: string;
  /**
   * What the host knows of the body without reading it (a build cache: `markdown` is then decoded only
   * when read): a token that differs whenever the body does, and whether it may show an image.
   */
  knownBody?: KnownBody;
  /**
   * readArticleFields' result for this very file, when the host has it already (a build cache keeps
   * it with the file: the schema check and the slug are most of reading an article). Read with the
   * site's taxonomies and renderer, as the site model would.
   */
  articleRead?: ArticleRead;
  /**
   * Kept with the file by the host between builds (a build cache, which saves it as it is at the end
   * of the build): what the signatures (output-signatures.ts) worked out for this very file at the last
   * build, read and filled by them.
   */
  signatureMemo?: SignatureMemo;
}

export interface SignatureMemo {
  /** The key of what the related articles were computed from, and their files. */
  key?: string;
  files?: string[];
  /** The token of what the article shows of itself but its body and terms (articleStamp): fixed by the file. */
  stamp?: string;
}

export interface ArticleRead {
  article: Article | undefined;
  problems: Problem[];
}

export interface KnownBody {
  token: string;
  mayShowImage: boolean;
}

export interface Article {
  file: string;
  url: string;
  title: string;
  date: Date;
  updated: Date | undefined;
  slug: string;
  /**
   * True when the slug comes from a title whose slug was longer than SLUG_MAX_LENGTH and was cut:
   * two long titles that begin alike can end up with one slug, and the site model says so.
   */
  slugShortened: boolean;
  /** Plain text: the front-matter excerpt or the first paragraph. */
  excerpt: string;
  /** True when the excerpt was written in the front matter (the article page shows it as a standfirst). */
  excerptGiven: boolean;
  rubric: string | undefined;
  dossier: string | undefined;
  order: number | undefined;
  aliases: string[];
  wpId: number | undefined;
  /** Kept at the top of the home page (WordPress's sticky posts); archives and feeds keep date order. */
  sticky: boolean;
  /** The featured image: `src` is its site path (/media/…), `alt` its text alternative ("" for a decorative image). */
  image?: { src: string; alt: string } | undefined;
  markdown: string;
  /** Names as written, by taxonomy key. */
  names: Record<string, string[]>;
  /** Resolved terms by taxonomy key, filled by the term index. */
  terms: Record<string, Term[]>;
}

/** The slug an article gets: its `slug` field, or the WordPress slug of its title. */
export function articleSlug(data: Record<string, unknown>): string {
  return slugOfArticle(data).slug;
}

function slugOfArticle(data: Record<string, unknown>): { slug: string; shortened: boolean } {
  // A `slug:` that is blank is reported by the schema; it does not fall back to the title's slug.
  if (typeof data.slug === "string") return { slug: data.slug.trim(), shortened: false };
  return typeof data.title === "string" ? slugOf(data.title) : { slug: "", shortened: false };
}

/** The build's notice for an article whose title gave a slug too long to keep whole, or undefined. */
export function shortenedSlugNotice(file: string, data: Record<string, unknown>): string | undefined {
  const { slug, shortened } = slugOfArticle(data);
  if (!shortened) return undefined;
  return `${file}: the title's slug is longer than ${SLUG_MAX_LENGTH} characters; slug shortened to “${slug}”; set \`slug:\` to choose`;
}

/** The URL of an article: `permalink`, else `/<dossier base>/<dossier>/<slug>/`, else `/<slug>/`. */
export function articleUrl(data: Record<string, unknown>, dossierBase: string | false): string | false {
  if (typeof data.permalink === "string") return isSitePath(data.permalink) ? data.permalink : false;
  if (data.permalink === false) return false;
  const slug = articleSlug(data);
  // A `slug:` or `dossier:` that is not a slug (`..`, `a/b`) never becomes a URL: readArticle reports that field.
  if (!slug || !isSlugText(slug)) return false;
  if (dossierBase && typeof data.dossier === "string" && data.dossier) return isSlugText(data.dossier) ? `/${dossierBase}/${data.dossier}/${slug}/` : false;
  return `/${slug}/`;
}

export function readArticle(
  source: SourceFile,
  taxonomies: readonly Taxonomy[],
  md: MarkdownRenderer,
): { article: Article | undefined; problems: Problem[] } {
  const { article, problems } = readArticleFields(source, taxonomies, md);
  return { article: article && articleFrom(article, source), problems };
}

/**
 * readArticle without the body: `markdown` is left empty, so that the result
 * can be copied for each build (articleFrom) without reading the body.
 */
export function readArticleFields(source: SourceFile, taxonomies: readonly Taxonomy[], md: MarkdownRenderer): ArticleRead {
  const { value, problems } = check(articleSchema, source.data, source.file);
  const names: Record<string, string[]> = {};
  for (const taxonomy of taxonomies) {
    const raw = source.data[taxonomy.field];
    if (raw === undefined || raw === null) {
      names[taxonomy.key] = [];
      continue;
    }
    const parsed = check(termNames, raw, source.file, taxonomy.field);
    problems.push(...parsed.problems);
    names[taxonomy.key] = parsed.value ?? [];
  }
  if (!value) return { article: undefined, problems };
  const { slug, shortened } = slugOfArticle(value);
  if (!slug) {
    problems.push({
      code: "SLUG_EMPTY",
      file: source.file,
      field: "title",
      message: `the title "${value.title}" gives no visible letters or digits for the URL`,
      fix: "add a `slug:` field with lower-case letters, digits and dashes, e.g. slug: articolo-2024",
    });
    return { article: undefined, problems };
  }
  if (value.image !== undefined && value.image_alt === undefined) {
    problems.push({
      code: "IMAGE_ALT_MISSING",
      file: source.file,
      field: "image_alt",
      message: `the featured image ${value.image} has no text alternative`,
      fix: 'add image_alt: with what the image shows, e.g. image_alt: "Il municipio di Lecco", or image_alt: "" if it is only decorative',
    });
  }
  const article: Article = {
    file: source.file,
    url: source.url,
    title: value.title,
    date: value.date,
    updated: value.updated,
    slug,
    slugShortened: shortened,
    excerpt: value.excerpt || (source.firstParagraph ?? firstParagraph(md, source.markdown)),
    excerptGiven: Boolean(value.excerpt),
    rubric: value.rubric,
    dossier: value.dossier,
    order: value.order,
    aliases: value.aliases ?? [],
    wpId: value.wp_id,
    sticky: value.sticky === true,
    image: value.image === undefined ? undefined : { src: imageSitePath(value.image), alt: value.image_alt ?? "" },
    // Read from the source by articleFrom.
    markdown: "",
    names,
    terms: {},
  };
  return { article, problems };
}

/**
 * A copy of readArticleFields' article with its own (empty) terms, whose
 * `markdown` is read from the source when asked for, not copied: a host may
 * decode a body only when something reads it (a page rendered again), and
 * most builds read few bodies.
 */
export function articleFrom(fields: Article, source: SourceFile): Article {
  return Object.defineProperty({ ...fields, terms: {} }, "markdown", { enumerable: true, configurable: true, get: () => source.markdown });
}

/** Newest first; ties broken by URL so that every build orders the same way. */
export function newestFirst(a: Article, b: Article): number {
  return b.date.getTime() - a.date.getTime() || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}
