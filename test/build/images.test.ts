import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { HTMLElement } from "node-html-parser";
import { HtmlValidate, StaticConfigLoader, type Message } from "html-validate";
import { allFiles, exists, feed, page, ROOT } from "../helpers/build.ts";

// Featured images and local images of bodies as responsive pictures (issue 15, item 3), made once into a cache.

const FIXTURES = path.join(ROOT, "test/fixtures/images");
const work = mkdtempSync(path.join(tmpdir(), "editoriale-images-"));
const cache = path.join(work, "cache");

function build(name: string, out: string): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--quiet", `--input=${path.join(FIXTURES, name, "content")}`, `--output=${out}`],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, TZ: "Europe/Rome", NO_COLOR: "1", EDITORIALE_DATA: path.join(FIXTURES, name, "_data"), EDITORIALE_IMAGE_CACHE: cache } },
  );
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

const out = path.join(work, "first");
const first = build("site", out);

/** Every image file of the cache with its modification time. */
function cacheTimes(): Map<string, number> {
  const times = new Map<string, number>();
  for (const entry of readdirSync(cache)) for (const file of readdirSync(path.join(cache, entry))) times.set(`${entry}/${file}`, statSync(path.join(cache, entry, file)).mtimeMs);
  return times;
}

interface Picture {
  sources: Array<{ type: string; srcset: string[]; sizes: string }>;
  img: Record<string, string>;
}

function picture(el: HTMLElement | null): Picture {
  assert.ok(el, "a <picture>");
  const pic = el as HTMLElement;
  const img = pic.querySelector("img");
  assert.ok(img, "the picture has an <img>");
  return {
    sources: pic.querySelectorAll("source").map((s) => ({ type: s.getAttribute("type") ?? "", srcset: (s.getAttribute("srcset") ?? "").split(", "), sizes: s.getAttribute("sizes") ?? "" })),
    img: (img as HTMLElement).attributes,
  };
}

/** `/img/<stem>-<10 hex>-<width>.<ext> <width>w` for each width. */
const set = (stem: string, ext: string, widths: number[]) => widths.map((w) => new RegExp(`^/img/${stem}-[0-9a-f]{10}-${w}\\.${ext} ${w}w$`));
function matches(actual: string[], expected: RegExp[], what: string): void {
  assert.is(actual.length, expected.length, `${what}: ${actual.join(", ")}`);
  expected.forEach((re, i) => assert.match(actual[i] ?? "", re, what));
}

test("the build succeeds, makes the three raster images once and says so", () => {
  assert.is(first.status, 0, first.output);
  assert.match(first.output, /\[editoriale\] images: 3 made, 0 reused from /);
});

test("the article's featured image is a figure above the body: AVIF, WebP, JPEG at 400/800/1200, eager and first", () => {
  const doc = page(out, "/municipio/");
  const figure = doc.querySelector(".article > figure.article__image");
  assert.ok(figure, "figure.article__image in the article");
  assert.is(figure?.nextElementSibling?.classList.contains("article__body"), true, "right above the body");
  const p = picture(figure?.querySelector("picture") ?? null);
  assert.equal(p.sources.map((s) => s.type), ["image/avif", "image/webp"]);
  matches(p.sources[0]?.srcset ?? [], set("municipio", "avif", [400, 800, 1200]), "avif");
  matches(p.sources[1]?.srcset ?? [], set("municipio", "webp", [400, 800, 1200]), "webp");
  matches((p.img.srcset ?? "").split(", "), set("municipio", "jpeg", [400, 800, 1200]), "jpeg");
  assert.match(p.img.src ?? "", /^\/img\/municipio-[0-9a-f]{10}-1200\.jpeg$/);
  assert.is(p.img.width, "1200");
  assert.is(p.img.height, "750");
  assert.is(p.img.alt, "La facciata del municipio con lo sportello aperto");
  assert.is(p.img.loading, "eager");
  assert.is(p.img.fetchpriority, "high");
  assert.is(p.img.sizes, "(min-width: 42rem) 40rem, 100vw");
  assert.is(p.sources[0]?.sizes, p.img.sizes);
});

test("a small original is never upscaled: a 300 px featured image gives only 300 px files, decorative alt kept empty", () => {
  const p = picture(page(out, "/grafici/").querySelector("figure.article__image picture"));
  matches(p.sources[0]?.srcset ?? [], set("piccola", "avif", [300]), "avif");
  matches((p.img.srcset ?? "").split(", "), set("piccola", "jpeg", [300]), "jpeg");
  assert.is(p.img.width, "300");
  assert.is(p.img.height, "200");
  assert.is(p.img.alt, "");
});

test("body images: /media/… and relative media/… become lazy pictures (PNG keeps a PNG fallback); remote, SVG and GIF stay as written", () => {
  const body = page(out, "/grafici/").querySelector(".article__body") as HTMLElement;
  const pictures = body.querySelectorAll("picture").map((el) => picture(el));
  assert.is(pictures.length, 2);
  const [chart, photo] = pictures as [Picture, Picture];
  // 500 px wide: 400 and its own 500, nothing larger.
  matches(chart.sources[1]?.srcset ?? [], set("grafico", "webp", [400, 500]), "chart webp");
  matches((chart.img.srcset ?? "").split(", "), set("grafico", "png", [400, 500]), "chart png");
  assert.equal([chart.img.width, chart.img.height, chart.img.loading, chart.img.decoding], ["500", "300", "lazy", "async"]);
  assert.is(chart.img.alt, "La spesa per abitante, regione per regione");
  matches((photo.img.srcset ?? "").split(", "), set("municipio", "jpeg", [400, 800, 1200]), "photo jpeg");
  assert.equal([photo.img.alt, photo.img.class, photo.img.title, photo.img.loading], ['Lo sportello "aperto"', "align-right", "Sportello", "lazy"]);
  const plain = body.querySelectorAll("img").filter((img) => img.parentNode.tagName !== "PICTURE").map((img) => img.getAttribute("src"));
  assert.equal(plain, ["https://esempio.example/mappa.jpg", "/media/loghi/logo.svg", "/media/loghi/fila.gif"]);
});

test("a page's body images are pictures too", () => {
  const pictures = page(out, "/la-redazione/").querySelectorAll("main picture").map((el) => picture(el));
  assert.is(pictures.length, 1);
  matches((pictures[0]?.img.srcset ?? "").split(", "), set("piccola", "jpeg", [300]), "page jpeg");
  assert.equal([pictures[0]?.img.alt, pictures[0]?.img.loading], ["Il tavolo della riunione di redazione", "lazy"]);
});

test("every file a page names exists in the output with the width and height it claims", async () => {
  const urls = new Set<string>();
  for (const url of ["/municipio/", "/grafici/", "/"]) {
    for (const el of page(out, url).querySelectorAll("source, img")) {
      for (const entry of (el.getAttribute("srcset") ?? "").split(", ").filter(Boolean)) urls.add(entry);
    }
  }
  const made = allFiles(out).filter((f) => f.startsWith("img/"));
  // 3 formats × (3 widths of municipio + 2 of grafico + 1 of piccola).
  assert.is(made.length, 18, made.join("\n"));
  assert.is(urls.size, 18);
  for (const entry of urls) {
    const [url, descriptor] = entry.split(" ") as [string, string];
    assert.ok(exists(out, url.slice(1)), url);
    const meta = await sharp(path.join(out, url.slice(1))).metadata();
    assert.is(`${meta.width}w`, descriptor, url);
    assert.is(meta.format, { avif: "heif", webp: "webp", jpeg: "jpeg", png: "png" }[url.split(".").pop() ?? ""], url);
  }
  const photo = await sharp(made.map((f) => path.join(out, f)).find((f) => /municipio-.*-800\.webp$/.test(f)) ?? "").metadata();
  assert.equal([photo.width, photo.height], [800, 500]);
});

test("Open Graph, Twitter and JSON-LD share the largest fallback file with an absolute URL and its size", () => {
  const doc = page(out, "/municipio/");
  const meta = (property: string) => doc.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute("content");
  assert.match(meta("og:image") ?? "", /^https:\/\/immagini\.example\/img\/municipio-[0-9a-f]{10}-1200\.jpeg$/);
  assert.equal([meta("og:image:width"), meta("og:image:height"), meta("og:image:alt"), meta("twitter:card")], ["1200", "750", "La facciata del municipio con lo sportello aperto", "summary_large_image"]);
  const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.rawText ?? "{}") as { image?: unknown };
  assert.equal(ld.image, { "@type": "ImageObject", url: meta("og:image"), width: 1200, height: 750 });
  const plain = page(out, "/senza/");
  assert.is(plain.querySelector('meta[property="og:image"]'), null);
  assert.is(plain.querySelector('meta[name="twitter:card"]')?.getAttribute("content"), "summary");
  assert.is(plain.querySelector("figure.article__image"), null);
});

test("cards show the featured image, lazily; an article without one has none", () => {
  const cards = page(out, "/").querySelectorAll(".card");
  assert.equal(cards.map((c) => c.querySelector(".card__title a")?.getAttribute("href")), ["/municipio/", "/grafici/", "/senza/"]);
  const images = cards.map((c) => c.querySelector(".card__image picture img"));
  assert.match(images[0]?.getAttribute("src") ?? "", /^\/img\/municipio-[0-9a-f]{10}-1200\.jpeg$/);
  assert.is(images[0]?.getAttribute("loading"), "lazy");
  assert.match(images[1]?.getAttribute("src") ?? "", /^\/img\/piccola-[0-9a-f]{10}-300\.jpeg$/);
  assert.is(images[2], null);
  assert.is(cards[2]?.querySelector(".card__image"), null);
});

test("feed items carry the featured image as an enclosure with its exact length, and body images as sized plain <img>", () => {
  const { items } = feed(out, "feed.xml");
  assert.equal(items.map((i) => i.link), ["https://immagini.example/municipio/", "https://immagini.example/grafici/", "https://immagini.example/senza/"]);
  const enclosure = (i: number) => items[i]?.enclosure as Record<string, string> | undefined;
  for (const i of [0, 1]) {
    const url = enclosure(i)?.["@_url"] ?? "";
    assert.match(url, /^https:\/\/immagini\.example\/img\/(municipio-[0-9a-f]{10}-1200|piccola-[0-9a-f]{10}-300)\.jpeg$/);
    assert.is(Number(enclosure(i)?.["@_length"]), statSync(path.join(out, new URL(url).pathname)).size);
    assert.is(enclosure(i)?.["@_type"], "image/jpeg");
  }
  assert.is(enclosure(2), undefined);
  const content = String(items[1]?.["content:encoded"]);
  assert.not.match(content, /<picture|<source/);
  assert.match(content, /<img src="https:\/\/immagini\.example\/img\/grafico-[0-9a-f]{10}-500\.png" width="500" height="300" alt="La spesa per abitante, regione per regione">/);
  assert.match(content, /<img src="https:\/\/esempio\.example\/mappa\.jpg" alt="Una mappa esterna">/);
});

test("pages with pictures are valid HTML (html-validate's recommended rules, as for the sample build)", async () => {
  const validator = new HtmlValidate(new StaticConfigLoader({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } }));
  const errors: string[] = [];
  for (const file of ["municipio/index.html", "grafici/index.html", "index.html", "tag/sportelli/index.html"]) {
    const report = await validator.validateFile(path.join(out, file));
    for (const result of report.results) for (const m of result.messages as Message[]) errors.push(`${file}:${m.line} ${m.ruleId}: ${m.message}`);
  }
  assert.equal(errors, []);
});

test("a second build in a new process makes nothing: every image reused from the cache, cache files untouched, same pages", () => {
  const before = cacheTimes();
  assert.is(before.size, 18 + 3, "18 files and 3 image.json");
  const again = path.join(work, "second");
  const second = build("site", again);
  assert.is(second.status, 0, second.output);
  assert.match(second.output, /\[editoriale\] images: 0 made, 3 reused from /);
  assert.equal(cacheTimes(), before);
  for (const file of ["municipio/index.html", "grafici/index.html", "index.html", "feed.xml"]) {
    assert.is(readFileSync(path.join(again, file), "utf8"), readFileSync(path.join(out, file), "utf8"), file);
  }
  assert.equal(allFiles(again).filter((f) => f.startsWith("img/")), allFiles(out).filter((f) => f.startsWith("img/")));
});

test("missing images: featured and body, one line each naming the file, the field and the path looked for; exit 1", () => {
  const run = build("missing", path.join(work, "missing"));
  assert.is(run.status, 1, run.output);
  assert.not.match(run.output, /\n\s+at /, "no stack trace");
  const lines = run.output.split("\n").filter((l) => l.includes("is not in the content folder")).map((l) => l.replace(/^\[11ty\]\s+/, "").trim());
  const dir = "./test/fixtures/images/missing/content";
  assert.equal(lines, [
    `${dir}/mancante.md → image: the image /media/2018/04/assente.jpg is not in the content folder (looked for ${dir}/media/2018/04/assente.jpg). Fix: put the file at ${dir}/media/2018/04/assente.jpg, or correct the path (relative to the content folder, e.g. media/2018/03/lecco.jpg)`,
    `${dir}/nel-testo.md → body: the image /media/2018/04/grafico-perso.png is not in the content folder (looked for ${dir}/media/2018/04/grafico-perso.png). Fix: put the file at ${dir}/media/2018/04/grafico-perso.png, or correct the path (relative to the content folder, e.g. media/2018/03/lecco.jpg)`,
  ]);
  assert.match(run.output, /Editoriale found 2 problems/);
});

test("a featured image without image_alt, or on another site, is refused with the fix; both in one run", () => {
  const run = build("no-alt", path.join(work, "no-alt"));
  assert.is(run.status, 1, run.output);
  const dir = "./test/fixtures/images/no-alt/content";
  const lines = run.output.split("\n").filter((l) => l.includes(" → ")).map((l) => l.replace(/^\[11ty\]\s+/, "").trim());
  assert.equal(lines, [
    `${dir}/remota.md → image: “https://esempio.example/foto.jpg” is an address of another site; the featured image must be a file of the content folder. Fix: write the path of an image file in the content folder, e.g. image: media/2018/03/lecco.jpg`,
    `${dir}/senza-alt.md → image_alt: the featured image media/presente.png has no text alternative. Fix: add image_alt: with what the image shows, e.g. image_alt: "Il municipio di Lecco", or image_alt: "" if it is only decorative`,
  ]);
});

test("a site with no images pays nothing: no image line, no /img/ folder", () => {
  const plain = path.join(work, "plain");
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--quiet", `--input=${path.join(ROOT, "test/fixtures/small/content")}`, `--output=${plain}`],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, TZ: "Europe/Rome", EDITORIALE_DATA: path.join(ROOT, "test/fixtures/small/_data"), EDITORIALE_IMAGE_CACHE: path.join(work, "unused-cache") } },
  );
  assert.is(run.status, 0, run.stderr);
  assert.not.match(run.stdout, /images:/);
  assert.not.ok(exists(plain, "img"));
  assert.not.ok(exists(work, "unused-cache"));
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
