import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { EditorialeError } from "../../src/core/errors.ts";
import { createMarkdown } from "../../src/core/markdown.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { relatedByRoles } from "../../src/core/related.ts";
import { buildSiteModel, knownBodyOf, signatureMemoOf } from "../../src/core/site-model.ts";
import { BuildCache } from "../../src/eleventy/build-cache.ts";
import { contentReader, type CachedSource, type KeptSource, type SourceStore } from "../../src/eleventy/content-files.ts";
import { frontMatterEngine } from "../../src/eleventy/front-matter-engine.ts";
import { articleStamp, signatureKeeper } from "../../src/eleventy/output-signatures.ts";
import { themeContext } from "../../src/eleventy/theme-context.ts";

// The content reader with a store (the build cache, build-cache.ts), each build a new reader as in a new
// process: a file whose bytes are unchanged is taken from the store, its body decoded only when read,
// and known to the signatures by its file's hash.

const work = mkdtempSync(path.join(tmpdir(), "editoriale-content-store-"));
const input = path.join(work, "content");
const options = resolveOptions({ site: { title: "Osservatorio", url: "https://example.org" }, search: false });

const article = (title: string, body: string) => `---\ntitle: "${title}"\ndate: 2024-03-05\ntags: ["Comuni"]\n---\n${body}`;
const write = (name: string, text: string) => writeFileSync(path.join(input, name), text);

/** The store as the build cache keeps it between processes: what `keep` was given, minus the body. */
class MemoryStore implements SourceStore {
  constructor(
    private readonly before: Map<string, KeptSource> = new Map(),
    readonly lastReadAt?: number,
  ) {}
  readonly next = new Map<string, KeptSource>();
  kept(file: string): KeptSource | undefined {
    return this.before.get(file);
  }
  keep(file: string, entry: CachedSource): void {
    // As build-cache.ts does: the body is not kept. Taking it out reads it, so a lazy body would be decoded here.
    const { markdown, ...source } = entry.source ?? { markdown: "" };
    this.bodiesSeen.push(markdown);
    this.next.set(file, { ...entry, source: entry.source && (source as KeptSource["source"]) });
  }
  readonly bodiesSeen: string[] = [];
}

/** One build in a new process: a new reader (no memory of its own), the store of the build before. */
function build(store: SourceStore) {
  const md = createMarkdown();
  const read = contentReader(frontMatterEngine(options, () => input), { taxonomies: options.taxonomies, md });
  const model = buildSiteModel(read(input, "build", undefined, store), options, md);
  return { model, byTitle: (title: string) => model.articles.find((a) => a.title === title) };
}

test("an unchanged file comes from the store: the same article, its body decoded from the bytes when read, known by its file's hash", () => {
  mkdirSync(input, { recursive: true });
  write("uno.md", article("Uno", "Il comune di Lecco e il terzo settore.\n\nSecondo paragrafo con \u0007un carattere di controllo.\n"));
  write("due.md", article("Due", "Un corpo con un'immagine: ![Il municipio](media/municipio.jpg)\n"));
  const first = new MemoryStore();
  const cold = build(first);
  const warmStore = new MemoryStore(first.next);
  const warm = build(warmStore);
  assert.equal(warmStore.bodiesSeen, ["", ""], "the store is given no body to take out: none is decoded for it");
  for (const title of ["Uno", "Due"]) {
    const before = cold.byTitle(title);
    const after = warm.byTitle(title);
    assert.ok(before && after, title);
    assert.is(articleStamp(after), articleStamp(before));
    assert.equal(knownBodyOf(after), knownBodyOf(before));
    assert.is(after.markdown, before.markdown, "the lazy body is the parsed one, control characters removed");
  }
  assert.is(warm.byTitle("Uno")?.markdown, "Il comune di Lecco e il terzo settore.\n\nSecondo paragrafo con un carattere di controllo.\n");
  assert.is(knownBodyOf(warm.byTitle("Uno")!)?.mayShowImage, false);
  assert.is(knownBodyOf(warm.byTitle("Due")!)?.mayShowImage, true);
  assert.match(knownBodyOf(warm.byTitle("Uno")!)?.token ?? "", /^file:[\w-]{27}$/);
  assert.is(warm.byTitle("Uno")?.excerpt, "Il comune di Lecco e il terzo settore.");
});

test("a changed body (same length even) gets a new token and its new text; the other file keeps its token", () => {
  const first = new MemoryStore();
  build(first);
  const before = build(new MemoryStore(first.next));
  write("uno.md", article("Uno", "Il comune di Monza e il terzo settore.\n\nSecondo paragrafo con \u0007un carattere di controllo.\n"));
  const after = build(new MemoryStore(first.next));
  const [oldUno, newUno] = [before.byTitle("Uno"), after.byTitle("Uno")];
  assert.ok(oldUno && newUno);
  assert.is.not(knownBodyOf(newUno)?.token, knownBodyOf(oldUno)?.token);
  assert.match(newUno.markdown, /^Il comune di Monza/);
  assert.equal(knownBodyOf(after.byTitle("Due")!), knownBodyOf(before.byTitle("Due")!));
});

test("an unchanged article is the store's read, not checked again; the store keeps no front matter of it but what the build looks at besides", () => {
  const first = new MemoryStore();
  build(first);
  const [file, entry] = [...first.next].find(([, e]) => e.source?.data && "articleRead" in e.source && e.source.articleRead?.article?.title === "Uno") ?? [];
  assert.ok(file && entry?.source?.articleRead?.article);
  assert.equal(Object.keys(entry.source.data).sort(), ["editorialeKind"], "title, date, tags… are in the article read");
  // Were the article read again from the front matter, this title would not show.
  const tampered = new Map(first.next);
  tampered.set(file, { ...entry, source: { ...entry.source, articleRead: { article: { ...entry.source.articleRead.article, title: "Dal magazzino" }, problems: [] } } });
  const warm = build(new MemoryStore(tampered));
  assert.ok(warm.byTitle("Dal magazzino"));
  assert.is(warm.byTitle("Dal magazzino")?.markdown, "Il comune di Monza e il terzo settore.\n\nSecondo paragrafo con un carattere di controllo.\n", "its body is still the file's");
  assert.is(warm.model.articles.length, 2);
});

test("a file with the length and time the store kept, saved well before the store's build read it, is not read again; one saved near that reading is", () => {
  const file = path.join(input, "quattro.md");
  const original = article("Quattro", "Il distretto sociosanitario di Lecco.\n");
  writeFileSync(file, original);
  const saved = new Date(Date.now() - 60_000);
  utimesSync(file, saved, saved);
  const first = new MemoryStore();
  assert.ok(build(first).byTitle("Quattro"));
  // The same length and the same time, other bytes (a tool that keeps times): only reading the file would tell.
  writeFileSync(file, original.replace("Quattro", "Quattra"));
  utimesSync(file, saved, saved);
  const titles = (store: SourceStore) => build(store).model.articles.map((a) => a.title).filter((t) => t.startsWith("Quatt"));
  assert.equal(titles(new MemoryStore(first.next, Date.now())), ["Quattro"], "trusted by its length and time: not read");
  assert.equal(titles(new MemoryStore(first.next, saved.getTime() + 2_000)), ["Quattra"], "saved 2 s before that reading began: read again");
  assert.equal(titles(new MemoryStore(first.next, saved.getTime() - 1_000)), ["Quattra"], "saved after it: read again");
  assert.equal(titles(new MemoryStore(first.next)), ["Quattra"], "no time kept (a store that does not say): read again");
  // A trusted file whose bytes did change after all is never rendered from them: its body's hash is checked when read.
  const trusted = build(new MemoryStore(first.next, Date.now())).byTitle("Quattro");
  assert.throws(() => trusted?.markdown, (error: unknown) => error instanceof EditorialeError && error.problems[0]?.code === "FILE_CHANGED");
  rmSync(file);
});

test("the build cache keeps when its build began reading: the next build's time to trust files by", () => {
  const cacheDir = path.join(work, "cache-read-at");
  const context = { options, input, pathPrefix: "/" };
  const before = Date.now();
  const one = BuildCache.load(cacheDir, context, () => {});
  assert.is(one.lastReadAt, undefined, "an empty cache trusts no file");
  build(one);
  one.save();
  const two = BuildCache.load(cacheDir, context, () => {});
  assert.ok(two.lastReadAt !== undefined && two.lastReadAt >= before && two.lastReadAt <= Date.now(), String(two.lastReadAt));
  assert.ok(readFileSync(path.join(cacheDir, "build.cache")).byteLength > 0);
  rmSync(cacheDir, { recursive: true, force: true });
});

test("a draft stays a draft when it comes from the store", () => {
  write("tre.md", article("Tre", "Una bozza.\n").replace("---\n", "---\ndraft: true\n"));
  const first = new MemoryStore();
  assert.is(build(first).model.articles.length, 2);
  assert.is(build(new MemoryStore(first.next)).model.articles.length, 2);
  rmSync(path.join(input, "tre.md"));
});

/** The build cache's context for these builds, and the article signatures of a build as a new process makes them. */
const context = { options, input, pathPrefix: "/" };
function signaturesOf(model: ReturnType<typeof build>["model"]): Map<string, string | undefined> {
  const signatures = signatureKeeper({ processes: true })(themeContext({ model, md: createMarkdown(), stylesheet: "/assets/editoriale.css", search: false }));
  return new Map(model.articles.map((a) => [a.title, signatures.article(a)]));
}

test("related articles: kept with the file by the build cache, used by the next process while what they come from is unchanged", () => {
  write("tre.md", article("Tre", "Il welfare di comunità a Lecco.\n"));
  const cacheDir = path.join(work, "cache");
  // First process: nothing kept; the signatures score every article and fill each file's memo, which the cache saves.
  const one = BuildCache.load(cacheDir, context, () => {});
  const first = build(one);
  const uno = first.byTitle("Uno");
  assert.ok(uno);
  assert.equal(signatureMemoOf(uno), {});
  const before = signaturesOf(first.model);
  const due = first.byTitle("Due");
  assert.ok(due);
  assert.equal(signatureMemoOf(uno)?.files, relatedByRoles(uno, options.roles, options.relatedCount).map((a) => a.file));
  assert.equal(signatureMemoOf(uno)?.files?.sort(), [due.file, first.byTitle("Tre")?.file].sort(), "the other two share its tag");
  one.save();
  // Second process: the memo comes back from the cache file as it was at the end of the first build.
  const two = BuildCache.load(cacheDir, context, () => {});
  const second = build(two);
  const memo = signatureMemoOf(second.byTitle("Uno")!);
  assert.equal(memo, signatureMemoOf(uno));
  assert.equal(signaturesOf(second.model), before, "the same signatures");
  // Shown to be used: a kept list with the same key is taken as it is…
  const file = memo?.files?.[0];
  memo!.files = [];
  assert.is.not(signaturesOf(second.model).get("Uno"), before.get("Uno"));
  // …and one whose key no longer matches is computed again.
  memo!.key = "something else";
  assert.is(signaturesOf(second.model).get("Uno"), before.get("Uno"));
  assert.ok(file && memo?.files?.includes(file));
  rmSync(path.join(input, "tre.md"));
});

test("an article's own stamp: kept with the file by the build cache and used by the next process; its slug and URL are this build's", () => {
  const cacheDir = path.join(work, "cache-stamp");
  const one = BuildCache.load(cacheDir, context, () => {});
  const first = build(one);
  const before = signaturesOf(first.model);
  const stamp = signatureMemoOf(first.byTitle("Uno")!)?.stamp;
  assert.match(stamp ?? "", /^[\w-]{16}$/);
  one.save();
  const second = build(BuildCache.load(cacheDir, context, () => {}));
  const memo = signatureMemoOf(second.byTitle("Uno")!);
  assert.is(memo?.stamp, stamp, "the stamp comes back from the cache file");
  assert.equal(signaturesOf(second.model), before);
  // Shown to be used: another stamp kept gives another signature…
  memo!.stamp = "x".repeat(16);
  assert.is.not(signaturesOf(second.model).get("Uno"), before.get("Uno"));
  memo!.stamp = stamp;
  // …and a URL the site model changed (a shortened slug taken by an older article: unique-slugs.ts) is seen with the kept stamp.
  const uno = second.byTitle("Uno")!;
  uno.slug = `${uno.slug}-2`;
  uno.url = `/${uno.slug}/`;
  assert.is.not(signaturesOf(second.model).get("Uno"), before.get("Uno"));
  assert.is(memo?.stamp, stamp);
  rmSync(cacheDir, { recursive: true, force: true });
});

test("without a store (`npm start`) no body is known by its file: the signatures hash the text", () => {
  const md = createMarkdown();
  const read = contentReader(frontMatterEngine(options, () => input));
  const model = buildSiteModel(read(input, "serve"), options, md);
  assert.is(model.articles.length, 2);
  for (const a of model.articles) assert.is(knownBodyOf(a), undefined);
});

test("a one-off build reads a body again from its file when asked, not held; a file saved since it was read stops the build (FILE_CHANGED)", () => {
  for (const store of [new MemoryStore(), undefined]) {
    write("tre.md", article("Tre", "Il piano di zona del distretto.\n"));
    const md = createMarkdown();
    const read = contentReader(frontMatterEngine(options, () => input), { taxonomies: options.taxonomies, md });
    const model = buildSiteModel(read(input, "build", undefined, store), options, md);
    const tre = model.articles.find((a) => a.title === "Tre");
    assert.ok(tre);
    assert.is(tre.excerpt, "Il piano di zona del distretto.", "the excerpt is taken while the file is read");
    assert.is(tre.markdown, "Il piano di zona del distretto.\n");
    write("tre.md", article("Tre", "Il piano di zona del distretto, riscritto.\n"));
    try {
      void tre.markdown;
      assert.unreachable("a body changed since it was read must not be rendered");
    } catch (error) {
      assert.instance(error, EditorialeError);
      const [problem] = (error as EditorialeError).problems;
      assert.is(problem?.code, "FILE_CHANGED");
      assert.match(problem?.file ?? "", /tre\.md$/);
      assert.is(problem?.field, "(file)");
      assert.match(problem?.fix ?? "", /build again/);
    }
    rmSync(path.join(input, "tre.md"));
  }
});

test("`npm start` keeps each body it read (as bytes): a file saved later reaches the next build, not this one's pages", () => {
  write("tre.md", article("Tre", "Il piano di zona del distretto.\n"));
  const md = createMarkdown();
  const read = contentReader(frontMatterEngine(options, () => input));
  const model = buildSiteModel(read(input, "serve"), options, md);
  write("tre.md", article("Tre", "Il piano di zona, riscritto.\n"));
  assert.is(model.articles.find((a) => a.title === "Tre")?.markdown, "Il piano di zona del distretto.\n");
  rmSync(path.join(input, "tre.md"));
});

test("the build cache tells the files new or changed since the build that saved it: all of them with an empty cache", () => {
  const cacheDir = path.join(work, "cache-changed");
  const context = { options, input, pathPrefix: "/" };
  const names = (cache: BuildCache, model: ReturnType<typeof build>["model"]) => model.articles.filter((a) => cache.changed(a.file)).map((a) => a.title).sort();
  const one = BuildCache.load(cacheDir, context, () => {});
  assert.equal(names(one, build(one).model), ["Due", "Uno"]);
  one.save();
  const two = BuildCache.load(cacheDir, context, () => {});
  assert.equal(names(two, build(two).model), [], "nothing changed");
  two.save();
  write("due.md", article("Due", "Un altro paragrafo sul distretto sociale.\n"));
  write("tre.md", article("Tre", "Un articolo nuovo.\n"));
  const three = BuildCache.load(cacheDir, context, () => {});
  assert.equal(names(three, build(three).model), ["Due", "Tre"], "the edited file and the new one");
  rmSync(path.join(input, "tre.md"));
  rmSync(cacheDir, { recursive: true, force: true });
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
