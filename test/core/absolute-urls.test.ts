import { test } from "uvu";
import * as assert from "uvu/assert";
import { absoluteUrl } from "@11ty/eleventy-plugin-rss";
import { absolutizeHtml } from "../../src/core/absolute-urls.ts";

const base = "https://s.example/il-punto/dossier/parte/";

test("root-relative and relative links and images become absolute", () => {
  assert.is(
    absolutizeHtml('<a href="/tag/comuni/">x</a> <img src="foto.jpg" alt=""> <a href=\'../altro/\'>y</a>', base, absoluteUrl),
    '<a href="https://s.example/tag/comuni/">x</a> <img src="https://s.example/il-punto/dossier/parte/foto.jpg" alt=""> <a href=\'https://s.example/il-punto/dossier/altro/\'>y</a>',
  );
});

test("absolute URLs and mailto are left alone; entities survive", () => {
  const html = '<a href="https://altro.example/">a</a><a href="mailto:x@y.it">b</a><a href="/cerca/?q=a&amp;b=c">d</a>';
  assert.is(absolutizeHtml(html, base, absoluteUrl), html.replace('href="/cerca/', 'href="https://s.example/cerca/'));
});

test("fragment-only links become the article's URL with the fragment (a reader shows the item away from the page)", () => {
  assert.is(
    absolutizeHtml('<a href="#sez">vai</a> <a href=\'#nota-1\'>1</a>', base + "#vecchio", absoluteUrl),
    '<a href="https://s.example/il-punto/dossier/parte/#sez">vai</a> <a href=\'https://s.example/il-punto/dossier/parte/#nota-1\'>1</a>',
  );
});

test("text that looks like an attribute outside a tag is rewritten only where it is an attribute", () => {
  assert.is(absolutizeHtml("<p>scrivi href=&quot;/x&quot;</p>", base, absoluteUrl), "<p>scrivi href=&quot;/x&quot;</p>");
});

test.run();
