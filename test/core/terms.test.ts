import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Article } from "../../src/core/article.ts";
import { defaultTaxonomies } from "../../src/core/options.ts";
import { buildTermIndex } from "../../src/core/terms.ts";
import { termKey } from "../../src/core/term-key.ts";

const tagTaxonomy = defaultTaxonomies.filter((t) => t.key === "tag");

function article(file: string, day: number, tags: string[]): Article {
  return {
    file, url: `/${file}/`, title: file, date: new Date(Date.UTC(2020, 0, day)), updated: undefined, slug: file,
    slugShortened: false, excerpt: "", excerptGiven: false, rubric: undefined, dossier: undefined, order: undefined, aliases: [], wpId: undefined, sticky: false,
    markdown: "", names: { tag: tags }, terms: {},
  };
}

test("termKey ignores case, accents, apostrophes and spaces", () => {
  assert.is(termKey("Terzo Settore"), termKey("terzo settore"));
  assert.is(termKey("Povertà"), termKey("poverta"));
  assert.is(termKey("L’Aquila"), termKey("L'Aquila"));
  assert.is(termKey("LAquila"), termKey("L’ Aquila"));
  assert.is.not(termKey("Comuni"), termKey("Comune"));
});

test("spellings of one term fold into the most used, with a notice", () => {
  const articles = [article("c", 3, ["Terzo settore"]), article("b", 2, ["Terzo Settore"]), article("a", 1, ["Terzo settore"])];
  const index = buildTermIndex(articles, tagTaxonomy, {});
  const terms = [...(index.terms.get("tag")?.values() ?? [])];
  assert.is(terms.length, 1);
  assert.is(terms[0]?.name, "Terzo settore");
  assert.is(terms[0]?.url, "/tag/terzo-settore/");
  assert.equal(terms[0]?.articles.map((a) => a.file), ["c", "b", "a"]);
  assert.equal(index.notices, ["tag “Terzo settore”: also written “Terzo Settore” (1); kept “Terzo settore”"]);
  assert.is(articles[1]?.terms.tag?.[0], terms[0]);
});

test("the spelling named in site data wins over the most used", () => {
  const articles = [article("b", 2, ["terzo settore"]), article("a", 1, ["terzo settore"])];
  const index = buildTermIndex(articles, tagTaxonomy, { tag: { "Terzo settore": { description: "Enti" } } });
  const term = index.terms.get("tag")?.get(termKey("Terzo settore"));
  assert.is(term?.name, "Terzo settore");
  assert.is(term?.description, "Enti");
});

test("two different terms with one slug are a collision naming both", () => {
  const index = buildTermIndex([article("b", 2, ["Salute & benessere"]), article("a", 1, ["Salute benessere"])], tagTaxonomy, {});
  assert.is(index.problems.length, 1);
  assert.is(index.problems[0]?.code, "TERM_COLLISION");
  assert.match(index.problems[0]?.message ?? "", /“Salute benessere” and “Salute & benessere” .* \/tag\/salute-benessere\//);
});

test("a slug override in site data resolves a collision", () => {
  const index = buildTermIndex([article("b", 2, ["Salute & benessere"]), article("a", 1, ["Salute benessere"])], tagTaxonomy, {
    tag: { "Salute & benessere": { slug: "salute-e-benessere" } },
  });
  assert.is(index.problems.length, 0);
  assert.equal([...(index.terms.get("tag")?.values() ?? [])].map((t) => t.url).sort(), ["/tag/salute-benessere/", "/tag/salute-e-benessere/"]);
});

test("a term whose slug is empty is reported for each file using it", () => {
  const index = buildTermIndex([article("b", 2, ["???"]), article("a", 1, ["???"])], tagTaxonomy, {});
  assert.equal(index.problems.map((p) => [p.code, p.file, p.field]), [["TERM_SLUG_EMPTY", "b", "tags"], ["TERM_SLUG_EMPTY", "a", "tags"]]);
});

test("the index is built in one pass: work grows linearly with term assignments", () => {
  let reads = 0;
  const make = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const a = article(`a${i}`, 1, [`t${i % 50}`, "Comuni"]);
      return new Proxy(a, { get: (t, k, r) => (k === "names" && reads++, Reflect.get(t, k, r)) });
    });
  reads = 0;
  buildTermIndex(make(1000), tagTaxonomy, {});
  const small = reads;
  reads = 0;
  buildTermIndex(make(10_000), tagTaxonomy, {});
  assert.is(reads, small * 10);
});

test.run();
