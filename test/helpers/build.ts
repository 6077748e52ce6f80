import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { XMLParser } from "fast-xml-parser";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface BuildResult {
  status: number | null;
  output: string;
  out: string;
}

/** The folders buildFixture made (each output and its search cache): removed when the test file's process ends. */
const made: string[] = [];
process.once("exit", () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs the real configuration (.eleventy.ts) on a fixture folder, as `npm run build -- --input … --output …` does;
 * `config`: the fixture's own Eleventy configuration instead (a site that adds the plugin itself), relative to the fixture.
 */
export function buildFixture(name: string, extraEnv: Record<string, string> = {}, config?: string): BuildResult {
  const fixture = path.join(ROOT, "test/fixtures", name);
  const out = mkdtempSync(path.join(tmpdir(), `editoriale-${name}-`));
  const searchCache = path.join(out, "..", `${path.basename(out)}-search-cache`);
  made.push(out, searchCache);
  const configFile = config === undefined ? ".eleventy.ts" : path.relative(ROOT, path.join(fixture, config));
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", `--config=${configFile}`, "--quiet", `--input=${path.join(fixture, "content")}`, `--output=${out}`],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, TZ: "Europe/Rome", EDITORIALE_DATA: path.join(fixture, "_data"), EDITORIALE_SEARCH_CACHE: searchCache, ...extraEnv } },
  );
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, out };
}

export function readOutput(out: string, file: string): string {
  return readFileSync(path.join(out, file), "utf8");
}

/** The page written for a URL path, parsed. */
export function page(out: string, url: string): HTMLElement {
  const file = url.endsWith("/") ? `${url}index.html` : url;
  return parse(readOutput(out, file));
}

export function exists(out: string, file: string): boolean {
  return existsSync(path.join(out, file));
}

export function feed(out: string, file: string): { channel: Record<string, unknown>; items: Array<Record<string, unknown>> } {
  const xml = readOutput(out, file);
  const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false, isArray: (tag) => ["item", "category", "dc:creator"].includes(tag) });
  const doc = parser.parse(xml, true) as { rss: { channel: Record<string, unknown> & { item?: Array<Record<string, unknown>> } } };
  return { channel: doc.rss.channel, items: doc.rss.channel.item ?? [] };
}

/** Every file written, as paths relative to the output folder, sorted. */
export function allFiles(out: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(path.relative(out, full));
    }
  };
  walk(out);
  return files.sort();
}

export function text(el: HTMLElement | null | undefined): string {
  return (el?.textContent ?? "").replace(/\s+/g, " ").trim();
}

/**
 * Scripts the theme writes: JSON-LD everywhere, and on /cerca/ only the search
 * module loaded from the site, with no inline code. Anything else is markup from the text.
 */
export function isThemeScript(file: string, script: HTMLElement): boolean {
  if (script.getAttribute("type") === "application/ld+json") return true;
  return file === "cerca/index.html" && script.getAttribute("type") === "module" && script.getAttribute("src") === "/assets/cerca.js" && script.rawText.trim() === "";
}
