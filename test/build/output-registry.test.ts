import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/build.ts";

// Regression (issue 12): the collision check compared URL strings, so a permalink spelled as the file
// (`/x/index.html`), a feed, the search page, the sitemap or the theme's files could be replaced, exit 0.

interface Build {
  status: number | null;
  output: string;
  out: string;
}

function build(fixture: string): Promise<Build> {
  const out = mkdtempSync(path.join(tmpdir(), `editoriale-${fixture}-`));
  const dir = path.join(ROOT, "test/fixtures", fixture);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--quiet", `--input=${path.join(dir, "content")}`, `--output=${out}`],
      { cwd: ROOT, env: { ...process.env, TZ: "Europe/Rome", NO_COLOR: "1", EDITORIALE_DATA: path.join(dir, "_data") } },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (status) => resolve({ status, output, out }));
  });
}

const builds = Promise.all([build("collisions"), build("alias-collisions")]);

/** The problem lines of a failed build, without Eleventy's prefix. */
function problemLines(output: string): string[] {
  return output
    .split("\n")
    .map((line) => line.replace(/^\[11ty\]\s*/, "").trim())
    .filter((line) => line.includes(" → "));
}

function lineFor(lines: string[], file: string): string {
  const found = lines.filter((line) => line.startsWith(`./test/fixtures/`) && line.includes(`/${file} → `));
  assert.is(found.length, 1, `one problem for ${file}:\n${lines.join("\n")}`);
  return found[0] ?? "";
}

test("every file the build writes is claimed once: pages, feeds, search page, sitemap, robots, _redirects, assets, Pagefind", async () => {
  const [result] = await builds;
  assert.ok(result);
  assert.is(result.status, 1, result.output);
  assert.not.match(result.output, /\n\s+at /, "no stack trace");
  const lines = problemLines(result.output);
  assert.is(lines.length, 11, lines.join("\n"));
  const expected: Record<string, RegExp> = {
    "permalink-index.md": /→ permalink: \/articolo-buono\/index\.html \(the same file as \/articolo-buono\/\) would be written by both .*articolo-buono\.md and .*permalink-index\.md\. Fix: give it another `permalink:`/,
    "permalink-feed.md": /→ permalink: \/tag\/comuni\/feed\.xml would be written by both the feed of “Post con tag “Comuni”” and/,
    "slug-cerca.md": /→ slug: \/cerca\/ would be written by both the search page and .*slug-cerca\.md\. Fix: give this article another `slug:`/,
    "cerca.md": /→ slug: \/cerca\/ would be written by both the search page and .*\/cerca\.md/,
    "permalink-404.md": /→ permalink: \/404\.html would be written by both the 404 page and/,
    "permalink-sitemap.md": /→ permalink: \/sitemap\.xml would be written by both the sitemap and/,
    "permalink-robots.md": /→ permalink: \/robots\.txt would be written by both robots\.txt and/,
    "permalink-redirects.md": /→ permalink: \/_redirects would be written by both the redirects file/,
    "permalink-asset.md": /→ permalink: \/assets\/editoriale\.css is inside the theme's files \(\/assets\/\), which the build writes as a whole/,
    "permalink-pagefind.md": /→ permalink: \/pagefind\/pagefind\.js is inside the search index \(\/pagefind\/\)/,
    "file-cartella.md": /→ permalink: \/servizi and \/servizi\/sociali\/ cannot both be written: one needs a file where the other needs a folder/,
  };
  for (const [file, says] of Object.entries(expected)) assert.match(lineFor(lines, file), says);
  assert.not.ok(existsSync(path.join(result.out, "index.html")), "nothing is written when a path is claimed twice");
  rmSync(result.out, { recursive: true, force: true });
});

test("aliases cannot redirect from a file the build writes (forced 301! rules would hide it)", async () => {
  const [, result] = await builds;
  assert.ok(result);
  assert.is(result.status, 1, result.output);
  const lines = problemLines(result.output).filter((line) => line.includes("alias-riservati.md → aliases:"));
  const shown = (address: string) => lines.filter((line) => line.includes(`aliases: ${address} is `)).length;
  for (const address of ["/assets/editoriale.css", "/pagefind/pagefind.js", "/cerca/", "/sitemap.xml", "/feed.xml", "/tag/comuni/feed.xml", "/404.html"]) {
    assert.is(shown(address), 1, `${address}:\n${lines.join("\n")}`);
  }
  assert.is(lines.length, 7, lines.join("\n"));
  assert.match(lines.join("\n"), /aliases: \/assets\/editoriale\.css is the address of the theme's files \(\/assets\/\), so it cannot also redirect to \/alias-che-rompono-il-sito\/\. Fix: remove this address from `aliases:`/);
  rmSync(result.out, { recursive: true, force: true });
});

test.run();
