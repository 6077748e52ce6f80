import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildFixture, exists, feed, page, readOutput, text } from "../helpers/build.ts";

// test/fixtures/basic: 23 articles tagged Comuni + 1 dossier part tagged Comuni = 24 → 3 pages of 10.
const build = buildFixture("basic");

test("the build succeeds and reports the folded spelling", () => {
  assert.is(build.status, 0, build.output);
  assert.match(build.output, /tag “Terzo Settore”: also written “Terzo settore” \(1\)/);
});

test("/tag/comuni/ has exactly three pages", () => {
  assert.ok(exists(build.out, "tag/comuni/index.html"));
  assert.ok(exists(build.out, "tag/comuni/page/2/index.html"));
  assert.ok(exists(build.out, "tag/comuni/page/3/index.html"));
  assert.not.ok(exists(build.out, "tag/comuni/page/4/index.html"));
  assert.not.ok(exists(build.out, "tag/comuni/page/1/index.html"));
});

test("heading, cards and pager of every page", () => {
  const expected = [
    { url: "/tag/comuni/", cards: 10, newer: undefined, older: "/tag/comuni/page/2/", current: "Pagina 1 di 3" },
    { url: "/tag/comuni/page/2/", cards: 10, newer: "/tag/comuni/", older: "/tag/comuni/page/3/", current: "Pagina 2 di 3" },
    { url: "/tag/comuni/page/3/", cards: 4, newer: "/tag/comuni/page/2/", older: undefined, current: "Pagina 3 di 3" },
  ];
  for (const e of expected) {
    const doc = page(build.out, e.url);
    assert.equal(doc.querySelectorAll("h1").map(text), ["Post con tag “Comuni”"], e.url);
    assert.is(doc.querySelectorAll(".archive__list article.card").length, e.cards, e.url);
    const pager = doc.querySelector("nav.pager");
    assert.is(pager?.querySelector('a[rel="prev"]')?.getAttribute("href"), e.newer, e.url);
    assert.is(pager?.querySelector('a[rel="next"]')?.getAttribute("href"), e.older, e.url);
    assert.is(text(pager?.querySelector('[aria-current="page"]')), e.current);
    if (e.newer) assert.is(text(pager?.querySelector('a[rel="prev"]')), "Articoli più recenti");
    if (e.older) assert.is(text(pager?.querySelector('a[rel="next"]')), "Articoli meno recenti");
    assert.is(doc.querySelector('head link[rel="prev"]')?.getAttribute("href"), e.newer);
    assert.is(doc.querySelector('head link[rel="next"]')?.getAttribute("href"), e.older);
    const alternate = doc.querySelectorAll('head link[rel="alternate"][type="application/rss+xml"]').map((l) => l.getAttribute("href"));
    assert.ok(alternate.includes("/tag/comuni/feed.xml"), e.url);
    assert.is(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"), "https://prova.example" + e.url);
  }
});

test("cards are newest first across pages and carry the seed page's parts", () => {
  const titles = ["/tag/comuni/", "/tag/comuni/page/2/", "/tag/comuni/page/3/"].flatMap((u) =>
    page(build.out, u).querySelectorAll(".archive__list .card__title").map(text),
  );
  assert.is(titles.length, 24);
  assert.is(titles[0], "Parte uno"); // 2021-04-01, the newest
  assert.is(titles[1], "Articolo numero 23");
  assert.is(titles[23], "Articolo numero 1");
  const card = page(build.out, "/tag/comuni/").querySelector(".card");
  assert.is(text(card?.querySelector(".card__rubric")), "Il Punto di Welforum");
  const more = card?.querySelector(".card__more a");
  assert.is(text(more), "Leggi >");
  assert.match(more?.getAttribute("aria-label") ?? "", /Parte uno/);
});

test("the tag feed: 20 items, newest first, RFC 822 dates, guid, absolute links", () => {
  const { channel, items } = feed(build.out, "tag/comuni/feed.xml");
  assert.is(channel.title, "Sito di prova » Comuni Feed del tag");
  assert.is(channel.link, "https://prova.example/tag/comuni/");
  assert.is(channel.language, "it-IT");
  assert.is((channel["atom:link"] as Record<string, string>)["@_href"], "https://prova.example/tag/comuni/feed.xml");
  assert.is(items.length, 20);
  assert.is(items[0]?.title, "Parte uno");
  assert.is(items[0]?.pubDate, "Thu, 01 Apr 2021 00:00:00 +0200");
  assert.is(items[1]?.pubDate, "Thu, 23 Jan 2020 00:00:00 +0100");
  const dates = items.map((i) => Date.parse(String(i.pubDate)));
  assert.equal(dates, [...dates].sort((a, b) => b - a));
  for (const item of items) {
    assert.match(String(item.pubDate), /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4}$/);
    assert.is((item.guid as Record<string, string>)["#text"], item.link);
    assert.match(String(item.link), /^https:\/\/prova\.example\//);
  }
  const article = items.find((i) => i.title === "Articolo numero 5");
  assert.equal(article?.["dc:creator"], ["Anna Rossi"]);
  assert.equal(article?.category, ["Terzo settore", "Esperienze", "Comuni", "Lecco"]);
  assert.match(String(article?.["content:encoded"]), /href="https:\/\/prova\.example\/articolo-1\/"/);
  assert.not.match(String(article?.["content:encoded"]), /href="\//);
});

test("the site feed lists the 20 newest articles of the whole site", () => {
  const { items } = feed(build.out, "feed.xml");
  assert.is(items.length, 20);
  assert.is(items[0]?.title, "Un <script>alert(1)</script> & \"virgolette\" ]]> fine");
});

test("a title with <script>, & and quotes is escaped in HTML and XML", () => {
  const url = "/il-punto/primo-dossier/un-alert1-virgolette-fine/";
  const raw = readOutput(build.out, url.slice(1) + "index.html");
  assert.not.match(raw, /<script>alert/);
  assert.is(text(page(build.out, url).querySelector("h1")), 'Un <script>alert(1)</script> & "virgolette" ]]> fine');
  const xml = readOutput(build.out, "feed.xml");
  assert.match(xml, /<title>Un &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;virgolette&quot; \]\]&gt; fine<\/title>/);
});

test("Markdown is not run through a template language", () => {
  const body = text(page(build.out, "/il-punto/primo-dossier/un-alert1-virgolette-fine/").querySelector(".article__body"));
  assert.is(body, "Corpo con {{ variabile }} e {% tag %} scritti come testo.");
});

test("drafts are not written by a build", () => {
  assert.not.ok(exists(build.out, "bozza/index.html"));
  assert.not.match(readOutput(build.out, "feed.xml"), /Bozza/);
});

test("article page: title, rubric, byline in Italian, area, tags linking to their archives", () => {
  const doc = page(build.out, "/articolo-numero-5/");
  assert.is(text(doc.querySelector("h1")), "Articolo numero 5");
  assert.is(text(doc.querySelector(".article__header .byline")), "Anna Rossi | 5 gennaio 2020");
  assert.is(doc.querySelector(".article__header .kicker a")?.getAttribute("href"), "/area/terzo-settore/");
  const tags = doc.querySelectorAll('.article__footer a[rel="tag"]').map((a) => a.getAttribute("href"));
  assert.equal(tags, ["/sezione/esperienze/", "/tag/comuni/", "/tag/lecco/"]);
});

test("the home page is paginated", () => {
  assert.ok(exists(build.out, "index.html"));
  assert.ok(exists(build.out, "page/2/index.html"));
  assert.ok(exists(build.out, "page/3/index.html"));
  assert.not.ok(exists(build.out, "page/4/index.html"));
  assert.is(page(build.out, "/page/3/").querySelectorAll(".archive__list article.card").length, 5);
});

test.run();
