import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Article } from "../../src/core/article.ts";
import { resolveShortenedSlugs } from "../../src/core/unique-slugs.ts";

const slug = "a".repeat(190) + "-welfare";
const article = (file: string, day: number, shortened: boolean, url = `/${slug}/`): Article =>
  ({ file, url, slug, slugShortened: shortened, date: new Date(Date.UTC(2024, 0, day)), aliases: [] }) as unknown as Article;

test("two long titles cut to one slug: the older keeps it, the later gets -2, then -3 (WordPress's way)", () => {
  const newestFirst = [article("c.md", 3, true), article("b.md", 2, true), article("a.md", 1, true)];
  const notices = resolveShortenedSlugs(newestFirst);
  assert.equal(newestFirst.map((a) => a.url), [`/${slug}-3/`, `/${slug}-2/`, `/${slug}/`]);
  assert.is(notices.length, 2);
  assert.match(notices[0] ?? "", /^b\.md: its shortened slug is taken by an older article; it is published at \/a+-welfare-2\//);
});

test("a slug the writer chose keeps its address; a shortened one steps aside, in dossiers too", () => {
  const chosen = article("chosen.md", 1, false);
  const cut = article("cut.md", 2, true);
  const part = article("part.md", 3, true, `/il-punto/d/${slug}/`);
  const list = [part, cut, chosen];
  resolveShortenedSlugs(list);
  assert.is(chosen.url, `/${slug}/`);
  assert.is(cut.url, `/${slug}-2/`);
  assert.is(part.url, `/il-punto/d/${slug}/`, "another folder is another address");
});

test("no shortened slug, nothing changes", () => {
  const list = [article("x.md", 1, false, "/x/"), article("y.md", 2, false, "/y/")];
  assert.equal(resolveShortenedSlugs(list), []);
});

test.run();
