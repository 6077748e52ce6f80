import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { parse as parseYaml } from "yaml";
import { corpusFields, generateCorpus } from "../../bench/corpus.ts";
import { slugify } from "../../src/core/slug.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { loadSiteData } from "../../src/eleventy/site-data.ts";

const temps: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "editoriale-corpus-test-"));
  temps.push(d);
  return d;
}

/** Relative path → content of every file under dir. */
function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p).split(sep).join("/"), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

function frontMatter(text: string, file: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  assert.ok(m, `${file}: front matter`);
  const data: unknown = parseYaml(m[1] ?? "");
  assert.ok(data !== null && typeof data === "object" && !Array.isArray(data), `${file}: mapping`);
  return data as Record<string, unknown>;
}

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

// One corpus, generated once, for the content checks.
const seeded = tempDir();
generateCorpus({ count: 50, seed: 7, outDir: seeded });
const tree = readTree(seeded);
const parsed = [...tree].map(([file, buf]) => ({ file, data: frontMatter(buf.toString("utf8"), file), text: buf.toString("utf8") }));
const articles = parsed.filter((p) => !p.file.startsWith("il-punto/"));
const dossiers = parsed.filter((p) => p.file.startsWith("il-punto/"));

test("same seed and count give byte-identical trees", () => {
  const again = tempDir();
  generateCorpus({ count: 50, seed: 7, outDir: again });
  const other = readTree(again);
  assert.equal([...other.keys()].sort(), [...tree.keys()].sort());
  for (const [file, buf] of tree) assert.ok(buf.equals(other.get(file) as Buffer), `${file} differs`);
});

test("a different seed gives a different corpus", () => {
  const d = tempDir();
  generateCorpus({ count: 50, seed: 8, outDir: d });
  const other = readTree(d);
  const same = [...tree].filter(([file, buf]) => other.get(file)?.equals(buf) === true).length;
  assert.ok(same < tree.size, "every file identical");
  assert.not.equal([...other.keys()].sort(), [...tree.keys()].sort());
});

test("count articles plus dossier pages of 3–6 parts", () => {
  assert.is(articles.length, 50);
  assert.is(dossiers.length, 1);
  for (const d of dossiers) {
    const slug = d.file.slice("il-punto/".length, -".md".length);
    const parts = articles.filter((a) => a.data["dossier"] === slug).map((a) => a.data["order"]);
    assert.ok(parts.length >= 3 && parts.length <= 6, `${slug}: ${parts.length} parts`);
    assert.equal([...parts].sort(), parts.map((_, i) => i + 1).sort(), `${slug}: orders 1…n`);
  }
});

test("every file's front matter parses and has title and date", () => {
  const dates = new Set<string>();
  for (const { file, data } of parsed) {
    assert.type(data["title"], "string", `${file}: title`);
    assert.ok((data["title"] as string).trim() !== "", `${file}: empty title`);
    const date = data["date"];
    assert.type(date, "string", `${file}: date (a YAML 1.2 string)`);
    assert.match(date as string, /^\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d([+-]\d\d:\d\d)?)?$/, `${file}: ${String(date)}`);
    const year = Number((date as string).slice(0, 4));
    assert.ok(year >= 2005 && year <= 2025, `${file}: year ${year}`);
    assert.ok(!dates.has(date as string), `${file}: date ${String(date)} used twice`);
    dates.add(date as string);
  }
});

test("articles have the fields of the content model", () => {
  const slugs = new Set<string>();
  let excerpts = 0;
  for (const { file, data, text } of articles) {
    const slug = slugify(data["title"] as string);
    assert.ok(!slugs.has(slug), `${file}: slug ${slug} twice`);
    slugs.add(slug);
    const tags = list(data["tags"]);
    assert.ok(tags.length >= 3 && tags.length <= 8, `${file}: ${tags.length} tags`);
    const authors = list(data["authors"]);
    assert.ok(authors.length >= 1 && authors.length <= 2, `${file}: authors`);
    assert.ok(["Punti di vista", "Esperienze", "Generale"].includes(data["section"] as string), `${file}: section`);
    if (data["excerpt"] !== undefined) excerpts++;
    const body = text.slice(text.indexOf("\n---\n") + 5);
    const words = body.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    assert.ok(words > 800 && words < 1400, `${file}: ${words} words`);
    assert.match(body, /^## /m, `${file}: no heading`);
  }
  assert.ok(excerpts > 10 && excerpts < 40, `${excerpts} excerpts out of 50`);
});

test("tag frequencies are Zipf-like", () => {
  const counts = new Map<string, number>();
  for (const { data } of articles) {
    for (const t of list(data["tags"])) counts.set(slugify(t), (counts.get(slugify(t)) ?? 0) + 1);
  }
  const sorted = [...counts.values()].sort((a, b) => b - a);
  const top = sorted[0] ?? 0;
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  assert.ok(top >= 5 * Math.max(median, 1), `top ${top}, median ${median}`);
  assert.ok(top >= 15, `top tag on ${top} of 50 articles`);
});

test("a larger corpus has accented, apostrophe and case-variant tags", () => {
  const d = tempDir();
  generateCorpus({ count: 300, seed: 1, outDir: d });
  const spellings = new Map<string, Set<string>>();
  for (const [file, buf] of readTree(d)) {
    if (file.startsWith("il-punto/")) continue;
    for (const t of list(frontMatter(buf.toString("utf8"), file)["tags"])) {
      const s = spellings.get(slugify(t)) ?? new Set<string>();
      s.add(t);
      spellings.set(slugify(t), s);
    }
  }
  const names = [...spellings.values()].flatMap((s) => [...s]);
  assert.ok(names.includes("Povertà"), "Povertà");
  assert.ok(names.includes("Città metropolitane"), "Città metropolitane");
  assert.ok(names.includes("L’Aquila"), "L’Aquila");
  assert.ok(names.some((n) => /’/.test(n) && n !== "L’Aquila"), "another apostrophe tag");
  assert.ok(spellings.get("terzo-settore")?.size === 2, "Terzo settore / Terzo Settore");
  assert.ok(spellings.size > 250, `${spellings.size} distinct tags`);
});

test("fields come from the site's roles: Welforum's by default, the roles fixture's (firme, rubrica, argomenti) when given", () => {
  assert.equal(corpusFields(resolveOptions({ site: { title: "S", url: "https://s.example" } })), { byline: "authors", label: "area", section: "section", tags: "tags" });
  const roles = resolveOptions({ ...loadSiteData(join(import.meta.dirname, "../fixtures/roles/_data")), dossiers: { folder: "dossier", base: "dossier", rubric: "Dossier" } });
  assert.equal(corpusFields(roles), { byline: "firme", label: "rubrica", section: undefined, tags: "argomenti" });
  const d = tempDir();
  generateCorpus({ count: 50, seed: 7, outDir: d, options: roles });
  const other = readTree(d);
  // The same corpus, field names and dossier folder aside: the section's line is left out, nothing else moves.
  const renamed = (text: string) =>
    text.replace(/^authors:/m, "firme:").replace(/^area:/m, "rubrica:").replace(/^section: .*\n/m, "").replace(/^tags:/m, "argomenti:")
      .replace(/^rubric: "Il Punto di Welforum"$/m, 'rubric: "Dossier"').replaceAll("](/il-punto/", "](/dossier/");
  assert.equal([...other.keys()].sort(), [...tree.keys()].map((f) => f.replace(/^il-punto\//, "dossier/")).sort());
  for (const [file, buf] of tree) {
    assert.is(other.get(file.replace(/^il-punto\//, "dossier/"))?.toString("utf8"), renamed(buf.toString("utf8")), file);
  }
});

test.after(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

test.run();
