import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { splitFrontMatter } from "../core/front-matter-split.ts";
import { missingFrontMatter, PROBLEMS_KEY } from "../core/front-matter.ts";
import type { ModelSource } from "../core/site-model.ts";
import { KIND_KEY } from "./front-matter-engine.ts";

/** Reads one file's front matter into data, the way the front-matter engine does for Eleventy. */
export type FrontMatterReader = (yamlText: string, engineOptions: { filePath: string }) => Record<string, unknown>;

interface CachedSource {
  mtimeMs: number;
  size: number;
  source: ModelSource | undefined;
}

/**
 * Reads every Markdown file of the content folder, once per change: a file
 * whose size and modification time are unchanged since the last build is not
 * read again (this is what makes `npm start` rebuilds fast). Folders whose name
 * starts with `_` or `.` and node_modules are skipped.
 */
export function contentReader(readFrontMatter: FrontMatterReader) {
  const cache = new Map<string, CachedSource>();
  return (inputDir: string, runMode: string): ModelSource[] => {
    const sources: ModelSource[] = [];
    const seen = new Set<string>();
    for (const file of markdownFiles(inputDir)) {
      seen.add(file);
      const stat = statSync(file);
      let cached = cache.get(file);
      if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
        cached = { mtimeMs: stat.mtimeMs, size: stat.size, source: readSource(file, readFrontMatter) };
        cache.set(file, cached);
      }
      const source = cached.source;
      if (!source) continue;
      // Drafts are shown by `npm start` and never written by `npm run build`.
      if (source.data.draft === true && runMode === "build") continue;
      sources.push(source);
    }
    for (const file of cache.keys()) if (!seen.has(file)) cache.delete(file);
    return sources;
  };
}

function readSource(absolute: string, readFrontMatter: FrontMatterReader): ModelSource | undefined {
  const file = displayPath(absolute);
  const text = readFileSync(absolute, "utf8");
  const split = splitFrontMatter(text);
  if (split.yaml === undefined) {
    const problem = missingFrontMatter(file, text.trim() === "");
    return { kind: "article", file, url: "", data: { [PROBLEMS_KEY]: [problem] }, markdown: split.body };
  }
  const data = readFrontMatter(split.yaml, { filePath: file });
  const kind = data[KIND_KEY] === "dossier" ? "dossier" : "article";
  const url = typeof data.permalink === "string" ? data.permalink : "";
  return { kind, file, url, data, markdown: split.body };
}

/** `./content/x.md` inside the project, the absolute path elsewhere: what error messages show. */
function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith("..") || path.isAbsolute(relative) ? absolute : `./${relative.split(path.sep).join("/")}`;
}

function markdownFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith(".") || entry.name.startsWith("_") || entry.name === "node_modules") continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith(".md")) files.push(path.resolve(full));
    }
  };
  walk(dir);
  return files;
}
