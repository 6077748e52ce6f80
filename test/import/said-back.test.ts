import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { importWxr } from "../../src/import/index.ts";
import { fixture, listFiles, readMarkdown, tempDir } from "./helpers/tree.ts";

/** Regressions of issue 15: what the export says and the import used to drop or get wrong. */

async function run(label: string, drafts: boolean): Promise<{ dir: string; report: Awaited<ReturnType<typeof importWxr>> }> {
  const dir = await tempDir(label);
  const report = await importWxr({ file: fixture("said-back.xml"), out: join(dir, "content"), data: join(dir, "_data"), timeZone: "Europe/Rome", drafts });
  return { dir, report };
}

test("a // permalink is normalised (/greek/x/), a category without domain is a category, a sticky post says so", async () => {
  const { dir } = await run("said-back", false);
  const { data } = await readMarkdown(join(dir, "content/2022/piano-sociale.md"));
  assert.equal(data, {
    title: "In evidenza: il piano sociale",
    date: "2022-05-02T10:00:00+02:00",
    slug: "piano-sociale",
    authors: ["Redazione Welforum"],
    section: ["Politiche sociali", "Senza dominio"],
    tags: ["Comuni"],
    sticky: true,
    aliases: ["/greek/piano-sociale/"],
    wp_id: 501,
  });
});

test("a teaser with a link before <!--more--> stays in the body, once, and makes no excerpt", async () => {
  const { dir } = await run("said-back-more", false);
  const { data, body } = await readMarkdown(join(dir, "content/2022/teaser-collegamento.md"));
  assert.not.ok("excerpt" in data);
  assert.is(body, "Il teaser cita [l'Istat](https://www.istat.it/).\n\nIl resto dell'articolo.\n");
});

test("child categories and the lost slug of a same-name tag get their redirects, specific lines before the catch-all", async () => {
  const { report } = await run("said-back-redirects", false);
  assert.equal(report.redirects, [
    "/category/politiche/politiche-sociali/*  /sezione/politiche-sociali/:splat  301",
    "/tag/comuni-2/*  /tag/comuni/:splat  301",
    "/category/*  /sezione/:splat  301",
    "/author/redazione/*  /autori/redazione-welforum/:splat  301",
  ]);
});

test("password-protected posts are skipped and counted; scheduled posts are skipped, or drafts with their date under --drafts", async () => {
  const without = await run("said-back-skip", false);
  assert.equal(without.report.skipped, { password: 1, draft: 1 });
  assert.equal(await listFiles(join(without.dir, "content")), ["2022/piano-sociale.md", "2022/teaser-collegamento.md"]);
  const withDrafts = await run("said-back-drafts", true);
  assert.equal(withDrafts.report.skipped, { password: 1 });
  const { data } = await readMarkdown(join(withDrafts.dir, "content/2022/bando-giugno.md"));
  assert.is(data["date"], "2022-05-20T10:00:00+02:00");
  assert.is(data["draft"], true);
});

test.run();
