import { test } from "uvu";
import * as assert from "uvu/assert";
import { indexedPart } from "../../src/eleventy/search-index.ts";

test("only <html lang> and <main> cross to Pagefind", () => {
  const page = '<!DOCTYPE html>\n<html lang="it">\n<head><title>T</title></head><body><header>Navigazione</header><main id="c"><article data-pagefind-body><h1>Titolo</h1></article></main><footer>Piede</footer></body></html>';
  assert.is(indexedPart(page), '<!DOCTYPE html><html lang="it"><body><main id="c"><article data-pagefind-body><h1>Titolo</h1></article></main></body></html>');
});

test("a page without <main> goes whole", () => {
  assert.is(indexedPart("<html><body><p>x</p></body></html>"), "<html><body><p>x</p></body></html>");
});

test.run();
