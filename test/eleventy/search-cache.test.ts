import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SearchCache } from "../../src/eleventy/search-cache.ts";

// SearchCache.sameAt: whether the published copy of a bundle is already the cache's entry of a key, for a
// build that updates the site in place. The files its predecessor placed are known by size, time and inode;
// any other copy is read and compared by hash.

const work = mkdtempSync(path.join(tmpdir(), "editoriale-search-cache-"));
const key = "a".repeat(64);

/** The files of the bundle of these tests, written into `folder` (returned). */
function writeBundle(folder: string): string {
  mkdirSync(path.join(folder, "fragment"), { recursive: true });
  writeFileSync(path.join(folder, "pagefind-entry.json"), '{"version":"1"}');
  writeFileSync(path.join(folder, "fragment", "it_1.pf_fragment"), "frammento uno");
  return folder;
}

/** A bundle sealed into a build folder, which is then renamed to be the published site, as npm run build does. */
function published(name: string): { cache: SearchCache; site: string } {
  const root = path.join(work, name);
  const cache = new SearchCache(path.join(root, "cache"), "pagefind 1, editoriale 1, language it", () => {});
  const scratch = cache.scratch("2024");
  writeBundle(scratch);
  const building = path.join(root, "building");
  cache.seal("2024", key, scratch, path.join(building, "pagefind", "2024"));
  renameSync(building, path.join(root, "site"));
  return { cache, site: path.join(root, "site", "pagefind", "2024") };
}

test("the copy its build placed is the entry; another key, a missing or an extra file is not", () => {
  const { cache, site } = published("placed");
  assert.ok(cache.sameAt("2024", key, site));
  assert.not.ok(cache.sameAt("2024", "b".repeat(64), site));
  writeFileSync(path.join(site, "extra.json"), "{}");
  assert.not.ok(cache.sameAt("2024", key, site));
  rmSync(path.join(site, "extra.json"));
  rmSync(path.join(site, "fragment", "it_1.pf_fragment"));
  assert.not.ok(cache.sameAt("2024", key, site));
});

test("a file changed in place (same length, new time) is read: not the entry; only touched, it still is", () => {
  const { cache, site } = published("changed");
  const fragment = path.join(site, "fragment", "it_1.pf_fragment");
  const later = new Date(statSync(fragment).mtimeMs + 5_000);
  utimesSync(fragment, later, later);
  assert.ok(cache.sameAt("2024", key, site), "the same bytes under a new time: compared by hash, the same");
  writeFileSync(fragment, "frammento due");
  assert.is(readFileSync(fragment, "utf8").length, "frammento uno".length);
  assert.not.ok(cache.sameAt("2024", key, site));
});

test("a copy made elsewhere (new inodes) is compared by hash", () => {
  const { cache, site } = published("copied");
  const copy = writeBundle(path.join(work, "copied", "elsewhere"));
  assert.ok(cache.sameAt("2024", key, copy));
  writeFileSync(path.join(copy, "pagefind-entry.json"), '{"version":"2"}');
  assert.not.ok(cache.sameAt("2024", key, copy));
  assert.ok(cache.sameAt("2024", key, site));
});

test("a copy found equal by hash is recorded: the next build knows it by a stat, not a read", () => {
  const { cache, site } = published("recorded");
  const copy = writeBundle(path.join(work, "recorded", "elsewhere"));
  const placed = () => (JSON.parse(readFileSync(path.join(cache.dir, "2024", "placed.json"), "utf8")) as { files: Array<[string, number, number, number]> }).files;
  const inodes = (folder: string) => placed().map(([name, , , ino]) => [name, ino, statSync(path.join(folder, name)).ino]);
  assert.ok(inodes(site).every(([, was, now]) => was === now), "placed by its build: the site's files");
  assert.ok(cache.sameAt("2024", key, copy));
  assert.equal(placed().map(([name]) => name), ["fragment/it_1.pf_fragment", "pagefind-entry.json"]);
  assert.ok(inodes(copy).every(([, was, now]) => was === now), "the copy's files, once compared");
  // A different copy is read, found different, and does not replace the record.
  writeFileSync(path.join(site, "pagefind-entry.json"), '{"version":"2"}');
  assert.not.ok(cache.sameAt("2024", key, site));
  assert.ok(inodes(copy).every(([, was, now]) => was === now));
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test("a sealed bundle's files are hard links to the entry's; sealing it again never writes through them", () => {
  const { cache, site } = published("linked");
  const entryFragment = path.join(work, "linked", "cache", "2024", "files", "fragment", "it_1.pf_fragment");
  const fragment = path.join(site, "fragment", "it_1.pf_fragment");
  assert.is(statSync(fragment).ino, statSync(entryFragment).ino, "no copy of the bytes");
  // The next build indexes the bundle again, with other bytes, into its own build folder.
  const scratch = cache.scratch("2024");
  writeBundle(scratch);
  writeFileSync(path.join(scratch, "fragment", "it_1.pf_fragment"), "frammento nuovo");
  const next = path.join(work, "linked", "next", "pagefind", "2024");
  cache.seal("2024", "c".repeat(64), scratch, next);
  assert.is(readFileSync(path.join(next, "fragment", "it_1.pf_fragment"), "utf8"), "frammento nuovo");
  assert.is(readFileSync(fragment, "utf8"), "frammento uno", "the published site keeps what it was given");
  assert.is(readFileSync(entryFragment, "utf8"), "frammento nuovo", "the entry is the new one");
  assert.ok(cache.sameAt("2024", "c".repeat(64), next));
  assert.not.ok(cache.sameAt("2024", key, site), "the old site is no longer the entry of any key kept");
});

test.run();
