import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allFiles, feed, ROOT } from "../helpers/build.ts";

// `npm run build` (scripts/build.ts) twice, each in its own process, with the persistent build cache
// (src/eleventy/build-cache.ts) between them: the second build's output must be byte for byte the
// output of a build without cache of the same content, and say how many outputs it reused.

const FIXTURE = path.join(ROOT, "test/fixtures/basic");
const work = mkdtempSync(path.join(tmpdir(), "editoriale-build-cache-"));
const content = path.join(work, "content");
cpSync(path.join(FIXTURE, "content"), content, { recursive: true });
const data = path.join(FIXTURE, "_data");
const cache = path.join(work, "cache");
const site = path.join(work, "site");
const cacheFile = path.join(cache, "build.cache");

interface Run {
  log: string;
  /** From the build's line "N articles: wrote W files, R reused from the previous build". */
  wrote: number;
  reused: number;
}

function build(output: string, { cacheDir = cache, dataDir = data, input = content } = {}): Run {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", `--input=${input}`, `--output=${output}`], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TZ: "Europe/Rome", NO_COLOR: "1", EDITORIALE_DATA: dataDir, EDITORIALE_BUILD_CACHE: cacheDir, EDITORIALE_IMAGE_CACHE: path.join(work, "images-cache") },
  });
  const log = `${run.stdout}${run.stderr}`;
  assert.is(run.status, 0, log);
  const line = /\[editoriale\] \d+ articles: wrote (\d+) files(?:, (\d+) reused from the previous build)?/.exec(log);
  assert.ok(line, log);
  return { log, wrote: Number(line[1]), reused: Number(line[2] ?? 0) };
}

/** A build of the same content without any cache, in a folder of its own. */
function clean(name: string, dataDir = data): string {
  return cleanRun(name, dataDir).out;
}

function cleanRun(name: string, dataDir = data, input = content): Run & { out: string } {
  const out = path.join(work, `clean-${name}`);
  const run = build(out, { cacheDir: "off", dataDir, input });
  assert.is(run.reused, 0);
  assert.not.match(run.log, /build cache/);
  return { ...run, out };
}

/** Every file of both folders, the same paths and the same bytes. */
function assertIdentical(actual: string, expected: string): void {
  const files = allFiles(expected);
  assert.equal(allFiles(actual), files);
  for (const file of files) {
    if (!readFileSync(path.join(actual, file)).equals(readFileSync(path.join(expected, file)))) assert.unreachable(`${file} differs from a build without cache`);
  }
}

const notices = (log: string) => log.split("\n").filter((line) => line.includes("build cache"));
const inode = (file: string) => statSync(path.join(site, file)).ino;

function edit(file: string, change: (text: string) => string): void {
  const at = path.join(content, file);
  const before = readFileSync(at, "utf8");
  const after = change(before);
  assert.is.not(after, before, `the edit of ${file} changes it`);
  writeFileSync(at, after);
}

let cold: Run;

test("a first build writes everything and leaves a cache", () => {
  cold = build(site);
  assert.is(cold.reused, 0);
  assert.equal(notices(cold.log), [], "no cache yet: nothing to say");
  assert.ok(statSync(cacheFile).size > 0);
  assertIdentical(site, clean("cold"));
});

test("the same content again: every output with a signature reused, the same bytes", () => {
  const again = build(site);
  // Always rendered: the home's first page, the dossier, pages, indexes, 404, robots, _redirects, stylesheet (the sitemap is reused: its entries are its signature).
  assert.ok(again.reused > cold.wrote / 2, again.log);
  assert.is(again.wrote + again.reused, cold.wrote);
  assertIdentical(site, clean("same"));
});

test("a body edit: its page and the feeds carrying it rendered, the rest linked from the previous site", () => {
  const unrelated = inode("articolo-numero-20/index.html");
  const edited = inode("articolo-numero-5/index.html");
  edit("articolo-5.md", (text) => `${text}\nIl comune ha rinnovato il patto di coprogettazione con gli enti del terzo settore.\n`);
  const run = build(site);
  assert.equal(notices(run.log), []);
  assert.is(run.wrote + run.reused, cold.wrote);
  assert.ok(run.reused > 0 && run.wrote < cold.wrote / 2, run.log);
  assert.match(run.log, new RegExp(`\\[editoriale\\] .*site updated in place: \\d+ files written, \\d+ removed, ${run.reused} unchanged`));
  assert.is(inode("articolo-numero-20/index.html"), unrelated, "an unchanged page is the previous build's file, left in place");
  assert.is.not(inode("articolo-numero-5/index.html"), edited, "the edited page is written anew");
  assert.match(readFileSync(path.join(site, "articolo-numero-5/index.html"), "utf8"), "rinnovato il patto di coprogettazione");
  assertIdentical(site, clean("body"));
});

test("an edit that changes no page's searchable part: its bundle, fed to Pagefind as it was written, is reused after all", () => {
  const bundle2020 = inode("pagefind/2020/pagefind-entry.json");
  // Blank lines at the end of the body: the file changed (its bundle is fed to Pagefind early), its HTML did not.
  edit("articolo-5.md", (text) => `${text}\n\n\n`);
  const run = build(site);
  assert.match(run.log, /search: \d+ pages in 2 bundles .*: indexed 0, reused 2/);
  assert.is(inode("pagefind/2020/pagefind-entry.json"), bundle2020, "the bundle is left where it is");
  assertIdentical(site, clean("blank-lines"));
});

test("a title edit: the same output as a build without cache", () => {
  edit("articolo-6.md", (text) => text.replace('title: "Articolo numero 6"', 'title: "Reddito di inclusione nei piccoli comuni"'));
  const run = build(site);
  assert.ok(run.reused > 0, run.log);
  assert.is(run.wrote + run.reused, cold.wrote);
  assertIdentical(site, clean("title"));
  const items = feed(site, "feed.xml").items.map((item) => item.title);
  assert.ok(items.includes("Reddito di inclusione nei piccoli comuni"), items.join(", "));
});

test("a tag edit: a new tag archive and feed, the same output as a build without cache", () => {
  edit("articolo-7.md", (text) => text.replace('tags: ["Comuni", "Lecco"]', 'tags: ["Comuni", "Lecco", "Welfare aziendale"]'));
  const run = build(site);
  assert.ok(run.reused > 0, run.log);
  const expected = cleanRun("tag");
  assert.ok(expected.wrote > cold.wrote, "the new tag's archive pages and feeds");
  assert.is(run.wrote + run.reused, expected.wrote, "every file of the site, written or reused");
  assertIdentical(site, expected.out);
  assert.equal(feed(site, "tag/welfare-aziendale/feed.xml").items.map((item) => item.link), ["https://prova.example/articolo-numero-7/"]);
});

test("a deleted article: its page and its feed items are gone", () => {
  const gone = "https://prova.example/articolo-numero-20/";
  assert.ok(feed(site, "tag/comuni/feed.xml").items.some((item) => item.link === gone));
  rmSync(path.join(content, "articolo-20.md"));
  const run = build(site);
  assert.ok(run.reused > 0, run.log);
  assert.not.ok(allFiles(site).some((file) => file.startsWith("articolo-numero-20/")), "no page left");
  for (const file of allFiles(site).filter((f) => f.endsWith("feed.xml"))) {
    assert.not.ok(feed(site, file).items.some((item) => item.link === gone), `${file} lists it no more`);
  }
  assertIdentical(site, clean("deleted"));
});

test("an update in place keeps the keep-list's entries (CNAME) and removes a stray file, as a swap does", () => {
  writeFileSync(path.join(site, "CNAME"), "www.prova.example\n");
  writeFileSync(path.join(site, "appunti.txt"), "un file messo a mano\n");
  const bundle2021 = inode("pagefind/2021/pagefind-entry.json");
  edit("articolo-8.md", (text) => `${text}\nIl consiglio comunale ha approvato il piano di zona.\n`);
  const run = build(site);
  assert.match(run.log, /search: \d+ pages in 2 bundles .*: indexed 1 \(2020\), reused 1/);
  assert.is(inode("pagefind/2021/pagefind-entry.json"), bundle2021, "the unchanged search bundle is left where it is");
  // appunti.txt, and the search bundle's files that changed.
  assert.match(run.log, /site updated in place: \d+ files written, [1-9]\d* removed/);
  assert.match(run.log, /kept from the previous site: CNAME/);
  assert.is(readFileSync(path.join(site, "CNAME"), "utf8"), "www.prova.example\n");
  rmSync(path.join(site, "CNAME"));
  assertIdentical(site, clean("kept"));
});

test("an update cut short (the marker still says updating): the next build replaces the site whole, and trusts no changed file", () => {
  const marker = path.join(site, ".editoriale-output");
  writeFileSync(marker, `${readFileSync(marker, "utf8")}updating: 999999\n`);
  // What a kill between the renames can leave: a published page not yet replaced.
  const file = path.join(site, "articolo-numero-22/index.html");
  writeFileSync(file, readFileSync(file, "utf8").replaceAll("Articolo numero 22", "Articolo numero YY"));
  const run = build(site);
  assert.not.match(run.log, /updated in place/);
  assert.ok(run.reused > 0, "the files it can check are still reused");
  assert.not.match(readFileSync(file, "utf8"), "Articolo numero YY");
  assert.not.match(readFileSync(marker, "utf8"), /updating/);
  assertIdentical(site, clean("cut-short"));
});

test("a published file changed since (same length): rendered again, not trusted", () => {
  const file = path.join(site, "articolo-numero-21/index.html");
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replaceAll("Articolo numero 21", "Articolo numero XX"));
  const run = build(site);
  assert.ok(run.reused > 0, run.log);
  assert.match(readFileSync(file, "utf8"), "Articolo numero 21");
  assert.not.match(readFileSync(file, "utf8"), "Articolo numero XX");
  assertIdentical(site, clean("tampered"));
});

test("a damaged cache file: one notice, nothing reused, correct output", () => {
  const bytes = readFileSync(cacheFile);
  const at = bytes.length - 100;
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  writeFileSync(cacheFile, bytes);
  const run = build(site);
  assert.equal(notices(run.log).length, 1, run.log);
  assert.match(notices(run.log)[0] ?? "", /build cache .*build\.cache ignored: its content does not match its checksum: damaged; everything is rendered/);
  assert.is(run.reused, 0);
  assertIdentical(site, clean("damaged"));
  assert.is(build(site).reused > 0, true, "the cache written again is used by the next build");
});

test("the feeds' items are kept in a pack beside the cache; a damaged pack: one notice, its items rendered again, correct output", () => {
  build(site);
  const packs = readdirSync(cache).filter((name) => /^feed-items-.+\.pack$/.test(name));
  assert.is(packs.length, 1, packs.join(", "));
  const file = path.join(cache, packs[0] as string);
  const bytes = readFileSync(file);
  assert.match(bytes.toString(), "<item>");
  for (let at = 0; at < bytes.length; at += 97) bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  writeFileSync(file, bytes);
  edit("articolo-3.md", (text) => `${text}\nIl distretto sociale ha aperto un nuovo sportello per le famiglie.\n`);
  const run = build(site);
  assert.equal(notices(run.log).length, 1, run.log);
  assert.match(notices(run.log)[0] ?? "", /build cache: .*feed-items-.*\.pack does not hold what its index says \(damaged or cut short\): its feed items are rendered again/);
  assert.ok(run.reused > 0, "the cache file itself is still used");
  assertIdentical(site, clean("damaged-pack"));
  assert.equal(notices(build(site).log), [], "the pack written again is sound");
});

test("a cache cut short (half written): one notice, nothing reused", () => {
  const bytes = readFileSync(cacheFile);
  writeFileSync(cacheFile, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const run = build(site);
  assert.equal(notices(run.log).length, 1, run.log);
  assert.match(notices(run.log)[0] ?? "", /ignored: it is cut short or too long \(\d+ bytes of \d+\): half written or damaged/);
  assert.is(run.reused, 0);
});

test("a cache made with other options: one notice, ignored, the output of those options", () => {
  const other = path.join(work, "data-other");
  cpSync(data, other, { recursive: true });
  const siteJson = path.join(other, "site.json");
  writeFileSync(siteJson, readFileSync(siteJson, "utf8").replace('"Sito di prova"', '"Osservatorio sulle politiche sociali"'));
  const run = build(site, { dataDir: other });
  assert.equal(notices(run.log).length, 1, run.log);
  assert.match(notices(run.log)[0] ?? "", /ignored: it was made by another version of Editoriale or Node, or with other options or theme/);
  assert.is(run.reused, 0);
  assertIdentical(site, clean("other-options", other));
});

test("a file that is not a cache: one notice", () => {
  writeFileSync(cacheFile, "questo non è un file di cache\n");
  const run = build(site);
  assert.equal(notices(run.log).length, 1, run.log);
  assert.match(notices(run.log)[0] ?? "", /ignored: it is not a cache file of this format/);
});

test("search off: a warm build updates the site in place too, and leaves no list of reused files behind", () => {
  const noSearch = path.join(work, "data-no-search");
  cpSync(data, noSearch, { recursive: true });
  writeFileSync(path.join(noSearch, "editoriale.json"), `${JSON.stringify({ search: false })}\n`);
  const out = path.join(work, "site-no-search");
  const options = { cacheDir: path.join(work, "cache-no-search"), dataDir: noSearch };
  build(out, options);
  edit("articolo-9.md", (text) => `${text}\nLa giunta ha prorogato il bando per i centri estivi.\n`);
  const run = build(out, options);
  assert.match(run.log, new RegExp(`site-no-search updated in place: \\d+ files written, 0 removed, ${run.reused} unchanged`));
  assert.not.ok(allFiles(out).includes(".editoriale-reused"));
  assertIdentical(out, clean("no-search", noSearch));
});

test("a site with images: pages whose bodies show images are rendered again, every made image file is there", () => {
  const fixture = path.join(ROOT, "test/fixtures/images/site");
  const input = path.join(work, "images-content");
  cpSync(path.join(fixture, "content"), input, { recursive: true });
  const dataDir = path.join(fixture, "_data");
  const out = path.join(work, "images-site");
  const options = { cacheDir: path.join(work, "images-build-cache"), dataDir, input };
  build(out, options);
  const senza = path.join(input, "senza.md");
  writeFileSync(senza, `${readFileSync(senza, "utf8")}\nLo sportello resta aperto anche il sabato mattina.\n`);
  const run = build(out, options);
  assert.ok(run.reused > 0, run.log);
  const expected = cleanRun("images", dataDir, input);
  assert.ok(allFiles(expected.out).filter((f) => f.startsWith("img/")).length >= 6, "the fixture's made image files");
  assert.is(run.wrote + run.reused, expected.wrote);
  assertIdentical(out, expected.out);
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
