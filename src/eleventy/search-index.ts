import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";

/**
 * Indexes the built site with Pagefind (Italian stemming: pages say lang="it",
 * and the language is forced so that every page shares one index). Only
 * article pages are handed over — the only pages with `data-pagefind-body`,
 * so scanning the thousands of archive pages and feeds would add nothing but time.
 */
export async function indexSite(outputDir: string, language: string, articleUrls: readonly string[]): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language.slice(0, 2) });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  let pages = 0;
  // A few files in flight at once keep Pagefind's process busy without holding the whole site in memory.
  for (let i = 0; i < articleUrls.length; i += 32) {
    await Promise.all(
      articleUrls.slice(i, i + 32).map(async (url) => {
        const page = readFileSync(path.join(outputDir, url.endsWith("/") ? `${url}index.html` : url), "utf8");
        const added = await index.addHTMLFile({ url, content: indexedPart(page) });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${added.errors.join("; ")}`);
        pages++;
      }),
    );
  }
  const written = await index.writeFiles({ outputPath: path.join(outputDir, "pagefind") });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  await pagefind.close();
  return { pages, seconds: (performance.now() - started) / 1000 };
}

/**
 * What Pagefind needs of a page: `<html lang>` and the main content, which
 * holds the `data-pagefind-body` article. Head, header, navigation and footer
 * are left out before the page crosses to Pagefind's process: they are never
 * indexed, and parsing them was most of the indexing time.
 */
export function indexedPart(page: string): string {
  const start = page.indexOf("<main");
  const end = page.lastIndexOf("</main>");
  if (start < 0 || end < start) return page;
  const lang = /<html[^>]*>/.exec(page)?.[0] ?? "<html>";
  return `<!DOCTYPE html>${lang}<body>${page.slice(start, end + "</main>".length)}</body></html>`;
}

/** Writes a page the index step needs before indexing (the search page itself). */
export function writePage(outputDir: string, file: string, content: string): void {
  const full = path.join(outputDir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
}
