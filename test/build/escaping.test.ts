import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { XMLParser } from "fast-xml-parser";
import { SaxesParser } from "saxes";
import { parse as parseHtml, type HTMLElement } from "node-html-parser";
import { parseAllRedirects } from "@netlify/redirect-parser";
import { parse as parseYaml } from "yaml";
import { allFiles, buildFixture, isThemeScript, page, readOutput, ROOT } from "../helpers/build.ts";

// test/fixtures/hostile: every field that reaches the output carries <script>, "><img onerror>,
// </script>, ]]>, &amp;, control characters, right-to-left marks and emoji; the site name too
// (its own _data/site.json). Markdown bodies link to javascript: and data: URLs.
const FIXTURE = path.join(ROOT, "test/fixtures/hostile");
const build = buildFixture("hostile");
const files = allFiles(build.out);

/** Front matter of a fixture file, read with the project's YAML parser. */
function frontMatter(file: string): Record<string, unknown> {
  const text = readFileSync(path.join(FIXTURE, "content", file), "utf8");
  return parseYaml(text.split("---\n")[1] ?? "", { schema: "core" }) as Record<string, unknown>;
}
const article = frontMatter("articolo-ostile.md");
const dossier = frontMatter("il-punto/dossier-ostile.md");
const site = JSON.parse(readFileSync(path.join(FIXTURE, "_data/site.json"), "utf8")) as { title: string; description: string };
const terms = JSON.parse(readFileSync(path.join(FIXTURE, "_data/terms.json"), "utf8")) as Record<string, Record<string, { description?: string; bio?: string }>>;

/** Characters HTML and XML cannot carry (C0 controls but tab and newlines, DEL, U+FFFE/U+FFFF): the build drops them. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
const visible = (value: unknown): string => String(value).replace(FORBIDDEN, "");
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value)]);
const title = visible(article.title);
const siteTitle = visible(site.title);

/** A URL a browser would run or render as a document: javascript:, data:, vbscript:, once controls and spaces are ignored. */
const dangerous = (url: string) => /^(javascript|data|vbscript):/i.test(decodeURIComponent(url).replace(/[\u0000-\u0020]/g, ""));
const htmlFiles = files.filter((f) => f.endsWith(".html"));
const articleUrl = "/il-punto/dossier-ostile/titolo-alerttitolo/";

/** Throws unless the text is well-formed XML 1.0 (saxes is a strict, conforming parser). */
function wellFormed(xml: string, file: string): void {
  const parser = new SaxesParser();
  parser.on("error", (error) => {
    throw new Error(`${file}: ${error.message}`);
  });
  parser.write(xml).close();
}

/** A feed's channel and items, every character reference decoded. */
function rss(file: string): { channel: Record<string, unknown>; items: Array<Record<string, unknown>> } {
  const parser = new XMLParser({ processEntities: true, htmlEntities: true, trimValues: false, parseTagValue: false, isArray: (tag) => ["item", "category", "dc:creator"].includes(tag) });
  const channel = (parser.parse(readOutput(build.out, file)) as { rss: { channel: Record<string, unknown> & { item?: Array<Record<string, unknown>> } } }).rss.channel;
  return { channel, items: channel.item ?? [] };
}

test("the hostile site builds", () => {
  assert.is(build.status, 0, build.output);
  assert.ok(files.includes(`${articleUrl.slice(1)}index.html`), files.join("\n"));
  assert.ok(htmlFiles.length >= 15, "every kind of page is written");
});

test("no page carries markup from the text: only the theme's JSON-LD scripts, no event handler, no injected image", () => {
  for (const file of htmlFiles) {
    const raw = readOutput(build.out, file);
    for (const payload of ["<script>alert", "</script><script>", "<img src=x", '"><img']) assert.not.ok(raw.includes(payload), `${file} contains ${payload}`);
    assert.not.match(raw, FORBIDDEN, `${file} has no control character`);
    const doc = parseHtml(raw);
    for (const script of doc.querySelectorAll("script")) {
      assert.ok(isThemeScript(file, script), `${file}: a script the theme did not write`);
      if (script.getAttribute("type") !== "application/ld+json") continue;
      assert.not.match(script.rawText, /<\/|<!--/, `${file}: the JSON-LD cannot close its script`);
      JSON.parse(script.rawText);
    }
    for (const element of doc.querySelectorAll("*")) {
      const handlers = Object.keys(element.attributes).filter((name) => name.toLowerCase().startsWith("on"));
      assert.equal(handlers, [], `${file}: <${element.tagName}> has ${handlers.join(", ")}`);
    }
    assert.is(doc.querySelectorAll("img").length, 0, `${file}: no image comes from the text`);
    for (const element of doc.querySelectorAll("[href], [src]")) {
      const url = element.getAttribute("href") ?? element.getAttribute("src") ?? "";
      assert.not.ok(dangerous(url), `${file}: <${element.tagName} href="${url}">`);
    }
  }
});

test("the article page shows every payload as the text it is", () => {
  const doc = page(build.out, articleUrl);
  const textOf = (selector: string) => doc.querySelector(selector)?.text;
  const all = (selector: string) => doc.querySelectorAll(selector).map((el) => el.text);
  assert.is(textOf("h1"), title);
  assert.ok(title.includes('<script>alert("titolo")</script>') && title.includes("\u202E") && title.includes("👩🏽‍💻") && title.includes("&amp;"), "the payloads are all in the title");
  assert.is(doc.querySelector("title")?.text, `${title} – ${siteTitle}`);
  const meta = (selector: string) => doc.querySelector(selector)?.getAttribute("content");
  assert.is(meta('meta[property="og:title"]'), title);
  assert.is(meta('meta[name="twitter:title"]'), title);
  assert.is(meta('meta[name="description"]'), visible(article.excerpt));
  assert.is(meta('meta[property="og:description"]'), visible(article.excerpt));
  assert.is(meta('meta[property="og:site_name"]'), siteTitle);
  assert.is(textOf(".site-name"), siteTitle);
  assert.is(textOf(".card__rubric"), visible(article.rubric));
  assert.is(textOf(".kicker a"), visible(article.area));
  assert.equal(all(".byline a"), list(article.authors).map(visible));
  assert.equal(all('.article__terms a[rel="tag"]'), [visible(article.section), ...list(article.tags).map(visible)]);
  assert.is(textOf(".dossier-box__title a"), visible(dossier.title));
  assert.is(doc.querySelectorAll("nav.breadcrumbs li").at(-1)?.text, title);
});

test("JSON-LD gives back the same text, escaped for a script", () => {
  const doc = page(build.out, articleUrl);
  const data = doc.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.rawText) as Record<string, unknown>);
  const articleData = data.find((d) => d["@type"] === "Article");
  assert.ok(articleData);
  assert.is(visible(articleData?.headline), title);
  assert.is(visible(articleData?.description), visible(article.excerpt));
  assert.equal((articleData?.author as Array<{ name: string }>).map((a) => a.name), list(article.authors));
  assert.is((articleData?.publisher as { name: string }).name, site.title);
  const crumbs = data.find((d) => d["@type"] === "BreadcrumbList")?.itemListElement as Array<{ name: string }>;
  assert.is(crumbs.at(-1)?.name, article.title);
  assert.is(crumbs.at(-2)?.name, dossier.title);
});

test("dossier, term and author pages show their hostile names and descriptions as text", () => {
  const dossierPage = page(build.out, "/il-punto/dossier-ostile/");
  assert.is(dossierPage.querySelector("h1")?.text, visible(dossier.title));
  assert.ok(dossierPage.querySelector(".dossier__curators")?.text.includes(visible(dossier.curator)));
  const area = page(build.out, "/area/area-alertarea/");
  assert.is(area.querySelector("h1")?.text, visible(article.area));
  const areaData = Object.values(terms.area ?? {})[0];
  assert.is(area.querySelector(".archive__description")?.text, areaData?.description);
  const author = page(build.out, "/autori/autrice/");
  assert.is(author.querySelector("h1")?.text, `Autore: ${list(article.authors)[0]}`);
  const home = page(build.out, "/");
  assert.is(home.querySelector('meta[name="description"]')?.getAttribute("content"), site.description);
  assert.ok(home.querySelectorAll("a").some((a) => a.text === title), "the home links the article by its title");
});

test("Markdown links to javascript: and data: URLs stay text, in the page and in the feed", () => {
  const body = page(build.out, articleUrl).querySelector(".article__body") as HTMLElement;
  assert.equal(body.querySelectorAll("a").map((a) => a.getAttribute("href")), ["/chi-siamo/", "https://www.welforum.it/"]);
  for (const shown of ["[un link javascript](javascript:alert('md'))", "[un link data](data:text/html;base64,", "[maiuscole](JAVASCRIPT:alert(2))", "<javascript:alert(6)>"]) {
    assert.ok(body.text.includes(shown), `shown as text: ${shown}`);
  }
  const presentation = page(build.out, "/il-punto/dossier-ostile/");
  assert.not.ok(presentation.querySelectorAll("a").some((a) => dangerous(a.getAttribute("href") ?? "")));
  const item = rss("feed.xml").items.find((i) => i.title === title);
  const content = parseHtml(String(item?.["content:encoded"] ?? ""));
  assert.equal(content.querySelectorAll("a").map((a) => a.getAttribute("href")), ["https://ostile.example/chi-siamo/", "https://www.welforum.it/"]);
  assert.ok(content.text.includes("]]>") && content.text.includes("]]]]>"), "]]> in the body survives the CDATA section");
});

test("every feed is well-formed XML and gives back the text", () => {
  const feeds = files.filter((f) => f.endsWith("feed.xml"));
  assert.ok(feeds.length >= 10);
  for (const file of feeds) {
    const xml = readOutput(build.out, file);
    wellFormed(xml, file);
    assert.not.match(xml, FORBIDDEN, `${file} has no control character`);
    assert.ok(String(rss(file).channel.title).includes(siteTitle), `${file}: channel title carries the site name`);
  }
  const { channel, items } = rss("feed.xml");
  // Readers read <description> as HTML: the text comes back once it is read as HTML too.
  assert.is(parseHtml(String(channel.description)).textContent, site.description);
  const item = items.find((i) => i.title === title);
  assert.ok(item, "the item title is the title");
  assert.is(parseHtml(String(item?.description)).textContent, visible(article.excerpt));
  assert.equal(item?.category, [visible(article.area), visible(article.section), ...list(article.tags).map(visible)]);
  assert.equal(item?.["dc:creator"], list(article.authors).map(visible));
  const dossierFeed = rss("il-punto/dossier-ostile/feed.xml");
  assert.ok(String(dossierFeed.channel.title).includes(visible(dossier.title)));
});

test("sitemap and _redirects are well-formed and carry no payload", async () => {
  const sitemap = readOutput(build.out, "sitemap.xml");
  wellFormed(sitemap, "sitemap.xml");
  const locs = (new XMLParser().parse(sitemap) as { urlset: { url: Array<{ loc: string }> } }).urlset.url.map((u) => u.loc);
  assert.ok(locs.includes(`https://ostile.example${articleUrl}`));
  for (const loc of locs) assert.match(loc, /^https:\/\/ostile\.example\/[a-z0-9/._-]*$/);
  const { redirects, errors } = await parseAllRedirects({ redirectsFiles: [path.join(build.out, "_redirects")], configRedirects: [], minimal: false });
  assert.equal(errors, []);
  assert.ok(redirects.length > 0);
  for (const rule of redirects as Array<{ from: string; to: string }>) {
    assert.match(rule.from, /^\/[A-Za-z0-9/%._-]*$/);
    assert.match(rule.to, /^\/[A-Za-z0-9/%._-]*$/);
  }
});

test.after(() => rmSync(build.out, { recursive: true, force: true }));

test.run();
