import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatLongDate } from "../../src/core/dates.ts";
import { isLanguageTag, languageSettings } from "../../src/core/language.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { dictionaries } from "../../src/core/words.ts";

const site = { title: "Sito", url: "https://s.example/" };

test("languages: lang as written, og:locale with the usual country, the dictionary of the language", () => {
  const cases: Array<[string, string, string, boolean]> = [
    ["it-IT", "it", "it_IT", true],
    ["it", "it", "it_IT", true],
    ["en", "en", "en_US", true],
    ["en-GB", "en", "en_GB", true],
    ["pt-BR", "pt", "pt_BR", false],
    ["sr-Latn-RS", "sr", "sr_RS", false],
    ["eo", "eo", "eo", false],
  ];
  for (const [tag, base, ogLocale, known] of cases) {
    const l = languageSettings(tag);
    assert.equal([l.tag, l.base, l.ogLocale, l.known], [tag, base, ogLocale, known], tag);
  }
  assert.is(languageSettings("fr").words, dictionaries["en"], "an unknown language has the English words");
});

test("language tags: valid BCP 47 only", () => {
  for (const good of ["it", "it-IT", "en-GB", "pt-BR", "sr-Latn-RS"]) assert.ok(isLanguageTag(good), good);
  for (const bad of ["", "italiano", "it IT", "i", "en-", "<script>"]) assert.not.ok(isLanguageTag(bad), bad);
});

test("every dictionary has every word, none empty, the same placeholders as the Italian one", () => {
  const it = dictionaries["it"] as Record<string, string>;
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [language, words] of Object.entries(dictionaries)) {
    assert.equal(Object.keys(words).sort(), Object.keys(it).sort(), language);
    for (const [key, text] of Object.entries(words)) {
      assert.ok(text.trim().length > 0, `${language}.${key}`);
      assert.equal(placeholders(text), placeholders(it[key] as string), `${language}.${key} placeholders`);
    }
  }
});

test("site.language picks the words, the taxonomies' words and bases, and the dossiers' defaults", () => {
  const en = resolveOptions({ site: { ...site, language: "en" } });
  assert.is(en.words.olderPosts, "Older posts");
  assert.equal(en.taxonomies.map((t) => `${t.key}:/${t.base}/ ${t.heading}`), [
    "area:/area/ {name}", "section:/section/ Section “{name}”", "tag:/tag/ Posts tagged “{name}”", "author:/author/ Author: {name}",
  ]);
  assert.equal(en.dossiers && [en.dossiers.folder, en.dossiers.base, en.dossiers.title], ["dossiers", "dossiers", "Dossiers"]);
  assert.equal(en.notices, []);
  const it = resolveOptions({ site });
  assert.is(it.words.olderPosts, "Articoli meno recenti");
  assert.equal(it.dossiers && it.dossiers.base, "il-punto");
  // A site's own words win over the language's.
  assert.is(resolveOptions({ site: { ...site, language: "en" }, words: { olderPosts: "Earlier" } }).words.olderPosts, "Earlier");
});

test("an unknown language falls back to English words with one notice naming the fix", () => {
  const fr = resolveOptions({ site: { ...site, language: "fr-FR" } });
  assert.is(fr.words.readMore, "Read more >");
  assert.is(fr.language.tag, "fr-FR", "lang stays the site's: its articles are in French");
  assert.is(fr.notices.length, 1);
  assert.match(fr.notices[0] ?? "", /site\.language "fr-FR": .*English.*`words` option/);
});

test("the time zone is UTC unless the site says otherwise; a bad zone or language is an error naming the option", () => {
  assert.is(resolveOptions({ site }).site.timeZone, "UTC");
  assert.is(resolveOptions({ site: { ...site, timeZone: "Europe/Rome" } }).site.timeZone, "Europe/Rome");
  assert.throws(() => resolveOptions({ site: { ...site, timeZone: "Europe/Roma" } }), /site\.timeZone: an IANA time zone/);
  assert.throws(() => resolveOptions({ site: { ...site, language: "italiano" } }), /site\.language: a language tag/);
});

test("dates in the site's language: 29 marzo 2018, 29 March 2018", () => {
  const date = new Date("2018-03-29T10:00:00Z");
  assert.is(formatLongDate(date, "UTC", false, "it"), "29 marzo 2018");
  assert.is(formatLongDate(date, "UTC", true, "it"), "29 Marzo 2018");
  assert.is(formatLongDate(date, "UTC", false, "en"), "29 March 2018");
  // Just before midnight UTC is already the next day in Rome.
  assert.is(formatLongDate(new Date("2018-03-29T23:30:00Z"), "Europe/Rome", false, "en"), "30 March 2018");
});

test("a theme part of another name is refused, with the right name", () => {
  assert.throws(() => resolveOptions({ site, theme: { cards: () => "" } }), /theme\.cards: there is no theme part "cards"\. Did you mean card\?/);
  assert.throws(() => resolveOptions({ site, theme: { card: "not a function" } }), /theme\.card: a function/);
});

test.run();
