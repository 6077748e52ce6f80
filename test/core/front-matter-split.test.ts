import { test } from "uvu";
import * as assert from "uvu/assert";
import { splitFrontMatter } from "../../src/core/front-matter-split.ts";
import { readFrontMatter } from "../../src/core/front-matter.ts";

test("front matter and body", () => {
  assert.equal(splitFrontMatter("---\ntitle: A\n---\nBody\n"), { yaml: "title: A\n", yamlAtFileLines: "\ntitle: A\n", body: "Body\n", bodyLine: 4 });
});

test("a BOM and CRLF line ends are accepted", () => {
  const split = splitFrontMatter("\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n");
  assert.is(split.yaml, "title: A\r\n");
  assert.is(split.body, "Body\r\n");
});

test("empty front matter, and a file without any", () => {
  assert.equal(splitFrontMatter("---\n---\nBody"), { yaml: "", yamlAtFileLines: "\n", body: "Body", bodyLine: 3 });
  assert.is(splitFrontMatter("Just text\n---\n").yaml, undefined);
  assert.is(splitFrontMatter("").yaml, undefined);
});

test("a --- inside the body is not the end of the front matter twice", () => {
  const split = splitFrontMatter("---\ntitle: A\n---\nUno\n\n---\n\nDue\n");
  assert.is(split.body, "Uno\n\n---\n\nDue\n");
});

test("regression: a YAML error is placed on the file's line, counting the opening --- as line 1", () => {
  for (const [file, line] of [["---\ntitle: A\ndate: [\n---\n", 4], ["\uFEFF---\r\ntitle: A\r\nx: : y\r\n---\r\n", 3], ["---\n\n\n\n\ntitle: \"aperta\n---\n", 7]] as const) {
    const split = splitFrontMatter(file);
    const problem = readFrontMatter(split.yamlAtFileLines ?? "", "a.md", "Europe/Rome").problems[0];
    assert.match(problem?.message ?? "", new RegExp(`\\(near line ${line} of the file\\)`), JSON.stringify(file));
  }
});

test.run();
