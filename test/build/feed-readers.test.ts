import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parse } from "node-html-parser";
import { buildFixture, readOutput } from "../helpers/build.ts";

// Regression (issue 12): the excerpt was escaped once for XML, but readers read <description> as HTML,
// so `<<Il welfare è di tutti>>, ha detto…` reached them as `<>, ha detto…`. Read here by a real feed
// parser (@rowanmanning/feed-parser), which decodes the description as a reader does (with the old
// escaping it gave "A & B & C" for "A & B &amp; C"); test/core/feed.test.ts renders it as HTML too.

const built = buildFixture("feed-text");
const EXCERPT = "<<Il welfare è di tutti>>, ha detto la sindaca; il tag `<iframe>` non serve, e A & B &amp; C restano come sono.";

test("a feed reader shows the excerpt exactly as the page does", () => {
  assert.is(built.status, 0, built.output);
  for (const file of ["feed.xml", "tag/comuni/feed.xml", "area/terzo-settore/feed.xml"]) {
    const feed = parseFeed(readOutput(built.out, file));
    assert.is(feed.items.length, 1, file);
    const item = feed.items[0];
    assert.ok(item);
    assert.is(item.title, "<<Il welfare è di tutti>>: un convegno a Lecco", file);
    // The parser decodes the description's HTML entities, as a reader does before showing it.
    assert.is(item.description, EXCERPT, file);
    assert.equal(item.authors.map((a) => a.name), ["Anna Rossi & Co."], file);
    assert.equal(item.categories.map((c) => c.term), ["Terzo settore", "Comuni"], `${file}: one category per name`);
    assert.match(item.content ?? "", /href="https:\/\/prova\.example\/un-convegno-a-lecco\/#seconda-parte"/, "fragment links absolute");
  }
  const page = parse(readOutput(built.out, "un-convegno-a-lecco/index.html"));
  assert.is(page.querySelector(".article__standfirst")?.textContent, EXCERPT, "the page shows the same text");
});

test.run();
