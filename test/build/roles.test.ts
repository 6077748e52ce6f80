import { test } from "uvu";
import * as assert from "uvu/assert";
import type { HTMLElement } from "node-html-parser";
import { allFiles, buildFixture, feed, page, readOutput, text } from "../helpers/build.ts";

/*
 * test/fixtures/roles names its own taxonomies and gives them roles in _data/editoriale.json:
 * `rubrica` is the label, `argomento` (Welforum's tag, renamed) the article's terms and the related articles' score,
 * `firme` the byline. Nothing of Welforum's `area`, `section`, `tag` or `author` may show anywhere.
 */
const build = buildFixture("roles");
const SITE = "https://cronache.example";

const RUBRICA: Record<string, string> = { Analisi: "/rubrica/analisi/", Esperienze: "/rubrica/esperienze/", "Punti di vista": "/rubrica/opinioni/" };
const ARGOMENTO: Record<string, string> = { Povertà: "/argomento/poverta/", Comuni: "/argomento/comuni/", Coprogettazione: "/argomento/coprogettazione/", Anziani: "/argomento/anziani/" };
const FIRME: Record<string, string> = { "Laura Bianchi": "/firme/laura-bianchi/", "Marco Rossi": "/firme/marco-rossi/", "Chiara Neri": "/firme/chiara-neri/" };

interface Expected {
  url: string;
  date: string;
  rubrica: string;
  argomenti: string[];
  firme: string[];
}

/** The fixture's articles, newest first, as their front matter says. */
const ARTICLES: Record<string, Expected> = {
  piccoli: { url: "/il-volontariato-nei-piccoli-comuni/", date: "25 marzo 2024", rubrica: "Punti di vista", argomenti: ["Comuni"], firme: ["Marco Rossi"] },
  riforma: { url: "/non-autosufficienza-che-cosa-prevede-la-riforma/", date: "20 marzo 2024", rubrica: "Analisi", argomenti: ["Anziani", "Povertà"], firme: ["Chiara Neri"] },
  case: { url: "/case-di-comunita-e-servizi-per-gli-anziani/", date: "15 marzo 2024", rubrica: "Esperienze", argomenti: ["Anziani"], firme: ["Chiara Neri"] },
  bergamo: { url: "/coprogettazione-a-bergamo-un-anno-dopo/", date: "10 marzo 2024", rubrica: "Esperienze", argomenti: ["Comuni", "Coprogettazione"], firme: ["Laura Bianchi", "Marco Rossi"] },
  assegno: { url: "/assegno-di-inclusione-i-primi-dati/", date: "5 marzo 2024", rubrica: "Analisi", argomenti: ["Povertà"], firme: ["Marco Rossi"] },
  reddito: { url: "/il-sostegno-al-reddito-visto-dai-comuni/", date: "1 marzo 2024", rubrica: "Analisi", argomenti: ["Povertà", "Comuni"], firme: ["Laura Bianchi"] },
  educativa: { url: "/poverta-educativa-il-ruolo-dei-comuni/", date: "10 febbraio 2024", rubrica: "Punti di vista", argomenti: ["Povertà", "Comuni"], firme: ["Laura Bianchi"] },
};
const byUrl = new Map(Object.values(ARTICLES).map((a) => [a.url, a]));
const urlOf = (name: keyof typeof ARTICLES): string => (ARTICLES[name] as Expected).url;

const links = (root: HTMLElement | null | undefined, selector: string): string[] =>
  (root?.querySelectorAll(selector) ?? []).map((a) => `${text(a)} ${a.getAttribute("href") ?? "(no href)"}`);

test("the build succeeds and writes the roles' taxonomies under their own bases", () => {
  assert.is(build.status, 0, build.output);
  const top = [...new Set(allFiles(build.out).map((f) => f.split("/")[0]))].sort();
  assert.equal(top, [
    "404.html", "_redirects", "argomento", "assegno-di-inclusione-i-primi-dati", "assets", "case-di-comunita-e-servizi-per-gli-anziani",
    "cerca", "coprogettazione-a-bergamo-un-anno-dopo", "feed.xml", "firme", "il-sostegno-al-reddito-visto-dai-comuni",
    "il-volontariato-nei-piccoli-comuni", "index.html", "non-autosufficienza-che-cosa-prevede-la-riforma", "pagefind",
    "poverta-educativa-il-ruolo-dei-comuni", "robots.txt", "rubrica", "sitemap.xml",
  ]);
});

test("no folder and no link of Welforum's default taxonomies (tag, autori, area, sezione) anywhere in the output", () => {
  const files = allFiles(build.out);
  const defaultBases = /(^|\/)(tag|autori|area|sezione)(\/|$)/;
  assert.equal(files.filter((f) => defaultBases.test(f)), []);
  const texts = files.filter((f) => /\.(html|xml)$/.test(f) || f === "_redirects");
  // 31 pages (7 articles, home, 404, /cerca/, 3 indexes — none for dossiers, there are none —, 10 term archives, 8 intersections), 19 feeds, the sitemap, _redirects.
  assert.is(texts.length, 52);
  const offending = texts.filter((f) => /(["'\s]|cronache\.example)\/(tag|autori|area|sezione)\//.test(readOutput(build.out, f)));
  assert.equal(offending, []);
});

test("bylines are the firme: linked to /firme/<slug>/ on the article, plain on cards", () => {
  for (const a of Object.values(ARTICLES)) {
    const article = page(build.out, a.url);
    const byline = article.querySelector(".article__meta .byline");
    assert.equal(links(byline, "a"), a.firme.map((n) => `${n} ${FIRME[n]}`), a.url);
    assert.is(text(byline), `${a.firme.join(", ")} | ${a.date}`, a.url);
  }
  const home = page(build.out, "/");
  const cards = home.querySelectorAll(".archive__list .card");
  assert.is(cards.length, 7);
  for (const card of cards) {
    const a = byUrl.get(card.querySelector(".card__title a")?.getAttribute("href") ?? "");
    assert.ok(a, text(card));
    assert.is(text(card.querySelector(".byline")), `${a.firme.join(", ")} | ${a.date}`);
    assert.equal(links(card.querySelector(".byline"), "a"), [], "a card's byline links nothing");
  }
});

test("the label is the rubrica: card label, the article's kicker, breadcrumb and header navigation", () => {
  const cards = page(build.out, "/").querySelectorAll(".archive__list .card");
  assert.equal(
    cards.map((c) => links(c, ".card__areas a")),
    Object.values(ARTICLES).map((a) => [`${a.rubrica} ${RUBRICA[a.rubrica]}`]),
  );
  for (const a of Object.values(ARTICLES)) {
    const article = page(build.out, a.url);
    assert.equal(links(article, ".article__header .kicker a"), [`${a.rubrica} ${RUBRICA[a.rubrica]}`], a.url);
    assert.equal(links(article, "nav.breadcrumbs a"), ["Home /", `${a.rubrica} ${RUBRICA[a.rubrica]}`], a.url);
    assert.equal(links(article, ".main-nav a[aria-current]"), [`${a.rubrica} ${RUBRICA[a.rubrica]}`], a.url);
  }
  const nav = links(page(build.out, "/"), ".main-nav a");
  // Most articles first: Analisi has three, the other two rubriche two each.
  assert.is(nav[0], "Analisi /rubrica/analisi/");
  assert.equal([...nav].sort(), Object.entries(RUBRICA).map(([n, u]) => `${n} ${u}`).sort());
});

test("the article's foot lists the argomenti only, as search filters", () => {
  for (const a of Object.values(ARTICLES)) {
    const article = page(build.out, a.url);
    const groups = article.querySelectorAll(".article__footer .article__terms");
    assert.equal(groups.map((g) => text(g.querySelector(".article__terms-label"))), ["Argomenti"], a.url);
    assert.equal(links(groups[0], "a"), a.argomenti.map((n) => `${n} ${ARGOMENTO[n]}`), a.url);
    // Pagefind filters: the kicker's rubrica and the listed argomenti, nothing of the byline.
    const filters = article.querySelectorAll("[data-pagefind-filter]").map((el) => `${el.getAttribute("data-pagefind-filter")}:${text(el)}`);
    assert.equal(filters, [`rubrica:${a.rubrica}`, ...a.argomenti.map((n) => `argomento:${n}`)], a.url);
  }
});

test("related articles: most shared argomenti, then a shared rubrica, then newest", () => {
  // Worked out by hand from related.ts: 1000 points per shared argomento, 1 for the shared rubrica, newest first on ties, at most 4.
  const expected: Record<keyof typeof ARTICLES, Array<keyof typeof ARTICLES>> = {
    // Povertà+Comuni with educativa (2000); Povertà and Analisi with riforma, assegno (1001); Comuni with piccoli, bergamo (1000): bergamo is the fifth.
    reddito: ["educativa", "riforma", "assegno", "piccoli"],
    // Povertà and Analisi: riforma, reddito (1001); Povertà: educativa (1000).
    assegno: ["riforma", "reddito", "educativa"],
    // Comuni: piccoli, reddito, educativa (1000, by date); Esperienze only: case (1).
    bergamo: ["piccoli", "reddito", "educativa", "case"],
    // Anziani: riforma (1000); Esperienze only: bergamo (1).
    case: ["riforma", "bergamo"],
    // Povertà and Analisi: assegno, reddito (1001); Anziani: case, Povertà: educativa (1000).
    riforma: ["assegno", "reddito", "case", "educativa"],
    // Comuni and Punti di vista: educativa (1001); Comuni: bergamo, reddito (1000).
    piccoli: ["educativa", "bergamo", "reddito"],
    // Povertà+Comuni: reddito (2000); Comuni and Punti di vista: piccoli (1001); then riforma, bergamo, assegno (1000): assegno is the fifth.
    educativa: ["reddito", "piccoli", "riforma", "bergamo"],
  };
  for (const [name, related] of Object.entries(expected)) {
    const article = page(build.out, urlOf(name));
    assert.equal(
      article.querySelectorAll("aside.related .card__title a").map((a) => a.getAttribute("href")),
      related.map(urlOf),
      name,
    );
  }
});

test("every feed: dc:creator is the firme, one <category> per rubrica and argomento, nothing else", () => {
  const feeds = allFiles(build.out).filter((f) => f.endsWith("feed.xml"));
  // Site, 3 rubriche, 4 argomenti, 3 firme, 8 rubrica × argomento.
  assert.is(feeds.length, 19);
  let items = 0;
  for (const file of feeds) {
    for (const item of feed(build.out, file).items) {
      const a = byUrl.get(String(item.link).slice(SITE.length));
      assert.ok(a, `${file}: ${String(item.link)}`);
      assert.equal(item["dc:creator"], a.firme, `${file}: ${a.url}`);
      assert.equal(item.category, [a.rubrica, ...a.argomenti], `${file}: ${a.url}`);
      items++;
    }
  }
  // 7 in the site's feed, 7 in the rubriche's, 11 in the argomenti's (4 + 4 + 1 + 2), 8 in the firme's, 11 in the intersections'.
  assert.is(items, 7 + 7 + 11 + 8 + 11);
});

test("an argomento's archive is headed and fed as the options say", () => {
  const archive = page(build.out, "/argomento/poverta/");
  assert.is(text(archive.querySelector("h1")), "Articoli su “Povertà”");
  assert.equal(
    archive.querySelectorAll(".archive__list .card__title a").map((a) => a.getAttribute("href")),
    ["riforma", "assegno", "reddito", "educativa"].map(urlOf),
  );
  const alternate = archive.querySelectorAll('link[rel="alternate"]').map((l) => `${l.getAttribute("title")} ${l.getAttribute("href")}`);
  assert.equal(alternate, ["Cronache del welfare » Feed /feed.xml", "Cronache del welfare » Povertà Feed dell’argomento /argomento/poverta/feed.xml"]);
  const povertà = feed(build.out, "argomento/poverta/feed.xml");
  assert.is(povertà.channel.title, "Cronache del welfare » Povertà Feed dell’argomento");
  assert.equal(povertà.items.map((i) => String(i.link).slice(SITE.length)), ["riforma", "assegno", "reddito", "educativa"].map(urlOf));
  const index = page(build.out, "/argomento/");
  assert.is(text(index.querySelector("h1")), "Argomenti");
  const intersection = page(build.out, "/rubrica/analisi/argomento/poverta/");
  assert.is(text(intersection.querySelector("h1")), "Articoli su “Povertà”");
  assert.equal(intersection.querySelectorAll(".archive__list .card__title a").map((a) => a.getAttribute("href")), ["riforma", "assegno", "reddito"].map(urlOf));
});

test("the footer lists the rubriche and their feeds, and no other taxonomy's terms", () => {
  const footer = page(build.out, "/").querySelector("footer.site-footer");
  const groups = footer?.querySelectorAll(".site-footer__group") ?? [];
  assert.equal(groups.map((g) => text(g.querySelector(".site-footer__heading"))), ["Rubriche", "Esplora", "Feed RSS"]);
  assert.equal(links(groups[0], "a"), ["Analisi /rubrica/analisi/", "Esperienze /rubrica/esperienze/", "Punti di vista /rubrica/opinioni/"]);
  assert.equal(links(groups[1], "a"), ["Rubriche /rubrica/", "Argomenti /argomento/", "Firme /firme/"]);
  assert.equal(groups[2]?.querySelectorAll("a").map((a) => a.getAttribute("href")), [
    "/feed.xml", "/rubrica/analisi/feed.xml", "/rubrica/esperienze/feed.xml", "/rubrica/opinioni/feed.xml",
  ]);
  assert.equal(footer?.querySelectorAll('a[href^="/argomento/"], a[href^="/firme/"]').map((a) => a.getAttribute("href")), ["/argomento/", "/firme/"]);
});

test("the home's side column lists the rubriche under the rubrica's index title", () => {
  const side = page(build.out, "/").querySelector(".home-extras__areas");
  assert.is(text(side?.querySelector("h2")), "Rubriche");
  assert.equal(
    side?.querySelectorAll("li").map((li) => text(li)),
    ["Analisi 3 articoli", "Esperienze 2 articoli", "Punti di vista 2 articoli"],
  );
});

test("the search page offers the rubrica and the argomenti as filters", () => {
  const results = page(build.out, "/cerca/").querySelector("#risultati");
  assert.equal(JSON.parse(results?.getAttribute("data-filters") ?? "null"), [
    { key: "rubrica", label: "Rubrica" },
    { key: "argomento", label: "Argomenti" },
  ]);
});

test("JSON-LD and Open Graph: the author is the firme, the keywords the argomenti, the section the rubrica", () => {
  for (const a of Object.values(ARTICLES)) {
    const article = page(build.out, a.url);
    const ld = article.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.rawText) as Record<string, unknown>);
    const entry = ld.find((d) => d["@type"] === "Article");
    assert.ok(entry, a.url);
    assert.equal(entry.author, a.firme.map((n) => ({ "@type": "Person", name: n, url: SITE + FIRME[n] })), a.url);
    assert.is(entry.keywords, a.argomenti.join(", "), a.url);
    const meta = (property: string) => article.querySelectorAll(`meta[property="${property}"]`).map((m) => m.getAttribute("content"));
    assert.equal(meta("article:author"), a.firme.map((n) => SITE + FIRME[n]), a.url);
    assert.equal(meta("article:section"), [a.rubrica], a.url);
    assert.equal(meta("article:tag"), a.argomenti, a.url);
  }
});

test.run();
