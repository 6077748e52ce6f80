import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { defaultRoles } from "../../src/core/default-options.ts";
import { defaultTaxonomies } from "../../src/core/options.ts";
import { importWxr, type ImportReport } from "../../src/import/index.ts";
import { mapTargets, taxonomyTable } from "../../src/import/taxonomy-map.ts";
import { buildImported } from "./helpers/build-imported.ts";
import { runCli } from "./helpers/cli.ts";
import { fixture, listFiles, readMarkdown, tempDir } from "./helpers/tree.ts";

/**
 * Issue 14, point 4: the importer's taxonomy table comes from the options of
 * the site it writes into (its _data), not from keys of its own. A site that
 * calls its tags `argomento` (field `argomenti`) and its authors `firme`
 * gets those fields and archives; a site that says nothing gets Welforum's.
 */

const SITE = { title: "Osservatorio welfare", url: "https://osservatorio.example.org", language: "it-IT", timeZone: "Europe/Rome" };
const OWN_TAXONOMIES = {
  taxonomies: [
    { key: "argomento", field: "argomenti", base: "argomento", heading: "Argomento: {name}", wordpress: ["post_tag"] },
    { key: "firme", field: "firme", base: "firme", heading: "Firma: {name}", wordpress: ["author"] },
  ],
  roles: { byline: "firme" },
};

async function siteWith(label: string, editoriale: unknown): Promise<{ dir: string; data: string }> {
  const dir = await tempDir(label);
  const data = join(dir, "_data");
  await mkdir(data, { recursive: true });
  await writeFile(join(data, "site.json"), JSON.stringify(SITE));
  await writeFile(join(data, "editoriale.json"), JSON.stringify(editoriale));
  return { dir, data };
}

const frontMatterOf = (text: string): string => text.slice(0, text.indexOf("\n---\n", 4) + 5);

test("the table from the default options: Welforum's domains, authors to the byline's taxonomy, --map keys in the report's order", () => {
  const byKey = (key: string) => defaultTaxonomies.find((t) => t.key === key);
  const table = taxonomyTable(defaultTaxonomies, { byline: byKey(defaultRoles.byline ?? "") });
  assert.equal(
    Object.fromEntries([...table.byDomain].map(([domain, t]) => [domain, t?.key ?? null])),
    {
      post_format: null, nav_menu: null, link_category: null, wp_theme: null, wp_template_part_area: null, wp_pattern_category: null,
      area: "area", aree: "area", category: "section", sezione: "section", sezioni: "section", section: "section", post_tag: "tag",
    },
  );
  assert.is(table.authors?.field, "authors");
  assert.equal(table.placing.map((t) => t.field), ["area", "section"]);
  assert.equal(table.keywords.map((t) => t.field), ["tags"]);
  assert.is(mapTargets(table), "tag|area|section");
  // A byline role without `wordpress: ["author"]` still receives the authors; `--map author=` drops them.
  const bare = defaultTaxonomies.map((t) => ({ ...t, wordpress: t.wordpress.filter((d) => d !== "author") }));
  assert.is(taxonomyTable(bare, { byline: bare[3] }).authors?.key, "author");
  assert.is(taxonomyTable(defaultTaxonomies, { byline: undefined }, { author: null }).authors, undefined);
  assert.is(taxonomyTable(defaultTaxonomies, { byline: undefined }, { rubrica: "tag", category: null }).byDomain.get("rubrica")?.key, "tag");
  assert.throws(
    () => taxonomyTable(defaultTaxonomies, { byline: undefined }, { rubrica: "tags" }),
    (error: Error) =>
      error.message ===
      '--map rubrica=tags: the site has no taxonomy "tags" (its taxonomies: area, section, tag, author). Did you mean tag? ' +
        "Fix: --map rubrica=KEY with one of them, --map rubrica= to drop it, or declare the taxonomy in the site's editoriale.json",
  );
});

test("default options (no editoriale.json): the fields, their order and terms.json are what the importer always wrote, byte for byte", async () => {
  const dir = await tempDir("defaults");
  await importWxr({ file: fixture("welforum-sample.xml"), out: join(dir, "content"), data: join(dir, "_data"), timeZone: "Europe/Rome" });
  const lecco = await readFile(join(dir, "content/2018/lecco-una-storia-di-coprogettazione.md"), "utf8");
  assert.is(
    frontMatterOf(lecco),
    [
      "---",
      'title: "Lecco. Una storia di coprogettazione"',
      "date: 2018-03-29T11:30:00+02:00",
      'slug: "lecco-una-storia-di-coprogettazione"',
      'authors: ["Fabio Smareglia"]',
      'area: "Terzo settore"',
      'section: "Esperienze"',
      'dossier: "coprogettazione-e-non-solo"',
      "order: 2",
      'tags: ["Comuni", "Coprogettazione", "Lecco"]',
      "wp_id: 202",
      "---",
      "",
    ].join("\n"),
  );
  assert.is(
    await readFile(join(dir, "_data/terms.json"), "utf8"),
    `{
  "tag": {
    "Comuni": { "description": "Politiche e servizi dei Comuni." },
    "Povertà": { "slug": "povertà" },
    "Terzo settore": { "slug": "terzo-settore-2" }
  },
  "area": {
    "Terzo settore": { "description": "Enti, reti e politiche del Terzo settore." }
  },
  "section": {
    "Esperienze": { "description": "Pratiche e progetti dai territori." },
    "Punti di vista": { "slug": "opinioni", "description": "Commenti e analisi." }
  }
}
`,
  );
});

test("a site with taxonomies argomento and firme: argomenti and firme in the front matter, /argomento/ in the redirects; its build has the archives and bylines", async () => {
  const { dir, data } = await siteWith("own", OWN_TAXONOMIES);
  const report: ImportReport = await importWxr({ file: fixture("welforum-sample.xml"), out: join(dir, "content"), data, timeZone: "Europe/Rome" });
  const lecco = await readFile(join(dir, "content/2018/lecco-una-storia-di-coprogettazione.md"), "utf8");
  assert.is(
    frontMatterOf(lecco),
    [
      "---",
      'title: "Lecco. Una storia di coprogettazione"',
      "date: 2018-03-29T11:30:00+02:00",
      'slug: "lecco-una-storia-di-coprogettazione"',
      'firme: ["Fabio Smareglia"]',
      'dossier: "coprogettazione-e-non-solo"',
      "order: 2",
      'argomenti: ["Comuni", "Coprogettazione", "Lecco"]',
      "wp_id: 202",
      "---",
      "",
    ].join("\n"),
  );
  const files = (await listFiles(join(dir, "content"))).filter((file) => file.endsWith(".md"));
  const fields = new Map<string, string[]>();
  for (const file of files) fields.set(file, Object.keys((await readMarkdown(join(dir, "content", file))).data));
  for (const [file, keys] of fields) {
    for (const key of ["tags", "authors", "area", "section"]) assert.not.ok(keys.includes(key), `${file} has ${key}:`);
  }
  // Every article has its byline; pages and the dossier have none. Five of the six articles have WordPress tags.
  assert.equal([...fields].filter(([, keys]) => keys.includes("firme")).map(([file]) => file), [
    "2018/anziani-non-autosufficienti-la-riforma.md",
    "2018/comune-di-bra-terzo-settore-e-politiche-di-contrasto-alla-poverta.md",
    "2018/larticolo-55-del-codice-del-terzo-settore-come-opportunita.md",
    "2018/lecco-una-storia-di-coprogettazione.md",
    "2018/povertà-educativa-i-dati-2018.md",
    "2018/salute-benessere-nei-comuni.md",
  ]);
  assert.equal([...fields].filter(([, keys]) => keys.includes("argomenti")).map(([file]) => file), [
    "2018/comune-di-bra-terzo-settore-e-politiche-di-contrasto-alla-poverta.md",
    "2018/larticolo-55-del-codice-del-terzo-settore-come-opportunita.md",
    "2018/lecco-una-storia-di-coprogettazione.md",
    "2018/povertà-educativa-i-dati-2018.md",
    "2018/salute-benessere-nei-comuni.md",
  ]);
  assert.is(
    await readFile(join(data, "terms.json"), "utf8"),
    `{
  "argomento": {
    "Comuni": { "description": "Politiche e servizi dei Comuni." },
    "Povertà": { "slug": "povertà" },
    "Terzo settore": { "slug": "terzo-settore-2" }
  }
}
`,
  );
  assert.equal(report.terms, { argomento: 6 });
  assert.equal(report.redirects, [
    "/tag/*  /argomento/:splat  301",
    "/author/eranci/*  /firme/emanuele-ranci-ortigosa/:splat  301",
    "/author/fsmareglia/*  /firme/fabio-smareglia/:splat  301",
    "/author/redazione/*  /firme/redazione-welforum/:splat  301",
  ]);
  // WordPress taxonomies no taxonomy of this site takes are reported, with the --map that would keep them.
  assert.equal(report.warnings.filter((w) => w.startsWith("taxonomy ")), [
    'taxonomy "sezione" (2 terms on 4 posts) is not mapped and was left out; map it with --map sezione=argomento',
    'taxonomy "area" (3 terms on 6 posts) is not mapped and was left out; map it with --map area=argomento',
    'taxonomy "category" (1 term on 1 post) is not mapped and was left out; map it with --map category=argomento',
    'taxonomy "rubrica" (1 term on 1 post) is not mapped and was left out; map it with --map rubrica=argomento',
  ]);

  const site = buildImported(dir, data);
  const page = async (path: string) => parse(await readFile(join(site, path, "index.html"), "utf8"));
  const comuni = await page("argomento/comuni");
  assert.is(comuni.querySelector("h1")?.text, "Argomento: Comuni");
  assert.equal(comuni.querySelectorAll(".card__title a").map((a) => a.getAttribute("href")), [
    "/salute-benessere-nei-comuni/",
    "/il-punto/coprogettazione-e-non-solo/comune-di-bra-terzo-settore-e-politiche-di-contrasto-alla-poverta/",
    "/il-punto/coprogettazione-e-non-solo/lecco-una-storia-di-coprogettazione/",
    "/povertà-educativa-i-dati-2018/",
  ]);
  assert.not.ok(existsSync(join(site, "tag")), "no /tag/ archive in a site without a tag taxonomy");
  const byline = (await page("il-punto/coprogettazione-e-non-solo/lecco-una-storia-di-coprogettazione")).querySelectorAll("main .byline a");
  assert.equal(byline.map((a) => [a.text, a.getAttribute("href")]), [["Fabio Smareglia", "/firme/fabio-smareglia/"]]);
  assert.is((await page("firme/fabio-smareglia")).querySelector("h1")?.text, "Firma: Fabio Smareglia");
});

test("--map over the site's table: a WordPress taxonomy into one of the site's, `author=` drops the bylines", async () => {
  const { dir, data } = await siteWith("own-map", OWN_TAXONOMIES);
  const report = await importWxr({
    file: fixture("welforum-sample.xml"), out: join(dir, "content"), data, timeZone: "Europe/Rome",
    taxonomyMap: { area: "argomento", author: null },
  });
  // A post whose only WordPress term is an area: still a list, argomento being the site's taxonomy of WordPress tags.
  const { text } = await readMarkdown(join(dir, "content/2018/povertà-educativa-i-dati-2018.md"));
  assert.ok(text.includes('\nargomenti: ["Povertà e disuguaglianze", "Comuni", "Povertà"]\n'), text);
  for (const file of (await listFiles(join(dir, "content"))).filter((f) => f.endsWith(".md"))) {
    assert.not.ok("firme" in (await readMarkdown(join(dir, "content", file))).data, file);
  }
  // "Terzo settore" is now both an area (terzo-settore) and a tag (terzo-settore-2) of one taxonomy: the first slug is kept.
  assert.equal(report.redirects, [
    "/tag/terzo-settore-2/*  /argomento/terzo-settore/:splat  301",
    "/tag/*  /argomento/:splat  301",
    "/area/*  /argomento/:splat  301",
  ]);
  assert.not.ok(report.warnings.some((w) => w.startsWith('taxonomy "area"')), report.warnings.join("\n"));
});

test("--taxonomy is --map under the options' name", async () => {
  const { dir, data } = await siteWith("own-cli-map", OWN_TAXONOMIES);
  const run = runCli([fixture("welforum-sample.xml"), "--out", join(dir, "content"), "--data", data, "--taxonomy", "rubrica=argomento"]);
  assert.is(run.status, 0, run.stderr);
  assert.not.match(run.stdout, /taxonomy "rubrica"/);
  assert.equal((await readMarkdown(join(dir, "content/2018/anziani-non-autosufficienti-la-riforma.md"))).data["argomenti"], ["Il Punto di Welforum"]);
});

test("--map naming a taxonomy the site does not have: exit 1, one line naming the site's taxonomies, nothing written", async () => {
  const { dir, data } = await siteWith("own-bad-map", OWN_TAXONOMIES);
  const run = runCli([fixture("welforum-sample.xml"), "--out", join(dir, "content"), "--data", data, "--map", "rubrica=tag"]);
  assert.is(run.status, 1);
  assert.is(run.stdout, "");
  assert.is(
    run.stderr,
    'import: --map rubrica=tag: the site has no taxonomy "tag" (its taxonomies: argomento, firme). ' +
      "Fix: --map rubrica=KEY with one of them, --map rubrica= to drop it, or declare the taxonomy in the site's editoriale.json\n",
  );
  assert.equal(await listFiles(dir), ["_data/editoriale.json", "_data/site.json"]);
});

test("an editoriale.json its build would refuse stops the import before anything is written, with the build's own line", async () => {
  const { dir, data } = await siteWith("own-bad-options", { ...OWN_TAXONOMIES, roles: { byline: "firma" } });
  const run = runCli([fixture("welforum-sample.xml"), "--out", join(dir, "content"), "--data", data]);
  assert.is(run.status, 1);
  assert.is(run.stdout, "");
  const lines = run.stderr.split("\n");
  assert.is(lines[0], `import: ${data}: the site's data is not valid, so its taxonomies are unknown; nothing was imported:`);
  assert.match(lines[1] ?? "", /^ {2}editoriale options → roles\.byline: there is no taxonomy "firma"\. Did you mean firme\? Fix: /);
  assert.is(lines.length, 3, run.stderr);
  assert.equal(await listFiles(dir), ["_data/editoriale.json", "_data/site.json"]);
});

test("a new site from an English export gets the English defaults: the same fields, English archive bases in the redirects", async () => {
  const dir = await tempDir("english");
  const file = join(dir, "english.xml");
  const xml = await readFile(fixture("welforum-sample.xml"), "utf8");
  assert.ok(xml.includes("<language>it-IT</language>"));
  await writeFile(file, xml.replace("<language>it-IT</language>", "<language>en-GB</language>"));
  const report = await importWxr({ file, out: join(dir, "content"), data: join(dir, "_data"), timeZone: "Europe/London" });
  assert.equal(report.redirects, [
    "/sezione/*  /section/:splat  301",
    "/category/*  /section/:splat  301",
    "/author/eranci/*  /author/emanuele-ranci-ortigosa/:splat  301",
    "/author/fsmareglia/*  /author/fabio-smareglia/:splat  301",
    "/author/redazione/*  /author/redazione-welforum/:splat  301",
  ]);
  const { data } = await readMarkdown(join(dir, "content/2018/lecco-una-storia-di-coprogettazione.md"));
  assert.equal(Object.keys(data), ["title", "date", "slug", "authors", "area", "section", "dossier", "order", "tags", "aliases", "wp_id"]);
  // The English defaults keep dossiers in dossiers/ at /dossiers/<slug>/ (the old address redirects); WordPress's /il-punto/ page is then an ordinary page.
  assert.equal(data["aliases"], ["/il-punto/coprogettazione-e-non-solo/lecco-una-storia-di-coprogettazione/"]);
  const files = await listFiles(join(dir, "content"));
  assert.ok(files.includes("dossiers/coprogettazione-e-non-solo.md") && files.includes("pagine/il-punto.md"), files.join("\n"));
  assert.not.ok(files.some((file) => file.startsWith("il-punto/")), files.join("\n"));
  const site = buildImported(dir, join(dir, "_data"));
  assert.ok(existsSync(join(site, "dossiers/coprogettazione-e-non-solo/lecco-una-storia-di-coprogettazione/index.html")));
  assert.ok(existsSync(join(site, "section/esperienze/index.html")) && existsSync(join(site, "author/fabio-smareglia/index.html")));
});

test("a site without dossiers (`dossiers: false`): the page with child posts is a page, its parts an article and a sub-page", async () => {
  const { dir, data } = await siteWith("no-dossiers", { dossiers: false });
  const report = await importWxr({ file: fixture("welforum-sample.xml"), out: join(dir, "content"), data, timeZone: "Europe/Rome" });
  const files = await listFiles(join(dir, "content"));
  assert.equal(files.filter((file) => file.startsWith("pagine/")), [
    "pagine/chi-siamo.md",
    "pagine/chi-siamo/redazione.md",
    "pagine/il-punto.md",
    "pagine/il-punto/coprogettazione-e-non-solo.md",
    "pagine/il-punto/coprogettazione-e-non-solo/lecco-una-storia-di-coprogettazione.md",
  ]);
  assert.not.ok(files.some((file) => file.startsWith("il-punto/")), files.join("\n"));
  assert.not.ok("dossier" in (await readMarkdown(join(dir, "content/2018/comune-di-bra-terzo-settore-e-politiche-di-contrasto-alla-poverta.md"))).data);
  assert.equal(report.written, { articles: 5, dossiers: 0, pages: 5, drafts: 0 });
  assert.ok(report.warnings.includes("2018/comune-di-bra-terzo-settore-e-politiche-di-contrasto-alla-poverta.md: child of item 201, which is not a dossier; imported as an ordinary article"), report.warnings.join("\n"));
});

test.run();
