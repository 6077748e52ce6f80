import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { importWxr } from "../../src/import/index.ts";
import { fixture, listFiles, readMarkdown, tempDir } from "./helpers/tree.ts";

test("--drafts imports drafts with draft: true; private and trash stay out", async () => {
  const dir = await tempDir("drafts");
  const report = await importWxr({
    file: fixture("welforum-sample.xml"),
    out: join(dir, "content"),
    data: join(dir, "_data"),
    drafts: true,
    timeZone: "Europe/Rome",
  });
  const files = await listFiles(join(dir, "content"));
  assert.ok(files.includes("2018/bozza-sulla-non-autosufficienza.md"));
  assert.ok(files.includes("2018/verso-nuovi-modelli.md"));
  assert.not.ok(files.some((file) => file.includes("nota-interna") || file.includes("vecchio-articolo")));
  assert.equal(report.written, { articles: 8, dossiers: 1, pages: 2, drafts: 2 });
  assert.equal(report.skipped, { reserved: 1, private: 1, trash: 1, attachment: 1, type: 1 });

  // No wp:post_name yet: the slug comes from the title; no GMT date: post_date read in Rome (summer, +02:00).
  const draft = await readMarkdown(join(dir, "content/2018/bozza-sulla-non-autosufficienza.md"));
  assert.equal(draft.data, {
    title: "Bozza sulla non autosufficienza",
    date: "2018-07-01T12:00:00+02:00",
    slug: "bozza-sulla-non-autosufficienza",
    authors: ["Fabio Smareglia"],
    area: "Anziani",
    draft: true,
    wp_id: 106,
  });
  const part = await readMarkdown(join(dir, "content/2018/verso-nuovi-modelli.md"));
  assert.is(part.data["dossier"], "coprogettazione-e-non-solo");
  assert.is(part.data["order"], 3);
  assert.is(part.data["draft"], true);
  assert.is(part.data["date"], "2018-11-05T10:00:00+01:00");
});

test.run();
