import { test } from "uvu";
import * as assert from "uvu/assert";
import { OutputRegistry } from "../../src/core/output-registry.ts";

const article = (file: string, field = "slug") => ({ description: `./content/${file}`, file: `./content/${file}`, field });

test("one file, many spellings: /x/, /x/index.html, percent-encoded and decomposed forms are one file", () => {
  const registry = new OutputRegistry();
  assert.ok(registry.claim("/povertà/", article("a.md")));
  assert.not.ok(registry.claim("/povert%C3%A0/index.html", article("b.md", "permalink")));
  assert.not.ok(registry.claim("/poverta\u0300/", article("c.md")));
  assert.not.ok(registry.claim("//povertà//", article("d.md")));
  assert.is(registry.problems.length, 3);
  assert.ok(registry.problems.every((p) => p.code === "URL_COLLISION"));
  assert.is(registry.problems[0]?.file, "./content/b.md", "filed against the permalink");
});

test("distinct files stay distinct; the first claim keeps its file", () => {
  const registry = new OutputRegistry();
  assert.ok(registry.claim("/a/", article("a.md")));
  assert.ok(registry.claim("/a/feed.xml", { description: "the feed", field: "url" }));
  assert.ok(registry.claim("/a/page/2/", { description: "page 2", field: "url" }));
  assert.ok(registry.claim("/ab/", article("ab.md")));
  assert.is(registry.problems.length, 0);
});

test("a file where a folder is needed, either way round", () => {
  const first = new OutputRegistry();
  first.claim("/servizi", article("file.md", "permalink"));
  assert.not.ok(first.claim("/servizi/sociali/", article("cartella.md")));
  const second = new OutputRegistry();
  second.claim("/servizi/sociali/", article("cartella.md"));
  assert.not.ok(second.claim("/servizi", article("file.md", "permalink")));
  assert.is(first.problems[0]?.file, "./content/file.md");
  assert.is(second.problems[0]?.file, "./content/file.md");
});

test("reserved folders: anything inside is refused, the folder's neighbours are not", () => {
  const registry = new OutputRegistry();
  registry.reserveFolder("/assets/", { description: "the theme's files (/assets/)", field: "url" });
  assert.not.ok(registry.claim("/assets/", article("a.md")));
  assert.not.ok(registry.claim("/assets/x/y.css", article("b.md", "permalink")));
  assert.ok(registry.claim("/assetsx/", article("c.md")));
  assert.ok(registry.claim("/asset/", article("d.md")));
  assert.is(registry.problems.length, 2);
});

test("ownerOfAddress: with or without the trailing slash, and inside reserved folders", () => {
  const registry = new OutputRegistry();
  registry.claim("/cerca/", { description: "the search page", field: "url" });
  registry.claim("/feed.xml", { description: "the site's feed", field: "url" });
  registry.reserveFolder("/pagefind/", { description: "the search index", field: "url" });
  assert.is(registry.ownerOfAddress("/cerca")?.description, "the search page");
  assert.is(registry.ownerOfAddress("/cerca/")?.description, "the search page");
  assert.is(registry.ownerOfAddress("/feed.xml")?.description, "the site's feed");
  assert.is(registry.ownerOfAddress("/pagefind/pagefind.js")?.description, "the search index");
  assert.is(registry.ownerOfAddress("/cercare/"), undefined);
  assert.is(registry.ownerOfAddress("/"), undefined);
});

test.run();
