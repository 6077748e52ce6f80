import { test } from "uvu";
import * as assert from "uvu/assert";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { EditorialeError } from "../../src/core/errors.ts";
import { createMarkdown } from "../../src/core/markdown.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { ContentBuilder } from "../../src/eleventy/content-builder.ts";
import { loadSiteData } from "../../src/eleventy/site-data.ts";
import { ROOT } from "../helpers/build.ts";

// `npm start` with images: the builder the plugin calls, rebuilding a copy of the images fixture. An
// unchanged site renders nothing again; a replaced image re-renders exactly the outputs that show it.

const work = mkdtempSync(path.join(tmpdir(), "editoriale-images-rebuild-"));
const input = path.join(work, "content");
const output = path.join(work, "out");
cpSync(path.join(ROOT, "test/fixtures/images/site/content"), input, { recursive: true });
process.env.EDITORIALE_IMAGE_CACHE = path.join(work, "cache");
const options = resolveOptions({ ...loadSiteData(path.join(ROOT, "test/fixtures/images/site/_data")), search: false });
const builder = new ContentBuilder(options, createMarkdown(), () => undefined);
const log: string[] = [];

async function rebuild(): Promise<Set<string>> {
  const rendered = new Set<string>();
  await builder.build({ input, output, runMode: "serve", dryRun: false, log: (l) => void log.push(l), rendered: (o) => void rendered.add(o.path) });
  return rendered;
}

const images = (stem: string) => readdirSync(path.join(output, "img")).filter((f) => f.startsWith(`${stem}-`)).sort();

/** Outputs with a signature that show images (pages without one, such as the home page, are rendered every time). */
const WATCHED = /^(municipio|grafici|senza)\/index\.html$|feed\.xml$|^img\/|^tag\/sportelli\/index\.html$/;

test("an unchanged site renders no article, archive, feed or image again", async () => {
  const first = await rebuild();
  assert.ok(first.has("municipio/index.html") && first.has("img/" + (images("municipio")[0] ?? "")), [...first].join(" "));
  // The second build renders once more the article whose body images it learnt in the first one (grafici).
  assert.equal([...(await rebuild())].filter((p) => WATCHED.test(p)), ["grafici/index.html"]);
  assert.equal([...(await rebuild())].filter((p) => WATCHED.test(p)), []);
});

test("a replaced image: its article, the page using it in the body, the cards and feeds listing them are rendered again; its old files go", async () => {
  const before = images("municipio");
  assert.is(before.length, 9);
  await sharp({ create: { width: 900, height: 900, channels: 3, background: "#3a6f3a" } }).jpeg().toFile(path.join(input, "media/2018/03/municipio.jpg"));
  const rendered = await rebuild();
  for (const file of ["municipio/index.html", "grafici/index.html", "index.html", "feed.xml", "tag/sportelli/index.html"]) assert.ok(rendered.has(file), `${file} rendered again`);
  assert.not.ok(rendered.has("senza/index.html"), "an article without images is not");
  const after = images("municipio");
  // 900 px wide: 400, 800 and its own 900.
  assert.is(after.length, 9);
  assert.ok(after.every((f) => !before.includes(f)), after.join(" "));
  assert.ok(after.some((f) => f.endsWith("-900.avif")), after.join(" "));
  for (const gone of before) assert.not.ok(existsSync(path.join(output, "img", gone)), `${gone} removed`);
  assert.match(log.join("\n"), /images: 1 made/);
});

test("an image deleted while serving: one problem per file that shows it, thrown together", async () => {
  rmSync(path.join(input, "media/2018/03/piccola.jpg"));
  const error = await rebuild().then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof EditorialeError, String(error));
  const problems = (error as EditorialeError).problems.map((p) => `${path.basename(p.file)} ${p.field} ${p.code}`).sort();
  assert.equal(problems, ["grafici.md image IMAGE_MISSING", "redazione.md body IMAGE_MISSING"]);
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
