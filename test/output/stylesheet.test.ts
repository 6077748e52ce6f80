import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { buildSite, htmlFiles } from "./build-site.ts";

const { out } = buildSite();
/** The stylesheet the pages link: /assets/editoriale.css, or its fingerprinted copy /assets/editoriale.<hash>.css. */
const HREF = /^\/assets\/editoriale(\.[0-9a-f]{10})?\.css$/;
const href = parse(readFileSync(path.join(out, "index.html"), "utf8")).querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "";
const CSS = path.join(out, href);
const css = readFileSync(CSS, "utf8");

test("the stylesheet the pages link is in the build and stays under 25 KB", () => {
  assert.match(href, HREF);
  const size = statSync(CSS).size;
  console.log(`editoriale.css: ${size} bytes`);
  assert.ok(size < 25 * 1024, `${size} bytes`);
});

test("no request leaves the site: no @import, no remote url(), no web font", () => {
  assert.not.match(css, /@import/);
  assert.not.match(css, /@font-face/);
  for (const [, target] of css.matchAll(/url\(\s*["']?([^"')]+)/g)) assert.match(target ?? "", /^(data:|\/|#)/, `url(${target})`);
});

test("system fonts, dark mode, print stylesheet, visible focus", () => {
  assert.match(css, /system-ui/);
  assert.match(css, /@media \(prefers-color-scheme: dark\)/);
  assert.match(css, /@media print/);
  assert.match(css, /:focus-visible\s*\{[^}]*outline:\s*3px solid/);
});

/** The search page (/cerca/) is the one page that needs JavaScript. */
const SEARCH_PAGE = /^cerca\//;

test("every page links the stylesheet; no page but the search page has a script", () => {
  for (const file of htmlFiles(out)) {
    const doc = parse(readFileSync(path.join(out, file), "utf8"));
    assert.ok(doc.querySelectorAll('link[rel="stylesheet"]').some((l) => l.getAttribute("href") === href), `${file}: links ${href}`);
    if (SEARCH_PAGE.test(file)) continue;
    assert.is(doc.querySelectorAll("script:not([type='application/ld+json'])").length, 0, `${file}: no JavaScript needed`);
  }
});

test.run();
