import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";

/**
 * Indexes the built site with Pagefind (Italian stemming: pages say lang="it",
 * and the language is forced so that every page shares one index). Only the
 * elements marked `data-pagefind-body` are indexed: article bodies and titles.
 */
export async function indexSite(outputDir: string, language: string): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language.slice(0, 2) });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  const added = await index.addDirectory({ path: outputDir });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outputDir}: ${added.errors.join("; ")}`);
  const written = await index.writeFiles({ outputPath: path.join(outputDir, "pagefind") });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  await pagefind.close();
  return { pages: added.page_count, seconds: (performance.now() - started) / 1000 };
}

/** Writes a page the index step needs before indexing (the search page itself). */
export function writePage(outputDir: string, file: string, content: string): void {
  const full = path.join(outputDir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
}
