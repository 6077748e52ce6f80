import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { createMarkdown } from "../../src/core/markdown.ts";
import { importWxr, type ImportReport } from "../../src/import/index.ts";
import { fixture, readMarkdown, tempDir } from "./helpers/tree.ts";

/**
 * Regression (issue 15): `[gallery]` was printed as text, Gutenberg
 * galleries became bullet lists, embeds plain links or text, and cover
 * blocks lost their image.
 */
let dir = "";
let report: ImportReport;
const md = createMarkdown();
const UPLOADS = "https://www.welforum.it/wp-content/uploads/2021/03";

const page = async (slug: string): Promise<{ body: string; root: ReturnType<typeof parse> }> => {
  const { body } = await readMarkdown(join(dir, "content/2021", `${slug}.md`));
  return { body, root: parse(md.render(body)) };
};

test.before(async () => {
  dir = await tempDir("galleries");
  report = await importWxr({ file: fixture("media.xml"), out: join(dir, "content"), data: join(dir, "_data"), timeZone: "Europe/Rome" });
});

test("[gallery ids] and [gallery] (the post's attachments) become a figure of images with their alt text; a missing id is reported", async () => {
  const { body, root } = await page("giornata-sportello");
  const galleries = root.querySelectorAll("figure.gallery").map((figure) =>
    figure.querySelectorAll("ul > li > img").map((img) => [img.getAttribute("src"), img.getAttribute("alt")]),
  );
  const both = [[`${UPLOADS}/sportello.jpg`, "Lo sportello sociale"], [`${UPLOADS}/assemblea.jpg`, "L’assemblea dei sindaci"]];
  assert.equal(galleries, [both, both]);
  assert.not.match(body, /\[gallery/);
  assert.is(root.querySelectorAll("li").length, 4, "no bullet list besides the galleries'");
  assert.ok(report.warnings.includes('2021/giornata-sportello.md: [gallery ids="301,302,399" columns="2"]: attachment 399 not in the export, left out of the gallery'), report.warnings.join("\n"));
});

test("a YouTube URL alone on a line and [embed]Vimeo[/embed] become privacy-friendly players; a known provider a link card; any other URL stays text", async () => {
  const { body, root } = await page("giornata-sportello");
  assert.ok(body.includes('<figure class="embed embed-youtube"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube" loading="lazy" allowfullscreen=""></iframe></figure>'), body);
  assert.ok(body.includes('<figure class="embed embed-vimeo"><iframe src="https://player.vimeo.com/video/76979871?dnt=1" title="Vimeo" loading="lazy" allowfullscreen=""></iframe></figure>'), body);
  assert.equal(root.querySelectorAll("p.embed-link a").map((a) => a.getAttribute("href")), ["https://twitter.com/welforum/status/1234567890"]);
  assert.ok(body.endsWith("Un indirizzo qualunque resta testo:\n\nhttps://www.example.org/rapporto\n"), body);
  assert.not.match(body, /\[\/?embed/);
});

test("block editor: cover keeps its image in a figure, gallery block is a figure of images with its caption, embed blocks play or link", async () => {
  const { body, root } = await page("nuovo-editor-media");
  assert.is(
    root.querySelector("figure.cover")?.outerHTML,
    `<figure class="cover"><img src="${UPLOADS}/piazza.jpg" alt="Una piazza di paese"><figcaption><p class="has-text-align-center">La piazza dei servizi</p></figcaption></figure>`,
  );
  const gallery = root.querySelector("figure.gallery");
  assert.equal(gallery?.querySelectorAll("li img").map((img) => [img.getAttribute("src"), img.getAttribute("alt")]), [
    [`${UPLOADS}/mappa-1024x768.png`, "Mappa dei servizi"],
    [`${UPLOADS}/piazza.jpg`, "La piazza"],
  ]);
  assert.is(gallery?.querySelector("figcaption")?.innerHTML, "I luoghi del <em>welfare</em>");
  assert.equal(root.querySelectorAll("iframe").map((iframe) => [iframe.getAttribute("src"), iframe.getAttribute("title")]), [
    ["https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ", "Il convegno di Milano"],
  ]);
  assert.equal(root.querySelectorAll("p.embed-link a").map((a) => a.getAttribute("href")), ["https://open.spotify.com/episode/abc"]);
  assert.not.match(body, /wp:|<!--|wp-block/);
});

test.run();
