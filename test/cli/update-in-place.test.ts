import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { MARKER, isFinishedSite, writeMarker } from "../../src/cli/output-marker.ts";
import { buildTree, linkReused, publishedTree, takeReusedList, updateInPlace, updatePays } from "../../src/cli/update-in-place.ts";
import { REUSED_LIST } from "../../src/core/site-files.ts";
import { readTree } from "../helpers/read-tree.ts";

/** The site's files and their text, the marker left out. */
function siteFiles(root: string): Record<string, string> {
  const files = Object.fromEntries(readTree(root));
  delete files[MARKER];
  return files;
}

// Publishing a warm build by updating the published site (src/cli/update-in-place.ts): the site after the
// update is exactly the build's files plus the reused ones plus the kept entries, nothing else.

function put(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

/** Each test's own folder, removed when the file's tests are done. */
const folders: string[] = [];
function workFolder(): string {
  const work = mkdtempSync(path.join(tmpdir(), "editoriale-update-"));
  folders.push(work);
  return work;
}

/** A published site and a warm build of it: `site` the published files, `build` what the build wrote, `reused` its list. */
function setUp(site: Record<string, string>, build: Record<string, string>, reused: readonly string[]) {
  const work = workFolder();
  const target = path.join(work, "site");
  const building = path.join(work, "site.building-1");
  put(target, site);
  writeMarker(target);
  put(building, build);
  writeMarker(building);
  writeFileSync(path.join(building, REUSED_LIST), reused.map((p) => `${p}\n`).join(""));
  return { target, building };
}

const SITE = {
  "index.html": "home v1",
  "a/index.html": "article a",
  "b/index.html": "article b v1",
  "old/index.html": "a deleted article",
  "tag/x/page/2/index.html": "an archive page the site no longer has",
  "feed.xml": "feed v1",
  "CNAME": "www.example.org",
};

/** A warm build of SITE: the home, an article and the feed changed, an article added; `a` reused. */
const BUILD = { "index.html": "home v2", "b/index.html": "article b v2", "c/index.html": "article c", "feed.xml": "feed v2" };

/** The site after that build's update: its files, the reused one and the kept CNAME, nothing else. */
const UPDATED = {
  "CNAME": "www.example.org",
  "a/index.html": "article a",
  "b/index.html": "article b v2",
  "c/index.html": "article c",
  "feed.xml": "feed v2",
  "index.html": "home v2",
};

test("an update: changed files replaced, reused ones untouched, the old site's others removed, kept entries kept", () => {
  const { target, building } = setUp(SITE, BUILD, ["a/index.html"]);
  const inode = statSync(path.join(target, "a/index.html")).ino;
  const reused = takeReusedList(building);
  assert.ok(reused);
  assert.not.ok(existsSync(path.join(building, REUSED_LIST)), "the list is taken out of the build");
  const tree = buildTree(building);
  assert.equal(tree.files.sort(), ["b/index.html", "c/index.html", "feed.xml", "index.html"]);
  const result = updateInPlace(target, building, reused, tree, ["CNAME", ".well-known"]);
  assert.equal(result.kept, ["CNAME"]);
  assert.is(result.moved, 4);
  // old/index.html and tag/x/page/2/index.html, and the folders old, tag/x/page/2, tag/x/page, tag/x, tag.
  assert.is(result.removed, 7);
  assert.equal(siteFiles(target), UPDATED);
  assert.is(statSync(path.join(target, "a/index.html")).ino, inode, "a reused file is the published one, not a copy");
  assert.ok(isFinishedSite(target), "the marker no longer says updating");
});

test("an output that became a folder, and a folder that became a file", () => {
  const { target, building } = setUp({ "x": "a file", "y/index.html": "in a folder", "z/index.html": "kept" }, { "x/index.html": "now a folder", "y": "now a file" }, ["z/index.html"]);
  const reused = takeReusedList(building);
  assert.ok(reused);
  updateInPlace(target, building, reused, buildTree(building), []);
  assert.equal(siteFiles(target), { "x/index.html": "now a folder", "y": "now a file", "z/index.html": "kept" });
});

test("a reused folder (a search bundle left in place) is neither entered nor removed", () => {
  const { target, building } = setUp({ "pagefind/2015/a.pf": "bundle 2015", "pagefind/2016/b.pf": "old bundle 2016", "index.html": "home" }, { "pagefind/2016/c.pf": "new bundle 2016" }, ["pagefind/2015/", "index.html"]);
  const reused = takeReusedList(building);
  assert.ok(reused);
  assert.equal(reused.folders, ["pagefind/2015"]);
  updateInPlace(target, building, reused, buildTree(building), []);
  assert.equal(siteFiles(target), { "index.html": "home", "pagefind/2015/a.pf": "bundle 2015", "pagefind/2016/c.pf": "new bundle 2016" });
});

test("a reused file gone from the published site: an error naming it, and nothing changed", () => {
  const { target, building } = setUp(SITE, { "index.html": "home v2" }, ["a/index.html", "gone/index.html"]);
  const before = siteFiles(target);
  const reused = takeReusedList(building);
  assert.ok(reused);
  assert.throws(() => updateInPlace(target, building, reused, buildTree(building), ["CNAME"]), /1 published file that the build reused is gone \(gone\/index\.html\).*nothing was changed\. Fix: build again/);
  assert.equal(siteFiles(target), before);
  assert.ok(isFinishedSite(target));
});

test("too much changed: the reused files are linked into the build instead, which is then a whole site", () => {
  const { target, building } = setUp(SITE, { "index.html": "home v2", "b/index.html": "b v2", "c/index.html": "c" }, ["a/index.html"]);
  const reused = takeReusedList(building);
  assert.ok(reused);
  const tree = buildTree(building);
  assert.not.ok(updatePays(reused, tree), "1 reused against 3 written");
  linkReused(target, building, reused);
  assert.is(readFileSync(path.join(building, "a/index.html"), "utf8"), "article a");
  assert.is(statSync(path.join(building, "a/index.html")).ino, statSync(path.join(target, "a/index.html")).ino);
  assert.ok(updatePays({ files: ["a", "b", "c"], folders: [] }, { files: ["d"], folders: [] }));
  assert.not.ok(updatePays({ files: [], folders: [] }, { files: [], folders: [] }), "nothing reused: a swap");
});

test("a build without a list (nothing to update in place) and a marker left by an update cut short", () => {
  const work = workFolder();
  assert.is(takeReusedList(work), undefined);
  writeMarker(work, [], { updating: 4242 });
  assert.not.ok(isFinishedSite(work), "an update cut short: the next build replaces the site whole");
  writeMarker(work, [1, 2]);
  assert.not.ok(isFinishedSite(work), "a build running in it");
  writeMarker(work);
  assert.ok(isFinishedSite(work));
  assert.not.ok(isFinishedSite(path.join(work, "nowhere")));
});

test("the site as walked while the build ran gives the same update; a file removed by hand since does not stop it", () => {
  const { target, building } = setUp(SITE, BUILD, ["a/index.html"]);
  const found = publishedTree(target, building, ["CNAME"]);
  rmSync(path.join(target, "old/index.html"));
  const reused = takeReusedList(building);
  assert.ok(reused);
  const result = updateInPlace(target, building, reused, buildTree(building), ["CNAME"], found);
  assert.is(result.moved, 4);
  assert.equal(siteFiles(target), UPDATED);
  assert.ok(isFinishedSite(target));
});

test("the walk of the published site: every folder entered, the marker, build folders of ours and kept entries left out", () => {
  const work = workFolder();
  const target = path.join(work, "site");
  put(target, {
    "index.html": "home",
    "pagefind/2015/fragment/a.pf_fragment": "bundle",
    "CNAME": "www.example.org",
    ".editoriale-building-7/index.html": "another build's folder",
    ".editoriale-previous-8/index.html": "a previous site being removed",
    "deep/.editoriale-building-9/x.html": "only the top level is ours",
  });
  writeMarker(target);
  const tree = publishedTree(target, path.join(target, ".editoriale-building-7"), ["CNAME"]);
  assert.equal([...tree.files].sort(), ["deep/.editoriale-building-9/x.html", "index.html", "pagefind/2015/fragment/a.pf_fragment"]);
  assert.equal([...tree.folders].sort(), ["deep", "deep/.editoriale-building-9", "pagefind", "pagefind/2015", "pagefind/2015/fragment"]);
  for (const [i, folder] of tree.folders.entries()) {
    const parent = path.posix.dirname(folder);
    if (parent !== ".") assert.ok(tree.folders.indexOf(parent) < i, `${parent} before ${folder}`);
  }
});

test.after(() => {
  for (const work of folders) rmSync(work, { recursive: true, force: true });
});
test.run();
