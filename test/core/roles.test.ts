import { test } from "uvu";
import * as assert from "uvu/assert";
import { optionProblems as problems } from "../helpers/option-problems.ts";
import { resolveOptions, type ResolvedOptions } from "../../src/core/options.ts";

const site = { title: "Sito", url: "https://s.example/" };

/** Each role as the taxonomy keys it resolved to. */
function roleKeys(o: ResolvedOptions) {
  const { byline, label, categories, article, footer, related } = o.roles;
  return {
    byline: byline?.key ?? null,
    label: label?.key ?? null,
    categories: categories.map((t) => t.key),
    article: article.map((t) => t.key),
    footer: footer.map((t) => t.key),
    related: related.map((t) => t.key),
  };
}

const own = [
  { key: "rubrica", field: "rubrica", base: "rubrica" },
  { key: "argomento", field: "argomenti", base: "argomento" },
  { key: "firme", field: "firme", base: "firme" },
];

test("defaults: Welforum's roles, and only the area is `primary`", () => {
  const o = resolveOptions({ site });
  assert.equal(roleKeys(o), {
    byline: "author",
    label: "area",
    categories: ["area", "section", "tag"],
    article: ["section", "tag"],
    footer: ["section"],
    related: ["tag", "area"],
  });
  assert.equal(o.taxonomies.filter((t) => t.primary).map((t) => t.key), ["area"]);
  // The roles are the resolved taxonomies themselves, not copies.
  assert.ok(o.roles.byline === o.taxonomies.find((t) => t.key === "author"));
});

test("defaults hold in English too (the taxonomies' words change, not their roles)", () => {
  const o = resolveOptions({ site: { ...site, language: "en" } });
  assert.equal(roleKeys(o).related, ["tag", "area"]);
  assert.is(o.roles.byline?.base, "author");
  assert.is(o.roles.label?.indexTitle, "Topics");
});

test("a site's own taxonomies without roles get derivedRoles: the primary one labels, the others are listed, no byline", () => {
  const o = resolveOptions({ site, taxonomies: [own[0], { ...own[1], primary: true }, own[2]] });
  assert.equal(roleKeys(o), {
    byline: null,
    label: "argomento",
    categories: ["rubrica", "argomento", "firme"],
    article: ["rubrica", "firme"],
    footer: [],
    related: ["rubrica", "argomento"],
  });
  assert.equal(o.taxonomies.filter((t) => t.primary).map((t) => t.key), ["argomento"]);
});

test("derivedRoles with no primary taxonomy: no label, the first taxonomy alone scores related articles", () => {
  const o = resolveOptions({ site, taxonomies: own });
  assert.equal(roleKeys(o), {
    byline: null,
    label: null,
    categories: ["rubrica", "argomento", "firme"],
    article: ["rubrica", "argomento", "firme"],
    footer: [],
    related: ["rubrica"],
  });
  assert.equal(o.taxonomies.filter((t) => t.primary), []);
});

test("naming only the byline and the label: the other roles are derived around them", () => {
  // argomento is marked primary, but the site names rubrica as its label; firme, the byline, is no category and no article term.
  const o = resolveOptions({ site, taxonomies: [{ ...own[1], primary: true }, own[0], own[2]], roles: { byline: "firme", label: "rubrica" } });
  assert.equal(roleKeys(o), {
    byline: "firme",
    label: "rubrica",
    categories: ["argomento", "rubrica"],
    article: ["argomento"],
    footer: [],
    related: ["argomento", "rubrica"],
  });
  assert.equal(o.taxonomies.filter((t) => t.primary).map((t) => t.key), ["rubrica"]);
});

test("a site's own taxonomies with `label: null`: nothing labels, even the one marked primary", () => {
  const o = resolveOptions({ site, taxonomies: [{ ...own[0], primary: true }, own[1]], roles: { label: null } });
  assert.equal(roleKeys(o), { byline: null, label: null, categories: ["rubrica", "argomento"], article: ["rubrica", "argomento"], footer: [], related: ["rubrica"] });
  assert.equal(o.taxonomies.filter((t) => t.primary), []);
});

test("a role named explicitly wins over the derived one, even where it repeats the byline", () => {
  const o = resolveOptions({ site, taxonomies: own, roles: { byline: "firme", categories: ["firme"] } });
  assert.equal(roleKeys(o).categories, ["firme"]);
  assert.equal(roleKeys(o).article, ["rubrica", "argomento"]);
});

test("the roles fixture's options: every role as written", () => {
  const o = resolveOptions({
    site,
    taxonomies: own,
    roles: { byline: "firme", label: "rubrica", categories: ["rubrica", "argomento"], article: ["argomento"], footer: ["rubrica"], related: ["argomento", "rubrica"] },
  });
  assert.equal(roleKeys(o), {
    byline: "firme",
    label: "rubrica",
    categories: ["rubrica", "argomento"],
    article: ["argomento"],
    footer: ["rubrica"],
    related: ["argomento", "rubrica"],
  });
});

test("null turns a role off: no byline, no label", () => {
  const o = resolveOptions({ site, roles: { byline: null, label: null } });
  assert.is(o.roles.byline, undefined);
  assert.is(o.roles.label, undefined);
  assert.equal(o.taxonomies.filter((t) => t.primary), []);
  assert.equal(roleKeys(o).footer, ["section"]);
});

test("roles.byline naming no taxonomy: one line naming `roles.byline`, with the nearest key", () => {
  assert.equal(problems({ site, roles: { byline: "autori" } }), [
    'editoriale options → roles.byline: there is no taxonomy "autori". Did you mean author? Fix: correct `roles.byline` where the plugin is added (eleventyConfig.addPlugin(editoriale, {…}))',
  ]);
  assert.equal(problems({ site, taxonomies: own, roles: { byline: "firma" } }), [
    'editoriale options → roles.byline: there is no taxonomy "firma". Did you mean firme? Fix: correct `roles.byline` where the plugin is added (eleventyConfig.addPlugin(editoriale, {…}))',
  ]);
});

test("a role naming nothing near: the taxonomies are listed instead of a guess; every bad role in one run", () => {
  assert.equal(problems({ site, taxonomies: own, roles: { byline: "autori", footer: ["rubrica", "sezione"], related: ["tag"] } }), [
    'editoriale options → roles.byline: there is no taxonomy "autori" (taxonomies: rubrica, argomento, firme). Fix: correct `roles.byline` where the plugin is added (eleventyConfig.addPlugin(editoriale, {…}))',
    'editoriale options → roles.footer: there is no taxonomy "sezione" (taxonomies: rubrica, argomento, firme). Fix: correct `roles.footer` where the plugin is added (eleventyConfig.addPlugin(editoriale, {…}))',
    'editoriale options → roles.related: there is no taxonomy "tag" (taxonomies: rubrica, argomento, firme). Fix: correct `roles.related` where the plugin is added (eleventyConfig.addPlugin(editoriale, {…}))',
  ]);
});

test("related takes at most two taxonomies: three is an error naming `roles.related`", () => {
  assert.equal(problems({ site, roles: { related: ["tag", "area", "section"] } }), [
    "editoriale options → roles.related: at most two taxonomies: the first scores, the second breaks ties. Fix: correct `roles.related` where the plugin is added (eleventyConfig.addPlugin(editoriale, {…}))",
  ]);
  // Boundaries: none and one are fine.
  assert.equal(roleKeys(resolveOptions({ site, roles: { related: [] } })).related, []);
  assert.equal(roleKeys(resolveOptions({ site, roles: { related: ["area"] } })).related, ["area"]);
});

test("an unknown role is refused: the nearest name for a typo, the valid roles otherwise", () => {
  assert.equal(problems({ site, roles: { bylines: "author" } }), [
    "editoriale options → roles.bylines: unknown option. Did you mean byline? Fix: rename it to `byline`, or remove it",
  ]);
  assert.equal(problems({ site, roles: { author: "author" } }), [
    "editoriale options → roles.author: unknown option. Valid options in roles: byline, label, categories, article, footer, related. Fix: remove it, or correct its name",
  ]);
});

test.run();
