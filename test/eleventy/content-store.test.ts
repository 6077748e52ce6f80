import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createMarkdown } from "../../src/core/markdown.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { buildSiteModel, knownBodyOf } from "../../src/core/site-model.ts";
import { contentReader, type CachedSource, type KeptSource, type SourceStore } from "../../src/eleventy/content-files.ts";
import { frontMatterEngine } from "../../src/eleventy/front-matter-engine.ts";
import { articleStamp } from "../../src/eleventy/output-signatures.ts";

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
  constructor(private readonly before: Map<string, KeptSource> = new Map()) {}
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
function build(store: MemoryStore) {
  const md = createMarkdown();
  const read = contentReader(frontMatterEngine(options, () => input));
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

test("without a store (`npm start`) no body is known by its file: the signatures hash the text", () => {
  const md = createMarkdown();
  const read = contentReader(frontMatterEngine(options, () => input));
  const model = buildSiteModel(read(input, "serve"), options, md);
  assert.is(model.articles.length, 2);
  for (const a of model.articles) assert.is(knownBodyOf(a), undefined);
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
