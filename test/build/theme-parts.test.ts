import { test } from "uvu";
import * as assert from "uvu/assert";
import { allFiles, buildFixture, page, readOutput, text } from "../helpers/build.ts";

// The English fixture built twice: by the site's own configuration, which replaces the card and the footer
// (test/fixtures/english/eleventy.config.ts, theme/), and by the bundled configuration with the same data.
const themed = buildFixture("english", {}, "eleventy.config.ts");
const plain = buildFixture("english");

const HOSTILE = `<script>alert('card')</script> Tom & Jerry's "plan" <b>bold</b>`;

test("both builds succeed and write the same files", () => {
  assert.is(themed.status, 0, themed.output);
  assert.is(plain.status, 0, plain.output);
  assert.equal(allFiles(themed.out), allFiles(plain.out));
});

test("the replaced card draws every list: home, archives, related articles", () => {
  const home = page(themed.out, "/");
  assert.is(home.querySelectorAll("article.row-card").length, 2);
  assert.is(home.querySelectorAll("article.card:not(.row-card)").length, 0);
  assert.equal(home.querySelectorAll(".row-card__date").map(text), ["10 January 2022", "14 June 2021"]);
  assert.is(page(themed.out, "/tag/towns/").querySelectorAll("article.row-card").length, 2);
  const related = page(themed.out, "/co-design-in-small-towns/").querySelectorAll(".related article");
  assert.ok(related.length > 0 && related.every((a) => a.classList.contains("row-card")), "related articles use the site's card");
  assert.is(page(plain.out, "/").querySelectorAll("article.card").length, 2, "the bundled card without the replacement");
});

test("the replaced footer shows on every page instead of the bundled one", () => {
  for (const file of allFiles(themed.out).filter((f) => f.endsWith(".html"))) {
    const doc = page(themed.out, "/" + file.replace(/index\.html$/, ""));
    assert.is(text(doc.querySelector(".site-colophon")), "Welfare Watch is published by a group of social workers & researchers.", file);
    assert.is(doc.querySelectorAll("footer.site-footer").length, 1, file);
    assert.is(doc.querySelectorAll(".site-footer__feeds").length, 0, `${file}: not the bundled footer`);
  }
});

test("every other part is unchanged: pages differ from the default build only in cards and the footer", () => {
  const strip = (html: string) =>
    html
      .replace(/<article class="card( row-card)?">[\s\S]*?<\/article>/g, "<CARD>")
      .replace(/<footer class="site-footer">[\s\S]*?<\/footer>/, "<FOOTER>");
  let compared = 0;
  for (const file of allFiles(plain.out)) {
    if (file.startsWith("assets/")) continue;
    const mine = readOutput(themed.out, file);
    const theirs = readOutput(plain.out, file);
    if (file.endsWith(".html")) assert.fixture(strip(mine), strip(theirs));
    else assert.is(mine, theirs, `${file} is the same`);
    compared++;
  }
  assert.ok(compared >= 50, `${compared} files compared`);
});

test("a hostile title is escaped by the replaced card: text, never markup", () => {
  const home = page(themed.out, "/");
  const link = home.querySelector(".row-card__title a[href='/alertcard-tom-jerrys-plan-bold/']");
  assert.is(link?.textContent, HOSTILE);
  assert.is(link?.querySelectorAll("script, b").length, 0);
  assert.not.match(readOutput(themed.out, "index.html"), "<script>alert(");
  // Only the theme's JSON-LD scripts on the page.
  assert.ok(home.querySelectorAll("script").every((s) => s.getAttribute("type") === "application/ld+json"));
});
test.run();
