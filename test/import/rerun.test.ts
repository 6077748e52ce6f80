import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { importWxr } from "../../src/import/index.ts";
import { fixture, listFiles, readJson, tempDir } from "./helpers/tree.ts";

const run = (dir: string, extra: { force?: boolean } = {}) =>
  importWxr({
    file: fixture("welforum-sample.xml"),
    out: join(dir, "content"),
    data: join(dir, "_data"),
    timeZone: "Europe/Rome",
    ...extra,
  });

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file), "utf8")] as const)));
}

test("two imports of the same export write the same files, byte for byte", async () => {
  const a = await tempDir("det-a");
  const b = await tempDir("det-b");
  await run(a);
  await run(b);
  const left = await snapshot(a);
  const right = await snapshot(b);
  assert.equal([...left.keys()], [...right.keys()]);
  for (const [file, text] of left) assert.is(right.get(file), text, file);
});

test("a second import into the same folder changes nothing", async () => {
  const dir = await tempDir("again");
  await run(dir);
  const before = await snapshot(dir);
  const report = await run(dir);
  assert.equal(report.files, { created: 0, unchanged: 9, overwritten: 0, kept: 0 });
  assert.is(report.termsOutcome, "unchanged");
  assert.equal(await snapshot(dir), before);
});

test("an edited file is kept without --force and overwritten with it", async () => {
  const dir = await tempDir("force");
  await run(dir);
  const file = join(dir, "content/2018/lecco-una-storia-di-coprogettazione.md");
  const original = await readFile(file, "utf8");
  const edited = original.replace("A Lecco", "A Lecco (aggiornato)");
  await writeFile(file, edited);

  const kept = await run(dir);
  assert.equal(kept.files, { created: 0, unchanged: 8, overwritten: 0, kept: 1 });
  assert.equal(kept.kept, ["2018/lecco-una-storia-di-coprogettazione.md"]);
  assert.is(await readFile(file, "utf8"), edited);

  const forced = await run(dir, { force: true });
  assert.equal(forced.files, { created: 0, unchanged: 8, overwritten: 1, kept: 0 });
  assert.is(await readFile(file, "utf8"), original);
});

test("terms.json is merged: what the site already says wins unless --force, bios and other terms stay", async () => {
  const dir = await tempDir("merge");
  await mkdir(join(dir, "_data"), { recursive: true });
  const termsFile = join(dir, "_data/terms.json");
  await writeFile(
    termsFile,
    JSON.stringify({
      section: { "Punti di vista": { slug: "opinioni", description: "Testo della redazione." } },
      author: { "Emanuele Ranci Ortigosa": { bio: "Direttore scientifico." } },
      tag: { Volontariato: { description: "Impegno volontario." } },
    }),
  );
  const report = await run(dir);
  assert.ok(
    report.warnings.includes(
      'section "Punti di vista" description: terms.json says "Testo della redazione.", WordPress "Commenti e analisi."; kept terms.json (use --force to take WordPress\'s)',
    ),
    report.warnings.join("\n"),
  );
  assert.equal(await readJson(termsFile), {
    section: {
      "Punti di vista": { slug: "opinioni", description: "Testo della redazione." },
      Esperienze: { description: "Pratiche e progetti dai territori." },
    },
    author: { "Emanuele Ranci Ortigosa": { bio: "Direttore scientifico." } },
    tag: {
      Volontariato: { description: "Impegno volontario." },
      Comuni: { description: "Politiche e servizi dei Comuni." },
      Povertà: { slug: "povertà" },
      "Terzo settore": { slug: "terzo-settore-2" },
    },
    area: { "Terzo settore": { description: "Enti, reti e politiche del Terzo settore." } },
  });
  // One line per term, as the project writes the file by hand.
  assert.ok((await readFile(termsFile, "utf8")).includes('    "Povertà": { "slug": "povertà" },\n'));

  await run(dir, { force: true });
  const forced = (await readJson(termsFile)) as Record<string, Record<string, Record<string, string>>>;
  assert.is(forced["section"]?.["Punti di vista"]?.["description"], "Commenti e analisi.");
  assert.is(forced["author"]?.["Emanuele Ranci Ortigosa"]?.["bio"], "Direttore scientifico.");
});

test("a terms.json that is not JSON stops the import before anything is lost", async () => {
  const dir = await tempDir("badterms");
  await mkdir(join(dir, "_data"), { recursive: true });
  await writeFile(join(dir, "_data/terms.json"), "{ not json");
  try {
    await run(dir);
    assert.unreachable("should have thrown");
  } catch (error) {
    assert.match((error as Error).message, /terms\.json: is not valid JSON/);
  }
  assert.is(await readFile(join(dir, "_data/terms.json"), "utf8"), "{ not json");
});

test.run();
