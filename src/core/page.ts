import type { SourceFile } from "./article.ts";
import type { Problem } from "./errors.ts";
import { firstParagraph } from "./excerpt.ts";
import type { MarkdownRenderer } from "./markdown.ts";
import { check, pageSchema } from "./schema.ts";

/**
 * A page (chi siamo, contatti, redazione): a file of `content/pagine/`, or
 * any file with `kind: page`. It has a title and a body and nothing of an
 * article's: no date shown, no byline, no card; never in the home page,
 * archives or feeds; in the sitemap, and its aliases and WordPress id redirect.
 */
export interface SitePage {
  file: string;
  url: string;
  title: string;
  /** Plain text: the front-matter excerpt or the first paragraph (the page's description). */
  excerpt: string;
  /** Its sitemap date: `updated`, else `date`, else none. */
  lastmod: Date | undefined;
  aliases: string[];
  wpId: number | undefined;
  markdown: string;
}

export function readPage(source: SourceFile, md: MarkdownRenderer): { page: SitePage | undefined; problems: Problem[] } {
  const { value, problems } = check(pageSchema, source.data, source.file);
  if (!value) return { page: undefined, problems };
  if (!source.url) {
    problems.push({
      code: "SLUG_EMPTY",
      file: source.file,
      field: "title",
      message: `the title "${value.title}" gives no letters or digits for the page's address`,
      fix: "add a `slug:` (e.g. slug: chi-siamo) or a `permalink:` (e.g. permalink: /chi-siamo/)",
    });
    return { page: undefined, problems };
  }
  return {
    page: {
      file: source.file,
      url: source.url,
      title: value.title,
      excerpt: value.excerpt || firstParagraph(md, source.markdown),
      lastmod: value.updated ?? value.date,
      aliases: value.aliases ?? [],
      wpId: value.wp_id,
      markdown: source.markdown,
    },
    problems,
  };
}
