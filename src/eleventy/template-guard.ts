import { readdirSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../core/errors.ts";
import type { OutputRegistry } from "../core/output-registry.ts";
import { displayPath } from "./display-path.ts";
import { percentDecoded } from "../core/percent-decode.ts";

/** Files Eleventy would run as templates or as template data: code, in a folder that should hold only writing. */
const TEMPLATE_FILE = /\.(?:11ty\.[cm]?[jt]sx?|11tydata\.[cm]?js|11tydata\.json|njk|liquid|html?|ejs|hbs|handlebars|mustache|haml|pug|webc|vto|jsx|tsx|mdx)$/i;

/**
 * The Eleventy templates and data files inside the content folder. Eleventy
 * never reads the content folder in content mode (the plugin ignores it as a
 * whole), so none of them would run or be published: each is reported, so that
 * a page the maintainer expected is not silently missing, and a file dropped
 * there (`x.11ty.js`, `x.njk`, an `.html` with a `permalink:`) never runs code
 * or writes anywhere.
 */
export function templatesInContent(contentDir: string): Problem[] {
  let entries: string[];
  try {
    entries = entriesUnder(contentDir);
  } catch {
    // A missing or unreadable content folder is reported by the content reader.
    return [];
  }
  return entries
    .filter((entry) => TEMPLATE_FILE.test(entry))
    .sort()
    .map((entry) => ({
      code: "TEMPLATE_IN_CONTENT",
      file: displayPath(path.join(contentDir, entry)),
      field: "(file)",
      message: "Eleventy templates and data files are not read from the content folder (they would run code at build time), so this file would be neither run nor published",
      fix: "move it out of the content folder (a page written in Markdown belongs in content/pagine/), delete it, or set `templatesInContent: true` in the plugin options if the site trusts it",
    }));
}

/**
 * Every entry under `dir` (files and folders, relative), links not followed, `node_modules` not entered: what
 * `readdirSync(dir, { recursive: true })` lists, less what is under node_modules, and five times faster on Node 20
 * (its recursive listing: ~50 ms for 10,000 articles, against ~10 ms).
 */
function entriesUnder(dir: string): string[] {
  const entries: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === "node_modules") continue;
      const relative = prefix + entry.name;
      entries.push(relative);
      if (entry.isDirectory()) walk(path.join(folder, entry.name), relative + path.sep);
    }
  };
  walk(dir, "");
  return entries;
}

/**
 * Checks the pages Eleventy itself is about to write (the site's templates;
 * the `eleventy.contentMap` event gives each input's URLs before anything is
 * written): none may leave the output folder (`permalink: ../../x.html`), and
 * none may take a file Editoriale writes (a page, a feed, the sitemap, the
 * stylesheet, the search index).
 */
export function checkTemplateUrls(inputPathToUrl: Record<string, unknown>, outputs: OutputRegistry, ownInput: (inputPath: string) => boolean): Problem[] {
  const problems: Problem[] = [];
  for (const [inputPath, urls] of Object.entries(inputPathToUrl)) {
    if (ownInput(inputPath) || !Array.isArray(urls)) continue;
    for (const url of urls) {
      if (typeof url !== "string") continue;
      if (leavesOutput(url)) {
        problems.push({
          code: "TEMPLATE_OUTSIDE_OUTPUT",
          file: inputPath,
          field: "permalink",
          message: `“${url}” would be written outside the output folder`,
          fix: "give the template a permalink inside the site, starting with / and without “..”",
        });
        continue;
      }
      const before = outputs.problems.length;
      outputs.claim(url, { description: inputPath, file: inputPath, field: "permalink" });
      problems.push(...outputs.problems.slice(before));
    }
  }
  return problems;
}

/** A URL whose file would resolve outside the output folder. */
function leavesOutput(url: string): boolean {
  const decoded = percentDecoded(url);
  if (decoded.includes("\\") || decoded.includes("\u0000")) return true;
  let depth = 0;
  for (const segment of decoded.split("/")) {
    if (segment === "..") depth--;
    else if (segment !== "" && segment !== ".") depth++;
    if (depth < 0) return true;
  }
  return false;
}

