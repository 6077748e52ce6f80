import { readFileSync, readdirSync, rmSync } from "node:fs";
import * as pagefind from "pagefind";
import { indexedPart } from "./src/eleventy/search-index.ts";
const mode = process.argv[2];
const site = "/tmp/x/site";
const pages: Array<{ url: string; html: string }> = [];
for (const d of readdirSync(site)) {
  if (pages.length >= 476) break;
  try { const h = readFileSync(`${site}/${d}/index.html`, "utf8"); if (h.includes("data-pagefind-body")) pages.push({ url: `/${d}/`, html: h }); } catch {}
}
function articleOnly(page: string): string {
  const start = page.indexOf("<article class=\"article\" data-pagefind-body");
  const end = page.indexOf("</article>", start);
  const lang = /<html[^>]*>/.exec(page)?.[0] ?? "<html>";
  return `<!DOCTYPE html>${lang}<body>${page.slice(start, end + 10)}</body></html>`;
}
const parts = pages.map((p) => ({ url: p.url, content: mode === "article" ? articleOnly(p.html) : indexedPart(p.html) }));
console.log(mode, parts.reduce((n, p) => n + p.content.length, 0));
const t0 = performance.now();
const { index } = await pagefind.createIndex({ forceLanguage: "it" });
await Promise.all(parts.map((p) => index!.addHTMLFile(p)));
const t1 = performance.now();
rmSync(`/tmp/x/pf-${mode}`, { recursive: true, force: true });
await index!.writeFiles({ outputPath: `/tmp/x/pf-${mode}` });
const t2 = performance.now();
await pagefind.close();
console.log(`add ${(t1 - t0).toFixed(0)} ms, write ${(t2 - t1).toFixed(0)} ms`);
