import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { templatesInContent } from "../../src/eleventy/template-guard.ts";

// templatesInContent: every Eleventy template or data file anywhere in the content folder is reported, by path.

const work = mkdtempSync(path.join(tmpdir(), "editoriale-template-guard-"));
const files = ["2024/articolo.md", "2024/pagina.njk", ".nascosta/dati.11tydata.json", "_bozze/x.11ty.js", "media/volantino.HTML", "node_modules/pacchetto/index.html", "pagine/chi-siamo.md"];
for (const file of files) {
  mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
  writeFileSync(path.join(work, file), "x");
}

test("in every folder (hidden ones too), sorted; node_modules left out; Markdown is not a template", () => {
  const found = templatesInContent(work).map((p) => path.relative(work, p.file.startsWith("/") ? p.file : path.resolve(p.file)).split(path.sep).join("/"));
  assert.equal(found, [".nascosta/dati.11tydata.json", "2024/pagina.njk", "_bozze/x.11ty.js", "media/volantino.HTML"]);
  assert.ok(templatesInContent(work).every((p) => p.code === "TEMPLATE_IN_CONTENT" && p.field === "(file)"));
});

test("a missing content folder: nothing here (the content reader reports it)", () => {
  assert.equal(templatesInContent(path.join(work, "nowhere")), []);
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
