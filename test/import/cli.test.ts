import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runCli } from "./helpers/cli.ts";
import { fixture, listFiles, readMarkdown, tempDir } from "./helpers/tree.ts";

test("prints the report and exits 0", async () => {
  const dir = await tempDir("cli");
  const run = runCli([fixture("welforum-sample.xml"), "--out", join(dir, "content"), "--data", join(dir, "_data")]);
  assert.is(run.stderr, "");
  assert.is(run.status, 0);
  const lines = run.stdout.split("\n");
  for (const expected of [
    "  post: publish 5, draft 1, private 1, trash 1",
    "  files: 9 created, 0 unchanged, 0 overwritten, 0 kept",
    "Skipped: page at a URL the build writes 1, draft (import with --drafts) 2, private 1, trash 1, attachment (in the manifest) 1, other post type 1",
    "Every item accounted for: 16 in the export = 9 written + 7 skipped",
    "Authors: Emanuele Ranci Ortigosa (eranci, 3), Fabio Smareglia (fsmareglia, 2), Redazione Welforum (redazione, 1)",
    "Comments: 4 ignored",
    "  [gallery] in 2018/anziani-non-autosufficienti-la-riforma.md",
    "Warnings (5):",
  ]) {
    assert.ok(lines.includes(expected), `missing line ${JSON.stringify(expected)} in\n${run.stdout}`);
  }
  assert.ok(lines.includes(`Written to ${join(dir, "content")}/: 6 articles, 1 dossier, 2 pages`), run.stdout);
  assert.ok(lines.includes(`Terms: tag 6, area 3, section 3 → ${join(dir, "_data/terms.json")} (created)`), run.stdout);
  assert.ok(lines.some((line) => line.startsWith(`Attachments: 1 file listed in ${join(dir, "wordpress-attachments.json")}`)), run.stdout);
});

test("--map puts an unmapped WordPress taxonomy into one of ours; --manifest moves the manifest", async () => {
  const dir = await tempDir("cli-map");
  const manifest = join(dir, "media.json");
  const run = runCli([
    fixture("welforum-sample.xml"), "--out", join(dir, "content"), "--data", join(dir, "_data"),
    "--map", "rubrica=tag", "--manifest", manifest,
  ]);
  assert.is(run.status, 0, run.stderr);
  assert.not.match(run.stdout, /taxonomy "rubrica"/);
  const { data } = await readMarkdown(join(dir, "content/2018/anziani-non-autosufficienti-la-riforma.md"));
  assert.equal(data["tags"], ["Il Punto di Welforum"]);
  assert.ok((await listFiles(dir)).includes("media.json"));
});

test("progress on the standard error, not a terminal: items read, posts written, media copied; --quiet and EDITORIALE_PROGRESS=0 silence it", async () => {
  const dir = await tempDir("cli-progress");
  const uploads = join(dir, "uploads");
  await mkdir(join(uploads, "2021/03"), { recursive: true });
  for (const name of ["sportello.jpg", "assemblea.jpg", "mappa.png"]) await writeFile(join(uploads, "2021/03", name), `bytes of ${name}`);
  const args = (out: string) => [fixture("media.xml"), "--out", join(dir, out, "content"), "--data", join(dir, out, "_data"), "--uploads", uploads];
  const run = runCli(args("a"), undefined, { EDITORIALE_PROGRESS: undefined });
  assert.is(run.status, 0, run.stderr);
  // media.xml: 6 items (2 posts to import, 4 attachments); 3 of its 4 images are in the uploads.
  assert.equal(run.stderr.replace(/ in \d+\.\d s/g, " in # s").split("\n"), [
    "Editoriale › reading the export…",
    "Editoriale › reading the export: 6 items in # s",
    "Editoriale › importing 2 posts…",
    "Editoriale › importing: 2 posts in # s · 3 media files copied",
    "",
  ]);
  assert.not.match(run.stdout, /Editoriale ›/, "the report alone on the standard output");
  const quiet = runCli([...args("b"), "--quiet"], undefined, { EDITORIALE_PROGRESS: undefined });
  const silent = runCli(args("c"), undefined, { EDITORIALE_PROGRESS: "0" });
  for (const [name, other, out] of [["--quiet", quiet, "b"], ["EDITORIALE_PROGRESS=0", silent, "c"]] as const) {
    assert.is(other.status, 0, other.stderr);
    assert.is(other.stderr, "", name);
    assert.is(other.stdout.replaceAll(join(dir, out), ""), run.stdout.replaceAll(join(dir, "a"), ""), `${name}: the same report`);
  }
});

const failures: Array<[string, (dir: string) => Promise<string>, RegExp]> = [
  ["a missing export", async (dir) => join(dir, "assente.xml"), /^import: .*assente\.xml: file not found\n$/],
  [
    "a truncated export",
    async (dir) => {
      const file = join(dir, "troncato.xml");
      await writeFile(file, '<?xml version="1.0"?><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>a');
      return file;
    },
    /^import: .*troncato\.xml: not well-formed XML at line 1, column \d+: unclosed tag: title\n$/,
  ],
  [
    "an ordinary RSS feed",
    async (dir) => {
      const file = join(dir, "feed.xml");
      await writeFile(file, '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</title></item></channel></rss>');
      return file;
    },
    /^import: .*feed\.xml: not a WordPress export \(no <wp:wxr_version> in its channel; export it again from Tools → Export\)\n$/,
  ],
  [
    "an HTML page",
    async (dir) => {
      const file = join(dir, "pagina.xml");
      await writeFile(file, "<html><body>no</body></html>");
      return file;
    },
    /^import: .*pagina\.xml: not a WordPress export \(its root element is <html>, not <rss>\)\n$/,
  ],
];

for (const [what, make, message] of failures) {
  test(`${what}: exit 1, one line naming the file and the problem, nothing written`, async () => {
    const dir = await tempDir("cli-fail");
    const file = await make(dir);
    const run = runCli([file, "--out", join(dir, "content"), "--data", join(dir, "_data")]);
    assert.is(run.status, 1);
    assert.is(run.stdout, "");
    assert.match(run.stderr, message);
    assert.not.ok((await listFiles(dir)).some((name) => name.startsWith("content/") || name.startsWith("_data/")));
  });
}

test("no export given: usage and exit 2", () => {
  const run = runCli([]);
  assert.is(run.status, 2);
  assert.match(run.stderr, /^import: no export file given\nusage: npm run import -- EXPORT\.xml/);
});

test.run();
