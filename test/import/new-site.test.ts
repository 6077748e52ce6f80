import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { formatReport, importWxr } from "../../src/import/index.ts";
import { fixture, listFiles, projectRoot, tempDir } from "./helpers/tree.ts";
import { buildImported } from "./helpers/build-imported.ts";

/**
 * Starting a new site from an export (docs/wordpress-migration.md): import
 * into a fresh folder, whose data folder gets a site.json from the export's
 * channel and an empty terms.json (none of the samples'), then build it.
 */
test("import --out DIR/content --data DIR/_data into an empty folder, then build --input=DIR/content: no manual edit", async () => {
  const dir = await tempDir("new-site");
  const data = join(dir, "_data");
  const report = await importWxr({ file: fixture("markup.xml"), out: join(dir, "content"), data, timeZone: "Europe/Rome" });
  assert.equal(JSON.parse(await readFile(join(data, "site.json"), "utf8")), {
    title: "Welforum",
    url: "https://www.welforum.it",
    description: "",
    language: "it-IT",
    timeZone: "Europe/Rome",
  });
  assert.is(await readFile(join(data, "terms.json"), "utf8"), "{}\n");
  assert.ok(formatReport(report).split("\n").some((line) => line.startsWith("Site: ") && line.includes("site.json created from the export")));

  const site = buildImported(dir, data);
  const pages = await listFiles(site);
  assert.ok(pages.includes("forme-classiche/index.html") && pages.includes("allineamenti/index.html"), pages.join("\n"));
  const page = parse(await readFile(join(site, "forme-classiche/index.html"), "utf8"), { blockTextElements: { script: true, style: true } });
  assert.is(page.querySelectorAll("main pre, article pre").length, 4);
  assert.not.ok(existsSync(join(site, "lecco-una-storia-di-coprogettazione/index.html")), "no sample article in the new site");
});

test.run();
