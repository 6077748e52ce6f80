import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PublishedStats } from "../../src/eleventy/published-stats.ts";

// PublishedStats: the published files' lengths and times, read by a worker thread ahead of the writer.

const work = mkdtempSync(path.join(tmpdir(), "editoriale-published-stats-"));
mkdirSync(path.join(work, "articolo", "index.html"), { recursive: true });
mkdirSync(path.join(work, "tag", "comuni"), { recursive: true });
writeFileSync(path.join(work, "tag", "comuni", "index.html"), "<p>Comuni</p>");
writeFileSync(path.join(work, "feed.xml"), "");

test("each path's length and time as stat gives them; null for what is missing or not a file; undefined for a path not asked", async () => {
  const stats = new PublishedStats(work, ["tag/comuni/index.html", "feed.xml", "gone/index.html", "articolo/index.html"]);
  assert.is(stats.of("feed.xml"), undefined, "not read yet: the caller makes its own call");
  await stats.ready();
  const real = statSync(path.join(work, "tag", "comuni", "index.html"));
  assert.equal(stats.of("tag/comuni/index.html"), { size: real.size, mtimeMs: real.mtimeMs });
  assert.equal(stats.of("feed.xml"), { size: 0, mtimeMs: statSync(path.join(work, "feed.xml")).mtimeMs }, "an empty file is a file");
  assert.is(stats.of("gone/index.html"), null);
  assert.is(stats.of("articolo/index.html"), null, "a folder where a page was");
  assert.is(stats.of("other.html"), undefined);
});

test("no paths: ready at once, nothing known", async () => {
  const stats = new PublishedStats(path.join(work, "nowhere"), []);
  await stats.ready();
  assert.is(stats.of("index.html"), undefined);
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
