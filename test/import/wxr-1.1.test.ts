import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { importWxr } from "../../src/import/index.ts";
import { fixture, listFiles, readMarkdown, tempDir } from "./helpers/tree.ts";

test("WXR 1.1: its namespaces are read, date-based permalinks become aliases, links follow", async () => {
  const dir = await tempDir("wxr11");
  const report = await importWxr({
    file: fixture("wxr-1.1-sample.xml"),
    out: join(dir, "content"),
    data: join(dir, "_data"),
    timeZone: "Europe/Rome",
  });
  assert.is(report.version, "1.1");
  assert.equal(report.warnings, []);
  // A fresh data folder gets a site.json from the channel and a terms.json (empty: this export has no terms).
  assert.equal(await listFiles(dir), ["_data/site.json", "_data/terms.json", "content/2012/un-seguito.md", "content/2012/welfare-e-territori.md"]);
  const first = await readMarkdown(join(dir, "content/2012/welfare-e-territori.md"));
  assert.equal(first.data, {
    title: "Welfare e territori: l’esperienza di Bra",
    date: "2012-05-10T10:00:00+02:00",
    slug: "welfare-e-territori",
    authors: ["Giulia Martinelli"],
    section: "Esperienze",
    tags: ["Welfare locale"],
    aliases: ["/2012/05/10/welfare-e-territori/"],
    wp_id: 11,
  });
  assert.is(first.body, "Un racconto dal territorio.\n\nSecondo paragrafo con _enfasi_.\n");
  const second = await readMarkdown(join(dir, "content/2012/un-seguito.md"));
  assert.is(second.data["excerpt"], "Il seguito del racconto.");
  assert.not.ok("updated" in second.data, "WXR 1.1 has no post_modified");
  assert.is(second.body, "Torniamo su [welfare e territori](/welfare-e-territori/).\n");
  // Nothing to say about these terms (slugs are ours, no descriptions): the fresh data folder gets an empty terms.json.
  assert.is(report.termsOutcome, "created");
  assert.is(await readFile(join(dir, "_data/terms.json"), "utf8"), "{}\n");
});

test.run();
