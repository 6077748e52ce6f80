import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildFixture, feed, page, text } from "../helpers/build.ts";

// An English site (site.language "en", no time zone: UTC), built with the bundled configuration.
const build = buildFixture("english");

test("the build succeeds", () => {
  assert.is(build.status, 0, build.output);
});

test("pages say lang=en and og:locale en_US", () => {
  for (const url of ["/", "/co-design-in-small-towns/", "/tag/towns/", "/404.html"]) {
    const doc = page(build.out, url);
    assert.is(doc.querySelector("html")?.getAttribute("lang"), "en", url);
    assert.is(doc.querySelector('meta[property="og:locale"]')?.getAttribute("content"), "en_US", url);
  }
});

test("dates in English and in UTC: 29 March 2018", () => {
  const time = page(build.out, "/co-design-in-small-towns/").querySelector(".byline time");
  assert.is(text(time), "29 March 2018");
  assert.is(time?.getAttribute("datetime"), "2018-03-29T00:00:00Z");
  // 09:30 with no offset is 09:30 UTC.
  assert.is(page(build.out, "/home-care-after-the-reform/").querySelector(".byline time")?.getAttribute("datetime"), "2019-11-05T09:30:00Z");
});

test("English pager, headings, navigation and skip link", () => {
  const home = page(build.out, "/");
  assert.is(home.querySelector(".pager")?.getAttribute("aria-label"), "Pagination");
  assert.is(text(home.querySelector(".pager__current")), "Page 1 of 2");
  assert.is(text(home.querySelector(".pager__older a")), "Older posts");
  assert.is(text(page(build.out, "/page/2/").querySelector(".pager__newer a")), "Newer posts");
  assert.is(text(home.querySelector(".skip-link")), "Skip to content");
  assert.is(text(home.querySelector("h1")), "Latest articles");
  assert.is(text(page(build.out, "/tag/towns/").querySelector("h1")), "Posts tagged “Towns”");
  assert.is(text(page(build.out, "/section/analysis/").querySelector("h1")), "Section “Analysis”");
  assert.is(text(page(build.out, "/author/giulia-martinelli/").querySelector("h1")), "Author: Giulia Martinelli");
  assert.is(text(page(build.out, "/tag/").querySelector("h1")), "Tags");
  const card = page(build.out, "/tag/poverty/").querySelector(".card__more a");
  assert.is(text(card), "Read more >");
  assert.is(card?.getAttribute("aria-label"), "Read the article “Minimum income in the districts”");
});

test("the 404 page in English", () => {
  const doc = page(build.out, "/404.html");
  assert.is(text(doc.querySelector("h1")), "Page not found");
  assert.is(text(doc.querySelector(".not-found a")), "Back to the home page");
});

test("feeds: <language>en</language>, English titles, dates in UTC", () => {
  const site = feed(build.out, "feed.xml");
  assert.is(site.channel["language"], "en");
  assert.is(site.channel["title"], "Welfare Watch » Feed");
  const towns = feed(build.out, "tag/towns/feed.xml");
  assert.is(towns.channel["title"], "Welfare Watch » Towns Tag feed");
  const oldest = towns.items.find((i) => i["title"] === "Co-design in small towns");
  assert.is(oldest?.["pubDate"], "Thu, 29 Mar 2018 00:00:00 +0000");
});
test.run();
