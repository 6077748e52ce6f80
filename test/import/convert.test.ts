import { test } from "uvu";
import * as assert from "uvu/assert";
import { autop } from "../../src/import/autop.ts";
import { wordpressDate } from "../../src/import/dates.ts";
import { decodeEntities, htmlToText } from "../../src/import/entities.ts";
import { htmlToMarkdown } from "../../src/import/html-to-markdown.ts";
import { oldPathOf, resolveLink, rewriteLinks, siteHosts, type LinkTargets } from "../../src/import/links.ts";
import { captionsToFigures, protectShortcodes, stripShortcodes } from "../../src/import/shortcodes.ts";
import { parseTaxonomyMapping } from "../../src/import/taxonomy-map.ts";

test("wordpressDate: GMT wins; zero GMT falls back to local time in the site's zone; nothing gives undefined", () => {
  assert.is(wordpressDate("2018-03-25 00:30:00", "2018-03-25 01:30:00", "Europe/Rome"), "2018-03-25T01:30:00+01:00");
  assert.is(wordpressDate("2018-03-25 01:30:00", "2018-03-25 03:30:00", "Europe/Rome"), "2018-03-25T03:30:00+02:00");
  assert.is(wordpressDate("0000-00-00 00:00:00", "2018-07-01 12:00:00", "Europe/Rome"), "2018-07-01T12:00:00+02:00");
  assert.is(wordpressDate("0000-00-00 00:00:00", "2018-12-01 12:00:00", "Europe/Rome"), "2018-12-01T12:00:00+01:00");
  assert.is(wordpressDate("0000-00-00 00:00:00", "0000-00-00 00:00:00", "Europe/Rome"), undefined);
  assert.is(wordpressDate("2018-03-24 09:00:00", "", "UTC"), "2018-03-24T09:00:00Z");
});

test("decodeEntities: numeric, named, accented; unknown names left alone", () => {
  assert.is(decodeEntities("L&#8217;articolo &egrave; &Egrave; &#x2013; &laquo;s&igrave;&raquo; &amp;amp; &bogus;"), "L’articolo è È – «sì» &amp; &bogus;");
  assert.is(htmlToText("<p>Uno&nbsp;<strong>due</strong></p><p>tre</p>"), "Uno due tre");
});

test("autop: blank line → paragraph, newline → <br>, block tags left alone, <pre> untouched, no <br> inside a tag", () => {
  assert.is(autop('<a\nhref="java\nscript:x">a</a>'), '<p><a\nhref="java\nscript:x">a</a></p>');
  assert.is(autop("a\nb\n\nc"), "<p>a<br />\nb</p>\n<p>c</p>");
  assert.is(autop("<ul>\n<li>x</li>\n</ul>\ntesto"), "<ul>\n<li>x</li>\n</ul>\n<p>testo</p>");
  assert.is(autop("<pre>a\n\nb</pre>"), "<pre>a\n\nb</pre>");
  assert.is(autop("   "), "");
});

test("captions: WordPress ≥ 3.4 (caption after the image) and older (caption attribute)", () => {
  assert.is(
    captionsToFigures('[caption id="a" width="300"]<img src="x.jpg" alt="X" /> Didascalia[/caption]'),
    '<figure><img src="x.jpg" alt="X" /><figcaption>Didascalia</figcaption></figure>',
  );
  assert.is(
    captionsToFigures('[caption id="a" caption="Vecchia didascalia"]<a href="x.jpg"><img src="x.jpg"></a>[/caption]'),
    '<figure><a href="x.jpg"><img src="x.jpg"></a><figcaption>Vecchia didascalia</figcaption></figure>',
  );
});

test("shortcodes: kept verbatim through Markdown conversion, names reported, [[x]] is literal text", () => {
  const input = '<p>[contact-form-7 id="5" title="Modulo"] e [[gallery]] e [embed]https://x.it/v[/embed] e [1] e [sic]</p>';
  const guarded = protectShortcodes(input);
  assert.equal(guarded.names, ["contact-form-7", "embed", "sic"]);
  assert.is(
    guarded.restore(htmlToMarkdown(guarded.html)),
    '[contact-form-7 id="5" title="Modulo"] e [gallery] e [embed]https://x.it/v[/embed] e \\[1\\] e [sic]',
  );
  assert.is(stripShortcodes('Testo [gallery ids="1"] fine [caption]<img src="a">b[/caption]'), "Testo  fine ");
});

test("tables: merged cells or no header row stay HTML (one block, no blank line)", () => {
  const merged = htmlToMarkdown('<table><tr><th>A</th><th>B</th></tr>\n\n<tr><td colspan="2">AB</td></tr></table>');
  assert.is(merged, '<table><tbody><tr><th>A</th><th>B</th></tr><tr><td colspan="2">AB</td></tr></tbody></table>');
  assert.not.match(merged, /\n\s*\n/);
  const headerless = htmlToMarkdown("<table><tr><td>1</td><td>2</td></tr></table>");
  assert.is(headerless, "<table><tbody><tr><td>1</td><td>2</td></tr></tbody></table>");
  assert.is(htmlToMarkdown("<table><tr><th>x|y</th></tr><tr><td><em>a</em></td></tr></table>"), "| x\\|y |\n| --- |\n| _a_ |");
});

test("figure without caption is an ordinary image", () => {
  assert.is(htmlToMarkdown('<figure class="wp-block-image"><img src="https://x.it/a.jpg" alt="A"></figure>'), "![A](https://x.it/a.jpg)");
});

const targets: LinkTargets = {
  hosts: siteHosts("https://www.welforum.it"),
  oldPaths: new Map([
    ["/povertà/", 1],
    ["/2012/05/10/x/", 2],
    ["/privato/", 3],
  ]),
  newUrls: new Map([
    [1, "/povertà/"],
    [2, "/x/"],
  ]),
  skipped: new Map([[3, "private"]]),
};

test("links: old hosts and paths, percent-encoding in any case, shortlinks, fragments; others untouched", () => {
  assert.equal(resolveLink("http://welforum.it/povert%C3%A0/", targets), { kind: "rewritten", href: "/povertà/" });
  assert.equal(resolveLink("https://www.welforum.it/2012/05/10/x/#a", targets), { kind: "rewritten", href: "/x/#a" });
  assert.equal(resolveLink("/2012/05/10/x", targets), { kind: "rewritten", href: "/x/" });
  assert.equal(resolveLink("https://www.welforum.it/?p=2", targets), { kind: "rewritten", href: "/x/" });
  assert.equal(resolveLink("/povertà/", targets), { kind: "unchanged", id: 1 });
  assert.equal(resolveLink("https://www.welforum.it/privato/", targets), { kind: "not-imported", id: 3, reason: "private" });
  assert.equal(resolveLink("https://altro.it/povertà/", targets), { kind: "external" });
  assert.equal(resolveLink("https://www.welforum.it/wp-content/uploads/a.png", targets), { kind: "external" });
  assert.equal(resolveLink("mailto:a@b.it", targets), { kind: "external" });
  assert.equal(resolveLink("#nota", targets), { kind: "external" });
  assert.equal(resolveLink("https://www.welforum.it/tag/comuni/", targets), { kind: "unknown" });
});

test("rewriteLinks: double or single quotes, an apostrophe inside the URL, &amp; in the query", () => {
  const { html, notes } = rewriteLinks(
    `<a href="https://www.welforum.it/povert%C3%A0/">a</a> <a class="x" href='/2012/05/10/x/'>b</a> <a href="/l'altro/">c</a> <a href="https://www.welforum.it/?p=3&amp;x=1">d</a>`,
    targets,
  );
  assert.is(html, `<a href="/povertà/">a</a> <a class="x" href='/x/'>b</a> <a href="/l'altro/">c</a> <a href="https://www.welforum.it/?p=3&amp;x=1">d</a>`);
  assert.equal(notes, { rewritten: 2, dangling: ["https://www.welforum.it/?p=3&x=1 (private)"] });
});

test("oldPathOf: decoded path; none for query-string permalinks", () => {
  assert.is(oldPathOf("https://www.welforum.it/povert%c3%a0-educativa/"), "/povertà-educativa/");
  assert.is(oldPathOf("https://www.welforum.it/?p=106"), "");
  assert.is(oldPathOf(""), "");
});

test("--map parsing: DOMAIN=KEY or DOMAIN=; whether KEY is one of the site's taxonomies is the table's to say (site-taxonomies.test.ts)", () => {
  assert.equal(parseTaxonomyMapping("rubrica=tag"), ["rubrica", "tag"]);
  assert.equal(parseTaxonomyMapping("rubrica=argomento"), ["rubrica", "argomento"]);
  assert.equal(parseTaxonomyMapping("post_format="), ["post_format", null]);
  for (const bad of ["rubrica", "=tag", "rubrica=Tag", "rubrica=tag=x", "rubrica=uno due"]) {
    assert.throws(() => parseTaxonomyMapping(bad), /expected DOMAIN=KEY, KEY being one of the site's taxonomies, or DOMAIN= \(to drop it\)/, bad);
  }
});

test.run();
