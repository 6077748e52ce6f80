import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/build.ts";
import { OutputRegistry } from "../../src/core/output-registry.ts";
import { checkTemplateUrls } from "../../src/eleventy/template-guard.ts";

// Regression (issue 12): files of the content folder that were not articles were still Eleventy templates:
// `x.11ty.js` ran at build time, `permalink: ../../x.html` wrote outside the output, an `.html` planted /x.js
// or replaced /feed.xml — all with exit 0.

const FIXTURE = path.join(ROOT, "test/fixtures/content-code");

test("the content folder runs no code: templates and data files are refused, none runs, nothing is written", () => {
  const work = mkdtempSync(path.join(tmpdir(), "editoriale-content-code-"));
  const out = path.join(work, "nested/out");
  const marker = path.join(work, "marker.txt");
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--quiet", `--input=${path.join(FIXTURE, "content")}`, `--output=${out}`],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, TZ: "Europe/Rome", NO_COLOR: "1", EDITORIALE_DATA: path.join(FIXTURE, "_data"), EDITORIALE_TEST_MARKER: marker } },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  try {
    assert.is(run.status, 1, output);
    assert.not.ok(existsSync(marker), "no code of the content folder ran");
    assert.not.match(output, /\n\s+at /, "no stack trace");
    const refused = output.split("\n").filter((line) => line.includes("→ (file): Eleventy templates and data files are not read from the content folder"));
    const files = refused.map((line) => (/content-code\/content\/(\S+) →/.exec(line) ?? [])[1]).sort();
    assert.equal(files, ["_nascosti/modello.njk", "codice.11ty.js", "content.11tydata.js", "feed-finto.html", "fuori.html", "pagine/liquido.liquid", "piantato.html"], output);
    // Nothing written: not in the output, not beside it (../../fuori.html), not the planted script.
    assert.equal(readdirSync(work).sort(), [], "nothing in the work folder");
    assert.not.ok(existsSync(path.join(ROOT, "fuori.html")));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test("templatesInContent: true lets Eleventy read them, and still no permalink leaves the output or takes a feed", () => {
  const fixture = path.join(ROOT, "test/fixtures/content-templates-trusted");
  const work = mkdtempSync(path.join(tmpdir(), "editoriale-trusted-"));
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--quiet", `--input=${path.join(fixture, "content")}`, `--output=${path.join(work, "a/out")}`],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, TZ: "Europe/Rome", NO_COLOR: "1", EDITORIALE_DATA: path.join(fixture, "_data") } },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  try {
    assert.is(run.status, 1, output);
    assert.match(output, /content\/fuori\.html → permalink: “\/\.\.\/\.\.\/fuori\.html” would be written outside the output folder/);
    assert.match(output, /content\/feed-finto\.html → permalink: \/feed\.xml would be written by both the feed of “Gli ultimi articoli” and/);
    assert.not.match(output, /chi-siamo\.njk →/, "a template with a good permalink is fine");
    assert.equal(readdirSync(work), ["a"], "nothing beside the output folder");
    assert.not.ok(existsSync(path.join(work, "fuori.html")));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test("a site template's URL may not leave the output folder nor take a file of ours", () => {
  const registry = new OutputRegistry();
  registry.claim("/feed.xml", { description: "the feed of “Gli ultimi articoli”", field: "url" });
  registry.reserveFolder("/assets/", { description: "the theme's files (/assets/)", field: "url" });
  const problems = checkTemplateUrls(
    {
      "./src/ok.njk": ["/chi-siamo/"],
      "./src/evil.html": ["/../../escaped.html"],
      "./src/encoded.html": ["/%2e%2e/%2e%2e/escaped.html"],
      "./src/deep.html": ["/a/../../b.html"],
      "./src/inside.html": ["/a/../b.html"],
      "./src/feed.njk": ["/feed.xml"],
      "./src/asset.njk": ["/assets/x.js"],
      "./src/ours.11ty.js": ["/assets/editoriale.1234.css"],
      "./src/nothing.njk": [false],
    },
    registry,
    (input) => input.endsWith("ours.11ty.js"),
  );
  const lines = problems.map((p) => `${p.file} → ${p.field}: ${p.message}`);
  assert.equal(lines, [
    "./src/evil.html → permalink: “/../../escaped.html” would be written outside the output folder",
    "./src/encoded.html → permalink: “/%2e%2e/%2e%2e/escaped.html” would be written outside the output folder",
    "./src/deep.html → permalink: “/a/../../b.html” would be written outside the output folder",
    "./src/feed.njk → permalink: /feed.xml would be written by both the feed of “Gli ultimi articoli” and ./src/feed.njk",
    "./src/asset.njk → permalink: /assets/x.js is inside the theme's files (/assets/), which the build writes as a whole",
  ]);
});

test.run();
