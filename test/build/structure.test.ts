import { test } from "uvu";
import * as assert from "uvu/assert";
import { allFiles, buildFixture, feed, page, text } from "../helpers/build.ts";

// test/fixtures/small: 3 articles (2 in dossier "dossier-uno"), 2 areas, 2 sections, 2 tags, 2 authors.
const build = buildFixture("small");
/** Files other features add beside the archives (assets, redirects, search index). */
const isExtra = (f: string) => /^(assets|pagefind|cerca)\//.test(f) || f === "_redirects";

test("the exact set of files written, and nothing else", () => {
  assert.is(build.status, 0, build.output);
  const archive = (u: string) => [`${u}feed.xml`, `${u}index.html`];
  const expected = [
    "404.html", "robots.txt", "sitemap.xml", "index.html", "feed.xml",
    "primo/index.html", "il-punto/dossier-uno/secondo/index.html", "il-punto/dossier-uno/terzo/index.html",
    "area/index.html", "sezione/index.html", "tag/index.html", "autori/index.html", "il-punto/index.html",
    ...archive("area/anziani/"), ...archive("area/poverta/"),
    ...archive("sezione/esperienze/"), ...archive("sezione/opinioni/"),
    ...archive("tag/comuni/"), ...archive("tag/lecco/"),
    ...archive("autori/carla-verdi/"), ...archive("autori/dario-neri/"),
    ...archive("il-punto/dossier-uno/"),
    ...archive("area/anziani/sezione/esperienze/"), ...archive("area/anziani/sezione/opinioni/"), ...archive("area/poverta/sezione/esperienze/"),
    ...archive("area/anziani/tag/comuni/"), ...archive("area/anziani/tag/lecco/"), ...archive("area/poverta/tag/lecco/"),
  ].sort();
  assert.equal(allFiles(build.out).filter((f) => !isExtra(f)), expected);
});

test("term data: slug override, description, author bio; unused terms get no archive", () => {
  assert.is(text(page(build.out, "/sezione/opinioni/").querySelector("h1")), "Sezione “Punti di vista”");
  assert.is(text(page(build.out, "/area/anziani/").querySelector(".archive__description")), "Politiche per la terza età.");
  assert.is(text(page(build.out, "/autori/carla-verdi/").querySelector("h1")), "Autore: Carla Verdi");
  assert.is(text(page(build.out, "/autori/carla-verdi/").querySelector(".archive__description")), "Assistente sociale a Lecco.");
  assert.not.ok(allFiles(build.out).some((f) => f.startsWith("tag/inutilizzato")));
});

test("intersection headings sit under the area's name", () => {
  const doc = page(build.out, "/area/anziani/tag/comuni/");
  assert.is(text(doc.querySelector(".kicker")), "Anziani");
  assert.is(text(doc.querySelector("h1")), "Post con tag “Comuni”");
  assert.is(doc.querySelectorAll(".archive__list .card").length, 2);
  const section = page(build.out, "/area/anziani/sezione/opinioni/");
  assert.is(text(section.querySelector("h1")), "Post nella sezione “Punti di vista”");
  assert.is(feed(build.out, "area/anziani/tag/comuni/feed.xml").items.length, 2);
});

test("breadcrumbs of an area article and of a dossier article", () => {
  const crumbs = (url: string) => page(build.out, url).querySelectorAll("nav.breadcrumbs li").map(text);
  assert.equal(crumbs("/primo/"), ["Home", "Anziani", "Il primo articolo"]);
  assert.equal(crumbs("/il-punto/dossier-uno/secondo/"), ["Home", "Il Punto di Welforum", "Dossier uno", "Il secondo articolo"]);
});

test("dossier: parts in the editor's order, part box with previous/next", () => {
  const dossier = page(build.out, "/il-punto/dossier-uno/");
  assert.is(text(dossier.querySelector("h1")), "Dossier uno");
  assert.is(text(dossier.querySelector(".dossier__curators")), "A cura di Carla Verdi");
  assert.equal(dossier.querySelectorAll(".archive__list .card__title").map(text), ["Il terzo articolo", "Il secondo articolo"]);
  const first = page(build.out, "/il-punto/dossier-uno/terzo/");
  assert.is(text(first.querySelector(".dossier-box__position")), "Parte 1 di 2");
  assert.is(first.querySelector('.dossier-box__nav a[rel="next"]')?.getAttribute("href"), "/il-punto/dossier-uno/secondo/");
  assert.is(first.querySelector('.dossier-box__nav a[rel="prev"]'), null);
  const second = page(build.out, "/il-punto/dossier-uno/secondo/");
  assert.is(second.querySelector('.dossier-box__nav a[rel="prev"]')?.getAttribute("href"), "/il-punto/dossier-uno/terzo/");
  assert.is(feed(build.out, "il-punto/dossier-uno/feed.xml").items.length, 2);
});

test("related articles: shared tags first, never the article itself", () => {
  const related = page(build.out, "/il-punto/dossier-uno/secondo/").querySelectorAll(".related .card__title").map(text);
  // primo shares tag Comuni and area Anziani; terzo shares only tag Lecco.
  assert.equal(related, ["Il primo articolo", "Il terzo articolo"]);
  const forFirst = page(build.out, "/primo/").querySelectorAll(".related .card__title").map(text);
  assert.equal(forFirst, ["Il secondo articolo"]);
});

test("index pages list terms with counts", () => {
  const tags = page(build.out, "/tag/").querySelectorAll(".term-index__list li").map(text);
  assert.equal(tags, ["Comuni 2 articoli", "Lecco 2 articoli"]);
  const dossiers = page(build.out, "/il-punto/").querySelectorAll(".term-index__list li a").map(text);
  assert.equal(dossiers, ["Dossier uno"]);
});

test("home: latest articles, the latest dossier and the areas", () => {
  const home = page(build.out, "/");
  assert.equal(home.querySelectorAll(".archive__list .card__title").map(text), ["Il terzo articolo", "Il secondo articolo", "Il primo articolo"]);
  assert.is(text(home.querySelector(".home-extras__dossier h3")), "Dossier uno");
  assert.equal(home.querySelectorAll(".home-extras__areas li a").map(text), ["Anziani", "Povertà"]);
});

test.run();
