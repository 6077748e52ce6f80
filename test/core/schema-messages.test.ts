import { test } from "uvu";
import * as assert from "uvu/assert";
import { articleSchema, check, dossierSchema } from "../../src/core/schema.ts";

const date = new Date(Date.UTC(2020, 0, 1));
const problems = (data: Record<string, unknown>) => check(articleSchema, { title: "Titolo", date, ...data }, "a.md").problems;
const line = (data: Record<string, unknown>) => problems(data).map((p) => `${p.field}: ${p.message}. Fix: ${p.fix}`);

test("regression: `order: -1` says it must be a whole number ≥ 0, not “is empty”; 0 is accepted", () => {
  assert.equal(line({ order: -1 }), ["order: must be a whole number ≥ 0, not number -1. Fix: write a whole number, 0 or more, e.g. order: 2"]);
  assert.equal(problems({ order: 0 }), []);
  assert.equal(line({ order: 1.5 }), ["order: must be a whole number, not number 1.5. Fix: write a whole number, 0 or more, e.g. order: 2"]);
  assert.equal(problems({ wp_id: 0 }).map((p) => p.message), ["must be a whole number ≥ 1, not number 0"]);
});

test("“is empty” stays for empty text and lists", () => {
  assert.equal(problems({ title: "  " }).map((p) => p.message), ["is empty"]);
  assert.equal(problems({ rubric: "" }).map((p) => p.message), ["is empty"]);
});

test("regression: rubric and excerpt say they are one text, not a list", () => {
  const [rubric] = problems({ rubric: ["Il Punto", "Altro"] });
  assert.is(rubric?.field, "rubric");
  assert.is(rubric?.fix, 'write one text, the label shown on cards, e.g. rubric: "Il Punto di Welforum"');
  const [excerpt] = problems({ excerpt: 12 });
  assert.is(excerpt?.field, "excerpt");
  assert.is(excerpt?.message, "must be text, not number 12");
  assert.match(excerpt?.fix ?? "", /^write one text, the summary shown on cards and in feeds/);
  for (const p of [rubric, excerpt]) assert.not.match(p?.fix ?? "", /list of texts/);
  const [curator] = check(dossierSchema, { title: "D", date, curator: 3 }, "d.md").problems;
  assert.match(curator?.fix ?? "", /^write a name or a list of names/);
});

test("regression: a permalink starting with // is told it means another host, not that it must start with /", () => {
  const [problem] = problems({ permalink: "//greek/x/" });
  assert.is(problem?.field, "permalink");
  assert.is(problem?.message, "“//greek/x/” is not a path inside the site (it starts with //, which means another host)");
  assert.is(problems({ permalink: "chi-siamo/" })[0]?.message, "“chi-siamo/” is not a path inside the site (it must start with /)");
  assert.is(problems({ permalink: "/../../etc/x/" })[0]?.message, "“/../../etc/x/” is not a path inside the site (it has a “.” or “..” segment, which leaves the folder)");
  assert.is(problems({ aliases: ["/vecchio indirizzo/"] })[0]?.message, "“/vecchio indirizzo/” is not a path inside the site (it has a space or line break, which means something else in a URL)");
  assert.is(problems({ permalink: "/a?b/" })[0]?.message, "“/a?b/” is not a path inside the site (it has “?”, which means something else in a URL)");
  assert.equal(problems({ permalink: "/chi-siamo/" }), []);
});

test("regression: `slug: ..` is a slug problem with the slug fix", () => {
  const [problem] = problems({ slug: ".." });
  assert.is(problem?.field, "slug");
  assert.is(problem?.message, '".." may have only lower-case letters, digits, dashes and underscores');
  assert.match(problem?.fix ?? "", /^write lower-case letters, digits and dashes/);
});

test("kind: only page (or nothing, or article); any other value says what a file can be", () => {
  assert.equal(line({ kind: "pagina" }), ["kind: is “pagina”: a file is an article (leave kind out) or a page (kind: page). Fix: write kind: page for a page (chi siamo, contatti), or nothing for an article"]);
  assert.equal(line({ kind: "article" }), []);
  assert.equal(line({ sticky: "sì" }).length, 1);
});

test.run();
