import { test } from "uvu";
import * as assert from "uvu/assert";
import { once } from "node:events";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { formatReport, importWxr } from "../../src/import/index.ts";
import { fixture, listFiles, readMarkdown, tempDir } from "./helpers/tree.ts";

/**
 * Regression (issue 15): featured images were dropped and bodies kept the
 * old host's URLs, so every image broke the day WordPress was switched off.
 * The fixture's uploads hold three of its four attachments: piazza.jpg is
 * missing, and must be listed, by file, never silently hotlinked.
 */
const FILES: Record<string, string> = {
  "2021/03/sportello.jpg": "JPEG sportello",
  "2021/03/assemblea.jpg": "JPEG assemblea",
  "2021/03/mappa.png": "PNG mappa",
};

async function check(dir: string, report: Awaited<ReturnType<typeof importWxr>>, oldSite: string): Promise<void> {
  const content = join(dir, "content");
  assert.equal((await listFiles(content)).filter((file) => file.startsWith("media/")), ["media/2021/03/assemblea.jpg", "media/2021/03/mappa.png", "media/2021/03/sportello.jpg"]);
  for (const [path, bytes] of Object.entries(FILES)) assert.is(await readFile(join(content, "media", path), "utf8"), bytes, path);
  const first = await readMarkdown(join(content, "2021/giornata-sportello.md"));
  assert.is(first.data["image"], "media/2021/03/assemblea.jpg");
  assert.is(first.data["image_alt"], "L’assemblea dei sindaci");
  assert.is(first.body.match(/src="\/media\/2021\/03\/(sportello|assemblea)\.jpg"/g)?.length, 4);
  assert.not.ok(first.body.includes("wp-content"), first.body);
  const second = await readMarkdown(join(content, "2021/nuovo-editor-media.md"));
  // The resized copy (mappa-1024x768.png) points to the original that moved.
  assert.ok(second.body.includes('<img src="/media/2021/03/mappa.png" alt="Mappa dei servizi">'), second.body);
  assert.not.ok("image" in second.data);
  assert.equal(report.media?.missing, [{ file: "2021/nuovo-editor-media.md", sources: [`${oldSite}/wp-content/uploads/2021/03/piazza.jpg`] }]);
  assert.is(report.media?.copied, 3);
  const lines = formatReport(report).split("\n");
  assert.ok(lines.includes(`  2021/nuovo-editor-media.md: ${oldSite}/wp-content/uploads/2021/03/piazza.jpg`), lines.join("\n"));
  assert.ok(report.warnings.includes("2021/nuovo-editor-media.md: featured image: attachment 399 is not in the export; no image set"), report.warnings.join("\n"));
}

test("--uploads DIR: the media the site uses are copied into content/media/YYYY/MM/ and every reference points there", async () => {
  const dir = await tempDir("media-uploads");
  const uploads = join(dir, "uploads");
  for (const [path, bytes] of Object.entries(FILES)) {
    await mkdir(join(uploads, "2021/03"), { recursive: true });
    await writeFile(join(uploads, path), bytes);
  }
  const report = await importWxr({ file: fixture("media.xml"), out: join(dir, "content"), data: join(dir, "_data"), timeZone: "Europe/Rome", uploads });
  await check(dir, report, "https://www.welforum.it");
});

test("--download: the same, fetched over HTTP from the old site (a local server), each file once", async () => {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? "");
    const path = decodeURIComponent(request.url ?? "").replace(/^\/wp-content\/uploads\//, "");
    const bytes = FILES[path];
    response.writeHead(bytes === undefined ? 404 : 200).end(bytes);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const dir = await tempDir("media-download");
    const file = join(dir, "export.xml");
    await writeFile(file, (await readFile(fixture("media.xml"), "utf8")).replaceAll("https://www.welforum.it", origin));
    const report = await importWxr({ file, out: join(dir, "content"), data: join(dir, "_data"), timeZone: "Europe/Rome", download: true });
    await check(dir, report, origin);
    assert.equal([...requests].sort(), [
      "/wp-content/uploads/2021/03/assemblea.jpg",
      "/wp-content/uploads/2021/03/mappa.png",
      "/wp-content/uploads/2021/03/piazza.jpg",
      "/wp-content/uploads/2021/03/sportello.jpg",
    ]);
  } finally {
    server.close();
  }
});

test("without --uploads or --download nothing is copied, bodies keep the old URLs and the report says how to move them", async () => {
  const dir = await tempDir("media-none");
  const report = await importWxr({ file: fixture("media.xml"), out: join(dir, "content"), data: join(dir, "_data"), timeZone: "Europe/Rome" });
  assert.is(report.media, undefined);
  assert.not.ok((await listFiles(join(dir, "content"))).some((file) => file.startsWith("media/")));
  assert.ok(report.warnings.includes("2021/giornata-sportello.md: featured image https://www.welforum.it/wp-content/uploads/2021/03/assemblea.jpg not imported: give --uploads DIR or --download to move it with the site"));
});

test.run();
