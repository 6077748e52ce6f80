import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { BundledSearchIndex } from "../../src/eleventy/search-bundles.ts";
import { indexedPart } from "../../src/eleventy/search-index.ts";
import { childProcesses } from "../../src/eleventy/pagefind-usage.ts";
import { allFiles, buildFixture, readOutput, ROOT } from "../helpers/build.ts";

test("only <html lang> and the data-pagefind-body element cross to Pagefind; without one, the <main>", () => {
  const page = '<!DOCTYPE html>\n<html lang="it">\n<head><title>T</title></head><body><header>Navigazione</header><main id="c"><article data-pagefind-body><h1>Titolo</h1></article></main><footer>Piede</footer></body></html>';
  assert.is(indexedPart(page), '<!DOCTYPE html><html lang="it"><body><article data-pagefind-body><h1>Titolo</h1></article></body></html>');
  assert.is(indexedPart('<html lang="it"><body><main><p>Testo</p></main></body></html>'), '<!DOCTYPE html><html lang="it"><body><main><p>Testo</p></main></body></html>');
});

test("a page without <main> goes whole", () => {
  assert.is(indexedPart("<html><body><p>x</p></body></html>"), "<html><body><p>x</p></body></html>");
});

test("every article page, and only those, is in the index written during the build, one bundle per year", () => {
  const { status, output, out } = buildFixture("small", { EDITORIALE_SEARCH_CACHE: mkdtempSync(path.join(tmpdir(), "editoriale-search-cache-")) });
  assert.is(status, 0, output);
  const articles = Number(/\[editoriale\] (\d+) articles: wrote/.exec(output)?.[1]);
  assert.is(articles, 3, output);
  assert.match(output, /search: 3 pages in 1 bundles in [\d.]+ s: indexed 1 \(2023\), reused 0 from /);
  assert.equal(manifest(out), [{ name: "2023", path: "2023/", pages: 3 }]);
  const entry = JSON.parse(readOutput(out, "pagefind/2023/pagefind-entry.json")) as { languages: Record<string, { page_count: number }> };
  assert.equal(Object.keys(entry.languages), ["it"]);
  assert.is(entry.languages["it"]?.page_count, articles);
  assert.is(readdirSync(path.join(out, "pagefind/2023/fragment")).length, articles);
  assert.ok(allFiles(out).includes("cerca/index.html"));
  // Pagefind's ready-made interfaces are not used by the search page: not published.
  assert.not.ok(allFiles(out).some((f) => /pagefind-ui|pagefind-highlight/.test(f)));
});

// Bundles and their cache: the fixture has two articles in 2019, one in 2021, one at 00:30 on 1 January 2022 in Rome
// (still 2021 in UTC: the site's time zone decides) and two in 2023.

const FIXTURE = path.join(ROOT, "test/fixtures/search-bundles");
const work = mkdtempSync(path.join(tmpdir(), "editoriale-search-bundles-"));
const content = path.join(work, "content");
const cache = path.join(work, "cache");
cpSync(path.join(FIXTURE, "content"), content, { recursive: true });
let builds = 0;

/** A build in a new process of the fixture's copy, with its own search cache; its output folder is new each time. */
function build(): { output: string; out: string } {
  const out = path.join(work, `out-${++builds}`);
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--quiet", `--input=${content}`, `--output=${out}`],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, TZ: "Europe/Rome", EDITORIALE_DATA: path.join(FIXTURE, "_data"), EDITORIALE_SEARCH_CACHE: cache } },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  assert.is(run.status, 0, output);
  return { output, out };
}

function manifest(out: string): Array<{ name: string; path: string; pages: number }> {
  return (JSON.parse(readOutput(out, "pagefind/bundles.json")) as { bundles: Array<{ name: string; path: string; pages: number }> }).bundles;
}

/** A bundle's files and their bytes. */
function bundleFiles(out: string, bundle: string): Map<string, string> {
  const dir = path.join(out, "pagefind", bundle);
  return new Map(allFiles(dir).map((f) => [f, readFileSync(path.join(dir, f)).toString("base64")]));
}

/** The search line of a build: which bundles Pagefind indexed, how many came from the cache. */
function searchLine(output: string): string {
  return /\[editoriale\] search: .*/.exec(output)?.[0].replace(/ in [\d.]+ s:/, ":").replace(/ from .*/, "") ?? output;
}

test("the first build indexes every bundle, newest first, and lists them in /pagefind/bundles.json", () => {
  const { output, out } = build();
  assert.is(searchLine(output), "[editoriale] search: 6 pages in 4 bundles: indexed 4 (2023, 2022, 2021, 2019), reused 0");
  assert.equal(manifest(out), [
    { name: "2023", path: "2023/", pages: 2 },
    { name: "2022", path: "2022/", pages: 1 },
    { name: "2021", path: "2021/", pages: 1 },
    { name: "2019", path: "2019/", pages: 2 },
  ]);
  assert.equal(readdirSync(path.join(out, "pagefind")).sort(), ["2019", "2021", "2022", "2023", "bundles.json"]);
  for (const [year, pages] of [["2023", 2], ["2022", 1], ["2021", 1], ["2019", 2]] as const) {
    const entry = JSON.parse(readOutput(out, `pagefind/${year}/pagefind-entry.json`)) as { languages: Record<string, { page_count: number }> };
    assert.is(entry.languages["it"]?.page_count, pages, year);
    assert.is(readdirSync(path.join(out, `pagefind/${year}/fragment`)).length, pages, year);
  }
  const fragment = readdirSync(path.join(out, "pagefind/2022/fragment"))[0] ?? "";
  assert.match(gunzipSync(readFileSync(path.join(out, "pagefind/2022/fragment", fragment))).toString(), /agenzie sociali per la casa/);
});

test("a second build with nothing changed copies every bundle from the cache, byte for byte", () => {
  const { output, out } = build();
  assert.is(searchLine(output), "[editoriale] search: 6 pages in 4 bundles: indexed 0, reused 4");
  for (const year of ["2023", "2022", "2021", "2019"]) assert.equal(bundleFiles(out, year), bundleFiles(path.join(work, "out-1"), year), year);
});

test("after an edit to one article, a build in a new process indexes only its bundle; the others are byte-identical", () => {
  const before = statSync(path.join(cache, "2019/record.json")).mtimeMs;
  const file = path.join(content, "trasporto-sociale.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("visite mediche", "visite mediche e ai centri diurni"));
  const { output, out } = build();
  assert.is(searchLine(output), "[editoriale] search: 6 pages in 4 bundles: indexed 1 (2021), reused 3");
  const first = path.join(work, "out-1");
  assert.equal(bundleFiles(out, "2023"), bundleFiles(first, "2023"));
  assert.equal(bundleFiles(out, "2022"), bundleFiles(first, "2022"));
  assert.equal(bundleFiles(out, "2019"), bundleFiles(first, "2019"));
  assert.not.equal(bundleFiles(out, "2021"), bundleFiles(first, "2021"));
  assert.is(statSync(path.join(cache, "2019/record.json")).mtimeMs, before, "the 2019 entry was not written again");
});

test("a new title shown in other years' related articles indexes only its own year: related lists are not indexed", () => {
  const file = path.join(content, "centri-antiviolenza.md");
  writeFileSync(file, readFileSync(file, "utf8").replace('title: "Centri antiviolenza e reti territoriali"', 'title: "Centri antiviolenza e case rifugio"'));
  const { output, out } = build();
  // The premise: pages of 2019 and 2022 show the new title among their related articles, so their HTML changed.
  for (const page of ["mense-scolastiche-e-tariffe", "affitti-calmierati-e-agenzie-per-la-casa"]) assert.match(readOutput(out, `${page}/index.html`), /Centri antiviolenza e case rifugio/, page);
  assert.is(searchLine(output), "[editoriale] search: 6 pages in 4 bundles: indexed 1 (2023), reused 3");
  const first = path.join(work, "out-1");
  assert.equal(bundleFiles(out, "2022"), bundleFiles(first, "2022"));
  assert.equal(bundleFiles(out, "2019"), bundleFiles(first, "2019"));
});

test("a corrupted cache bundle is ignored with a notice and indexed again, to the same files", () => {
  const fragments = path.join(cache, "2019/files/fragment");
  const victim = path.join(fragments, readdirSync(fragments)[0] ?? "");
  // Read before: the first build's files are hard links to the entry's (search-cache.ts: seal), so writing
  // through the entry, as this test does on purpose and no build ever does, changes them too.
  const indexedFirst = bundleFiles(path.join(work, "out-1"), "2019");
  writeFileSync(victim, "not a fragment");
  const { output, out } = build();
  assert.match(output, /\[editoriale\] search cache: bundle 2019 ignored, fragment\/[^ ]+ does not match its record; indexing it again/);
  assert.is(searchLine(output), "[editoriale] search: 6 pages in 4 bundles: indexed 1 (2019), reused 3");
  assert.equal(bundleFiles(out, "2019"), indexedFirst);
});

test("a cache entry without its record (half written) or from another version is ignored with a notice", () => {
  rmSync(path.join(cache, "2023/record.json"));
  // What a build killed while Pagefind wrote leaves behind (its process, 2^22 + 1, cannot exist on Linux).
  const leftover = path.join(cache, ".tmp-2021-4194305-1/files");
  cpSync(path.join(cache, "2021/files"), leftover, { recursive: true });
  const record = path.join(cache, "2019/record.json");
  writeFileSync(record, readFileSync(record, "utf8").replace(/"made":"[^"]*"/, '"made":"pagefind 0.0.1, editoriale 0.0.1, language it"'));
  const { output } = build();
  assert.match(output, /search cache: bundle 2023 ignored, its record is missing or unreadable; indexing it again/);
  assert.match(output, /search cache: bundle 2019 ignored, it was made by another version \(pagefind 0\.0\.1, editoriale 0\.0\.1, language it\); indexing it again/);
  assert.is(searchLine(output), "[editoriale] search: 6 pages in 4 bundles: indexed 2 (2023, 2019), reused 2");
  assert.equal(readdirSync(cache).sort(), ["2019", "2021", "2022", "2023"], "the stopped build's temporary folder is removed, none left behind");
});

// The build cache's warm builds do not render unchanged pages again: they tell the index where the page already is.

const page = (title: string, body: string) =>
  `<!DOCTYPE html>\n<html lang="it"><head><title>${title}</title></head><body><main><article data-pagefind-body><h1>${title}</h1><p>${body}</p></article></main></body></html>`;
const PAGES = [
  { url: "/nidi-gratis/", html: page("Nidi gratuiti", "Il Comune azzera la retta dei nidi per i redditi bassi.") },
  { url: "/orti-sociali/", html: page("Orti sociali", "Gli orti urbani diventano luoghi di incontro tra generazioni.") },
];

async function indexWith(how: "add" | "addWritten", label: string): Promise<string> {
  const out = path.join(work, `direct-${label}`);
  const index = new BundledSearchIndex({ language: "it-IT", outputDir: out, bundles: [{ name: "2024", urls: PAGES.map((p) => p.url) }], cacheDir: path.join(work, `cache-${label}`), log: () => undefined });
  const [rendered, written] = PAGES;
  await index.add(rendered?.url ?? "", rendered?.html ?? "");
  if (how === "add") await index.add(written?.url ?? "", written?.html ?? "");
  else {
    const file = path.join(work, `${label}-orti.html`);
    writeFileSync(file, written?.html ?? "");
    index.addWritten(written?.url ?? "", file);
  }
  const report = await index.write();
  assert.equal(report.indexed, ["2024"]);
  return out;
}

test("a page given by addWritten(url, file) is indexed exactly as the same page given by add(url, html)", async () => {
  const byAdd = await indexWith("add", "a");
  const byFile = await indexWith("addWritten", "b");
  assert.equal(bundleFiles(byFile, "2024"), bundleFiles(byAdd, "2024"));
  assert.is(readdirSync(path.join(byFile, "pagefind/2024/fragment")).length, 2);
});

test("once the index is written, every Pagefind process it started is gone (reaped, not left to the system)", async () => {
  if (process.platform !== "linux") return;
  await indexWith("add", "reaped");
  assert.equal([...childProcesses()], [], "no child process of this thread left, not even one that has exited and not been waited for");
});

test("a page of the bundles that never arrives is an error naming it, not a smaller index", async () => {
  const index = new BundledSearchIndex({ language: "it-IT", outputDir: path.join(work, "direct-missing"), bundles: [{ name: "2024", urls: PAGES.map((p) => p.url) }], cacheDir: path.join(work, "cache-missing"), log: () => undefined });
  await index.add(PAGES[0]?.url ?? "", PAGES[0]?.html ?? "");
  try {
    await index.write();
    assert.unreachable("write() should refuse");
  } catch (error) {
    assert.is((error as Error).message, "Editoriale: 1 article pages never reached the search index: /orti-sociali/ (2024)");
  }
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
