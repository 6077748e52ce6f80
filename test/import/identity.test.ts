import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { accounting, formatReport, importWxr } from "../../src/import/index.ts";
import { fixture, listFiles, readMarkdown, tempDir } from "./helpers/tree.ts";

/**
 * Regression: an export whose items had no wp:post_id (or 0) imported 7
 * posts into one file and reported success. Every item now has its own
 * identity (post id, else the ?p= of its guid or link, else its position)
 * and a contested slug is resolved WordPress's way, with -2, -3.
 */
test("items without post ids: one file each, slugs -2 -3 -4 in WordPress's way, no wp_id: 0, counts add up", async () => {
  const dir = await tempDir("identity");
  const report = await importWxr({ file: fixture("no-post-ids.xml"), out: join(dir, "content"), data: join(dir, "_data"), timeZone: "Europe/Rome" });
  assert.equal(await listFiles(join(dir, "content")), [
    "2019/hello-world-2.md",
    "2019/hello-world-3.md",
    "2019/hello-world-4.md",
    "2019/hello-world.md",
    "2019/welfare-locale.md",
  ]);
  const read = async (slug: string): Promise<Record<string, unknown>> => (await readMarkdown(join(dir, "content/2019", `${slug}.md`))).data;
  // The item already at /hello-world/ keeps it; the others follow in export order.
  assert.equal(
    await Promise.all(["hello-world", "hello-world-2", "hello-world-3", "hello-world-4", "welfare-locale"].map(async (slug) => {
      const data = await read(slug);
      return [data["title"], data["slug"], data["wp_id"] ?? null, data["aliases"] ?? null];
    })),
    [
      ["Benvenuti nell’osservatorio", "hello-world", 1, null],
      ["Terzo saluto", "hello-world-2", null, null],
      ["Secondo saluto", "hello-world-3", 2, null],
      ["Quarto saluto", "hello-world-4", null, null],
      // Its wp:post_id 2 and its guid's ?p=2 are another item's: identified by position, so no wp_id.
      ["Welfare locale", "welfare-locale", null, null],
    ],
  );
  assert.equal(report.written, { articles: 5, dossiers: 0, pages: 0, drafts: 0 });
  assert.equal(report.files, { created: 5, unchanged: 0, overwritten: 0, kept: 0 });
  assert.equal(report.skipped, { type: 3 });
  assert.equal(report.items, { post: { publish: 5 }, nav_menu_item: { publish: 3 } });
  assert.equal(accounting(report), { total: 8, written: 5, skippedTotal: 3 });
  assert.equal(report.warnings.filter((warning) => warning.includes("slug")), [
    '2019/hello-world-2.md: slug "hello-world" is taken by item 1; item #3 of the export (no post id) ("Terzo saluto") written with slug "hello-world-2" at /hello-world-2/',
    '2019/hello-world-3.md: slug "hello-world" is taken by item 1; item 2 ("Secondo saluto") written with slug "hello-world-3" at /hello-world-3/',
    '2019/hello-world-4.md: slug "hello-world" is taken by item 1; item #4 of the export (no post id) ("Quarto saluto") written with slug "hello-world-4" at /hello-world-4/',
  ]);
  assert.ok(
    report.warnings.includes(
      "8 items have no usable wp:post_id (missing, 0 or repeated): 4 identified by the ?p= of their guid or link, 4 by their position in the export (no wp_id written for those)",
    ),
    report.warnings.join("\n"),
  );
  assert.ok(formatReport(report).split("\n").includes("Every item accounted for: 8 in the export = 5 written + 3 skipped"));
  const text = await Promise.all((await listFiles(join(dir, "content"))).map(async (file) => (await readMarkdown(join(dir, "content", file))).text));
  assert.not.ok(text.some((file) => /wp_id: 0\b|wp_id: -/.test(file)));
});

test("every menu item is counted: the \"other post type\" count is the number of nav_menu_item items", async () => {
  const dir = await tempDir("identity-count");
  const report = await importWxr({ file: fixture("welforum-sample.xml"), out: join(dir, "content"), data: join(dir, "_data"), timeZone: "Europe/Rome" });
  const { total, written, skippedTotal } = accounting(report);
  assert.is(total, 16);
  assert.is(written + skippedTotal, total);
  assert.is(report.skipped.type, report.items["nav_menu_item"]?.["publish"]);
});

test.run();
