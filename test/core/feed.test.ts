import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Archive } from "../../src/core/archive.ts";
import type { Article } from "../../src/core/article.ts";
import { buildFeed, type Feed, type FeedItem } from "../../src/core/feed.ts";
import { renderRssItem, rssChannelEnds } from "../../src/core/rss.ts";

/** A whole feed from the two pieces the build writes: the channel's ends around each item. */
function renderRss(feed: Feed, timeZone: string, contentHtml: (item: FeedItem) => string): string {
  const [head, tail] = rssChannelEnds(feed, timeZone);
  return head + feed.items.map((item) => renderRssItem(item, timeZone, contentHtml(item))).join("") + tail;
}
import { XMLParser } from "fast-xml-parser";
import { parse as parseHtml } from "node-html-parser";
import type { Term } from "../../src/core/terms.ts";

function article(i: number, title = `Articolo ${i}`): Article {
  return {
    file: `a${i}.md`, url: `/a${i}/`, title, date: new Date(Date.UTC(2020, 0, i, 12)), updated: undefined, slug: `a${i}`,
    slugShortened: false, excerpt: `Estratto ${i}`, excerptGiven: true, rubric: undefined, dossier: undefined, order: undefined, aliases: [], wpId: undefined, sticky: false,
    markdown: "", names: {}, terms: {},
  };
}

function archive(articles: Article[]): Archive {
  return {
    id: "tag:comuni", kind: "term", url: "/tag/comuni/", heading: "Post con tag “Comuni”", kicker: undefined, description: undefined,
    feedTitle: "Sito » Comuni Feed del tag", feedUrl: "/tag/comuni/feed.xml", articles, breadcrumbs: [], term: undefined, terms: [], dossier: undefined,
  };
}

const settings = { siteUrl: "https://s.example", language: "it-IT", description: "Sito", size: 20, categoryKeys: ["tag"], authorKey: "author" };

test("items newest first, limited to the feed size, with absolute links", () => {
  const articles = Array.from({ length: 25 }, (_, i) => article(i + 1));
  const feed = buildFeed(archive([...articles].reverse().slice(0, 5).concat(articles.slice(0, 20))), settings);
  assert.is(feed.items.length, 20);
  assert.is(feed.items[0]?.title, "Articolo 25");
  const times = feed.items.map((i) => i.date.getTime());
  assert.equal(times, [...times].sort((a, b) => b - a));
  assert.is(feed.items[0]?.link, "https://s.example/a25/");
  assert.is(feed.selfUrl, "https://s.example/tag/comuni/feed.xml");
  assert.is(feed.lastBuildDate.toISOString(), "2020-01-25T12:00:00.000Z");
});

test("an archive with one article gives one item; the size is honoured at its boundary", () => {
  assert.is(buildFeed(archive([article(1)]), settings).items.length, 1);
  assert.is(buildFeed(archive(Array.from({ length: 20 }, (_, i) => article(i + 1))), settings).items.length, 20);
  assert.is(buildFeed(archive(Array.from({ length: 21 }, (_, i) => article(i + 1))), { ...settings, size: 20 }).items.length, 20);
});

test("RSS stays valid XML whatever the text holds", () => {
  const hostile = 'A & B <script>alert("x")</script> ]]> \u0001 \u202E emoji 🎉';
  const feed = buildFeed(archive([article(1, hostile)]), settings);
  const xml = renderRss(feed, "Europe/Rome", () => `<p>${"]]>"} fine</p>`);
  const parsed = new XMLParser({ processEntities: true, htmlEntities: false }).parse(xml, true) as { rss: { channel: { item: { title: string; pubDate: string; "content:encoded": string } } } };
  assert.is(parsed.rss.channel.item.title, hostile.replace("\u0001", ""));
  assert.is(parsed.rss.channel.item.pubDate, "Wed, 01 Jan 2020 13:00:00 +0100");
  assert.is(parsed.rss.channel.item["content:encoded"], "<p>]]> fine</p>");
});

/** The item's description as a reader gets it: the XML text, then read as HTML. */
function descriptionAsReaderSees(excerpt: string): { xmlText: string; htmlText: string; channelText: string } {
  const a = { ...article(1), excerpt };
  const feed = buildFeed({ ...archive([a]), description: excerpt }, settings);
  const xml = renderRss(feed, "Europe/Rome", () => "<p>x</p>");
  const parsed = new XMLParser({ processEntities: true, htmlEntities: false }).parse(xml, true) as { rss: { channel: { description: string; item: { description: string } } } };
  const xmlText = parsed.rss.channel.item.description;
  return { xmlText, htmlText: parseHtml(xmlText).textContent, channelText: parseHtml(parsed.rss.channel.description).textContent };
}

test("regression: feed description keeps «<<…>>» and a literal <iframe> when a reader reads it as HTML", () => {
  for (const excerpt of ["<<Il welfare è di tutti>>, ha detto…", "il tag `<iframe>` non è ammesso", "A & B &amp; <b>non grassetto</b> 5 < 6"]) {
    const seen = descriptionAsReaderSees(excerpt);
    assert.is(seen.htmlText, excerpt);
    assert.is(seen.channelText, excerpt);
  }
});

test("regression: an area and a tag with one name give one <category> (298 of 640 items had two)", () => {
  const term = (key: string, name: string) => ({ name, key, slug: "x", url: "/x/" }) as unknown as Term;
  const a = { ...article(1), terms: { area: [term("area", "Terzo settore")], tag: [term("tag", "Terzo Settore"), term("tag", "Comuni")] } };
  const feed = buildFeed(archive([a]), { ...settings, categoryKeys: ["area", "tag"] });
  assert.equal(feed.items[0]?.categories, ["Terzo settore", "Comuni"]);
  const xml = renderRss(feed, "Europe/Rome", () => "");
  assert.is(xml.match(/<category>/g)?.length, 2);
});

test.run();
