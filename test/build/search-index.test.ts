import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync } from "node:fs";
import path from "node:path";
import { indexedPart } from "../../src/eleventy/search-index.ts";
import { allFiles, buildFixture, readOutput } from "../helpers/build.ts";

test("only <html lang> and <main> cross to Pagefind", () => {
  const page = '<!DOCTYPE html>\n<html lang="it">\n<head><title>T</title></head><body><header>Navigazione</header><main id="c"><article data-pagefind-body><h1>Titolo</h1></article></main><footer>Piede</footer></body></html>';
  assert.is(indexedPart(page), '<!DOCTYPE html><html lang="it"><body><main id="c"><article data-pagefind-body><h1>Titolo</h1></article></main></body></html>');
});

test("a page without <main> goes whole", () => {
  assert.is(indexedPart("<html><body><p>x</p></body></html>"), "<html><body><p>x</p></body></html>");
});

test("every article page, and only those, is in the index written during the build", () => {
  const { status, output, out } = buildFixture("small");
  assert.is(status, 0, output);
  const articles = Number(/\[editoriale\] (\d+) articles: wrote/.exec(output)?.[1]);
  assert.ok(articles > 0, output);
  assert.match(output, new RegExp(`search: indexed ${articles} pages in [\\d.]+ s`));
  const entry = JSON.parse(readOutput(out, "pagefind/pagefind-entry.json")) as { languages: Record<string, { page_count: number }> };
  assert.equal(Object.keys(entry.languages), ["it"]);
  assert.is(entry.languages["it"]?.page_count, articles);
  assert.is(readdirSync(path.join(out, "pagefind/fragment")).length, articles);
  assert.ok(allFiles(out).includes("cerca/index.html"));
});

test.run();
