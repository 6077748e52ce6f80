import { test } from "uvu";
import * as assert from "uvu/assert";
import path from "node:path";
import { HtmlValidate, StaticConfigLoader, type ConfigData, type Message } from "html-validate";
import { buildSite, htmlFiles } from "./build-site.ts";

/**
 * html-validate's recommended rules, all of them errors, with one exception:
 * `long-title` (a 70-character <title>) is a search-snippet heuristic, not validity —
 * an article's title is the writer's, and the site name is appended to it.
 */
const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ["html-validate:recommended"],
  rules: { "long-title": "off" },
};

const validator = new HtmlValidate(new StaticConfigLoader(HTML_VALIDATE_CONFIG));

async function validateAll(out: string): Promise<{ pages: number; errors: string[] }> {
  const errors: string[] = [];
  const files = htmlFiles(out);
  for (const file of files) {
    const report = await validator.validateFile(path.join(out, file));
    for (const result of report.results) {
      for (const m of result.messages as Message[]) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  return { pages: files.length, errors };
}

test("every page of the sample build is valid HTML (html-validate: 0 errors)", async () => {
  const { out } = buildSite();
  const { pages, errors } = await validateAll(out);
  assert.ok(pages > 100, `only ${pages} pages were built`);
  console.log(`html-validate: ${pages} pages of the sample build, ${errors.length} errors`);
  assert.equal(errors, []);
});

test("the English fixture with its own card and footer and its own palette: every page valid (html-validate: 0 errors)", async () => {
  const { out } = buildSite("english", "eleventy.config.ts");
  const { pages, errors } = await validateAll(out);
  assert.ok(pages >= 20, `only ${pages} pages were built`);
  console.log(`html-validate: ${pages} pages of the English fixture (card and footer replaced), ${errors.length} errors`);
  assert.equal(errors, []);
});

test("pages built from hostile text (<script>, quotes, ]]>) are valid HTML too", async () => {
  const { out } = buildSite("basic");
  const { pages, errors } = await validateAll(out);
  assert.ok(pages > 10, `only ${pages} pages were built`);
  assert.equal(errors, []);
});

test("pages with a site's own look (logo, navigation, footer columns: test/fixtures/look) are valid HTML too", async () => {
  const { out } = buildSite("look");
  const { pages, errors } = await validateAll(out);
  assert.ok(pages > 10, `only ${pages} pages were built`);
  assert.equal(errors, []);
});

test("pages of a site with its own taxonomies and roles (test/fixtures/roles) are valid HTML too", async () => {
  const { out } = buildSite("roles");
  const { pages, errors } = await validateAll(out);
  assert.is(pages, 31);
  assert.equal(errors, []);
});

test("the validator does fail on invalid markup (this test can fail)", async () => {
  const report = await validator.validateString('<!DOCTYPE html><html lang="it"><head><title>x</title></head><body><main><p><div></div></p><a>no href</a></main></body></html>');
  assert.not.ok(report.valid);
});

test.run();
