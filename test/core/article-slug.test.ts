import { test } from "uvu";
import * as assert from "uvu/assert";
import { articleUrl, readArticle, shortenedSlugNotice } from "../../src/core/article.ts";
import { readDossier } from "../../src/core/dossier.ts";
import { createMarkdown } from "../../src/core/markdown.ts";
import { defaultTaxonomies } from "../../src/core/options.ts";
import { buildTermIndex } from "../../src/core/terms.ts";
import { SLUG_MAX_LENGTH, slugify, slugOf } from "../../src/core/slug.ts";

const md = createMarkdown();
const date = new Date(Date.UTC(2020, 0, 1));
const read = (data: Record<string, unknown>, file = "./content/a.md") =>
  readArticle({ file, url: "/a/", data: { date, ...data }, markdown: "Testo." }, defaultTaxonomies, md);

/** A title of `words` words "parolaNN" (each 9 characters and a dash in the slug). */
const longTitle = (words: number) => Array.from({ length: words }, (_, i) => `Parola${String(i).padStart(3, "0")}`).join(" ");

test("regression: a title whose slug passes 255 bytes (ENAMETOOLONG) is cut at a dash within 200 characters", () => {
  const title = longTitle(40);
  assert.is(slugify(title).length > 255 ? "uncut" : "cut", "cut");
  const { slug, shortened } = slugOf(title);
  assert.ok(shortened);
  // 20 words of 9 characters and 19 dashes make 199 characters; the 21st word would pass 200.
  assert.is(slug, Array.from({ length: 20 }, (_, i) => `parola${String(i).padStart(3, "0")}`).join("-"));
  assert.is(slug.length, 199);
  const { article, problems } = read({ title });
  assert.equal(problems, []);
  assert.is(article?.slug, slug);
  assert.is(article?.slugShortened, true);
  assert.is(
    shortenedSlugNotice("./content/a.md", { title }),
    `./content/a.md: the title's slug is longer than 200 characters; slug shortened to “${slug}”; set \`slug:\` to choose`,
  );
});

test("slug length boundary: 200 characters are kept whole, 201 are cut; a slug without dashes is cut at 200", () => {
  const exactly = "a".repeat(95) + " " + "b".repeat(104);
  assert.is(slugOf(exactly).slug.length, SLUG_MAX_LENGTH);
  assert.is(slugOf(exactly).shortened, false);
  assert.is(slugOf(exactly + "c").slug, "a".repeat(95));
  assert.is(slugOf("x".repeat(300)).slug, "x".repeat(200));
  assert.is(read({ title: "Breve" }).article?.slugShortened, false);
  assert.is(shortenedSlugNotice("a.md", { title: "Breve" }), undefined);
  // A `slug:` is never shortened, so no notice.
  assert.is(shortenedSlugNotice("a.md", { title: longTitle(40), slug: "breve" }), undefined);
});

test("a `slug:` longer than 200 characters is an error of field slug; 200 is accepted", () => {
  assert.is(read({ title: "T", slug: "a".repeat(200) }).article?.slug, "a".repeat(200));
  const { article, problems } = read({ title: "T", slug: "a".repeat(201) });
  assert.is(article, undefined);
  assert.is(problems.length, 1);
  assert.is(problems[0]?.field, "slug");
  assert.is(problems[0]?.message, "is 201 characters long; a slug may have at most 200");
  assert.match(problems[0]?.fix ?? "", /^write lower-case letters, digits and dashes, at most 200 characters/);
  // 100 Chinese letters: within 200 characters, but 300 bytes, more than a folder name may have.
  assert.match(read({ title: "T", slug: "中".repeat(100) }).problems[0]?.message ?? "", /^is 300 bytes long in UTF-8/);
});

const INVISIBLE = ["\u1160", "\u3164", "\u115F", "\uFFA0", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u0301", "\u3164\u3164\u200B"];

test("regression: invisible slugs are refused — from a title, from `slug:` and from a term name", () => {
  for (const ch of INVISIBLE) {
    const shown = JSON.stringify(ch);
    const fromTitle = read({ title: ch.repeat(3) });
    assert.is(fromTitle.article, undefined, shown);
    // U+FEFF is white space to JavaScript: that title is empty before it is a slug.
    assert.is(fromTitle.problems[0]?.code, ch === "\uFEFF" ? "FIELD_INVALID" : "SLUG_EMPTY", shown);
    const fromSlug = read({ title: "Titolo", slug: ch.repeat(3) });
    assert.is(fromSlug.article, undefined, shown);
    assert.is(fromSlug.problems.length, 1, shown);
    assert.is(fromSlug.problems[0]?.field, "slug", shown);
    assert.match(fromSlug.problems[0]?.message ?? "", /invisible characters|only lower-case letters/, shown);
    assert.is(articleUrl({ title: "Titolo", slug: ch.repeat(3) }, "il-punto"), false, shown);
    const withTag = read({ title: "Titolo", tags: [ch.repeat(2)] });
    if (ch === "\uFEFF") {
      assert.equal(withTag.problems.map((p) => `${p.field}: ${p.message}`), ["tags.0: is empty"]);
      continue;
    }
    const index = buildTermIndex(withTag.article ? [withTag.article] : [], defaultTaxonomies, {});
    assert.is(index.problems[0]?.code, "TERM_SLUG_EMPTY", shown);
  }
  // U+3164 is a letter to Unicode (Lo), which slugs otherwise allow: the message says what is wrong.
  assert.is(read({ title: "T", slug: "\u3164" }).problems[0]?.message, '"\u3164" is made only of invisible characters, which give an address nobody can see or type');
  // A visible letter with an invisible one is refused too; a visible non-Latin slug is kept.
  assert.is(read({ title: "T", slug: "a\u200Bb" }).article, undefined);
  assert.is(read({ title: "T", slug: "povertà" }).article?.slug, "povertà");
});

test("regression: `slug: ..` is reported as slug, and never becomes a URL", () => {
  assert.is(articleUrl({ title: "T", slug: ".." }, "il-punto"), false);
  assert.is(articleUrl({ title: "T", dossier: "..", slug: "a" }, "il-punto"), false);
  const { problems } = read({ title: "T", slug: ".." });
  assert.equal(problems.map((p) => p.field), ["slug"]);
  assert.match(problems[0]?.fix ?? "", /slug: lecco-una-storia/);
});

const dossier = (name: string) =>
  readDossier({ file: `./content/il-punto/${name}.md`, url: "", data: { title: "Dossier", date }, markdown: "Presentazione." }, "il-punto", md);

test("dossier file names are checked like slugs: one line naming the file and the new name", () => {
  assert.is(dossier("coprogettazione-e-non-solo").dossier?.url, "/il-punto/coprogettazione-e-non-solo/");
  const cases: Array<[string, string]> = [
    ["chi?", "chi"], ["sez#1", "sez1"], ["100%", "100"], ["%2e%2e", ""], ["Coprogettazione e non solo", "coprogettazione-e-non-solo"],
    ["riga\nnuova", "riga-nuova"], ["Maiuscole", "maiuscole"], ["punto.virgola", "punto-virgola"], ["\u3164", ""],
  ];
  for (const [name, better] of cases) {
    const { dossier: read, problems } = dossier(name);
    assert.is(read, undefined, name);
    assert.is(problems.length, 1, name);
    const [problem] = problems;
    assert.is(problem?.code, "DOSSIER_NAME_INVALID", name);
    assert.is(problem?.file, `./content/il-punto/${name}.md`);
    assert.is(problem?.field, "(file name)");
    assert.not.match(problem?.message ?? "", /\n/, "one line");
    assert.match(problem?.message ?? "", /^the file name of a dossier is its address \(\/il-punto\/<file name>\/\), and /);
    if (better) assert.is(problem?.fix, `rename the file to ${better}.md (and write dossier: ${better} in its articles)`, name);
    else assert.match(problem?.fix ?? "", /^rename the file/, name);
  }
});

test.run();
