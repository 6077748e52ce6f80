import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/build.ts";

// Issue 13: in content mode every .md of Eleventy's input was read as an article and the site's own
// pages could not build; `contentGlob` was accepted and never read. Now `contentFolder` names the
// articles' folder: the rest of the input is the site's, built by Eleventy.

const FIXTURE = path.join(ROOT, "test/fixtures/content-folder");

function build(site: string) {
  const out = mkdtempSync(path.join(tmpdir(), "editoriale-content-folder-"));
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--quiet", `--input=${site}`, `--output=${out}`],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, TZ: "Europe/Rome", NO_COLOR: "1", EDITORIALE_DATA: path.join(FIXTURE, "_data") } },
  );
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, out };
}

test("contentFolder: the articles are ours, the site's own templates and Markdown pages are Eleventy's", () => {
  const { status, output, out } = build(path.join(FIXTURE, "site"));
  try {
    assert.is(status, 0, output);
    assert.match(output, /\[editoriale\] 1 articles: wrote/);
    assert.match(readFileSync(path.join(out, "chi-siamo/index.html"), "utf8"), /<h1>CHI SIAMO<\/h1>/, "a Nunjucks page of the site");
    assert.match(readFileSync(path.join(out, "note/index.html"), "utf8"), /<h1>Note della redazione<\/h1>/, "a Markdown page of the site, not an article");
    assert.ok(existsSync(path.join(out, "i-servizi-sociali-dei-comuni/index.html")));
    assert.match(readFileSync(path.join(out, "tag/comuni/index.html"), "utf8"), /I servizi sociali dei Comuni/);
    assert.not.match(readFileSync(path.join(out, "feed.xml"), "utf8"), /Note della redazione/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("a site template that wants a file of ours, and a template inside the articles' folder: one line each", () => {
  const work = mkdtempSync(path.join(tmpdir(), "editoriale-content-folder-site-"));
  cpSync(path.join(FIXTURE, "site"), work, { recursive: true });
  writeFileSync(path.join(work, "feed.njk"), "---\npermalink: /feed.xml\n---\n<rss></rss>\n");
  writeFileSync(path.join(work, "articoli/modello.njk"), "<p>{{ 1 + 1 }}</p>\n");
  const first = build(work);
  writeFileSync(path.join(work, "articoli/modello.njk.txt"), "");
  rmSync(path.join(work, "articoli/modello.njk"));
  const second = build(work);
  try {
    assert.is(first.status, 1, first.output);
    assert.match(first.output, /articoli\/modello\.njk → \(file\): Eleventy templates and data files are not read from the content folder/);
    assert.is(second.status, 1, second.output);
    assert.match(second.output, /feed\.njk → permalink: \/feed\.xml would be written by both the feed of “Gli ultimi articoli” and .*feed\.njk/);
  } finally {
    for (const dir of [work, first.out, second.out]) rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
