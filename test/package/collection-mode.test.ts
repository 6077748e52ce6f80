/**
 * Collection mode as an Eleventy blog gets it: `npm pack`, the tarball
 * installed into a copy of test/fixtures/eleventy-blog/ (a blog of someone
 * else's, written by us: plain eleventy.config.js, Nunjucks layouts, posts
 * tagged `posts` by a directory data file, a shortcode, its own home, feed,
 * about and 404), built with `npx @11ty/eleventy` with and without the
 * `addPlugin` lines, and the output parsed. Slow (one `npm install` a run).
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse } from "node-html-parser";
import { ROOT } from "../helpers/build.ts";
import { launchChromium } from "../browser/chromium.ts";
import { serve } from "../browser/serve.ts";
import { ELEVENTY_VERSION, plainEnv, run } from "./helpers/plain-site.ts";

const work = mkdtempSync(path.join(tmpdir(), "editoriale-collection-"));
const site = path.join(work, "blog");



function eleventy(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync("npx", ["--no-install", "@11ty/eleventy", "--quiet", ...args], { cwd: site, encoding: "utf8", env: plainEnv, maxBuffer: 64 * 1024 * 1024 });
}

// One pack and one install for the whole file.
run("npm", ["pack", "--pack-destination", work, "--silent"], ROOT);
const tarball = path.join(work, readdirSync(work).find((name) => name.endsWith(".tgz")) ?? "");
cpSync(path.join(ROOT, "test/fixtures/eleventy-blog"), site, { recursive: true, filter: (from) => !/[\\/](_site[^\\/]*|node_modules)$/.test(from) });
// Pagefind too: the optional peer a site installs to opt in to search.
run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--save-exact", tarball, `@11ty/eleventy@${ELEVENTY_VERSION}`, "pagefind@1.6.0"], site);

// The same copy without Editoriale: the config with its import and its addPlugin block taken out.
const config = readFileSync(path.join(site, "eleventy.config.js"), "utf8");
const plainConfig = config.replace(/^import editoriale from "editoriale";\n/m, "").replace(/\s*\/\/ editoriale:begin[\s\S]*?\/\/ editoriale:end/, "");
assert.not.match(plainConfig, /editoriale/);
writeFileSync(path.join(site, "plain.config.js"), plainConfig);

const withPlugin = eleventy();
const withoutPlugin = eleventy("--config=plain.config.js", "--output=_site-plain");
const prefixed = eleventy("--pathprefix=/sub/", "--output=_site-sub");

const out = path.join(site, "_site");
const read = (folder: string, url: string) => readFileSync(path.join(folder, url.endsWith("/") ? `${url}index.html` : url), "utf8");
const page = (url: string, folder = out) => parse(read(folder, url));

/** Every file under a folder, as paths relative to it, sorted. */
function filesUnder(folder: string, prefix = ""): string[] {
  return readdirSync(path.join(folder, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(folder, path.posix.join(prefix, entry.name)) : [path.posix.join(prefix, entry.name)]))
    .sort();
}

const ARCHIVE_PAGES = ["tag/anziani/", "tag/comuni/", "tag/comuni/page/2/", "tag/coprogettazione/", "tag/poverta/"];
const OURS = [...ARCHIVE_PAGES.map((url) => `${url}index.html`), "tag/index.html", ...["anziani", "comuni", "coprogettazione", "poverta"].map((slug) => `tag/${slug}/feed.xml`)].sort();

test.after(() => rmSync(work, { recursive: true, force: true }));

test("both builds succeed under plain `npx @11ty/eleventy`", () => {
  assert.is(withPlugin.status, 0, `${withPlugin.stdout}\n${withPlugin.stderr}`);
  assert.is(withoutPlugin.status, 0, `${withoutPlugin.stdout}\n${withoutPlugin.stderr}`);
});

test("the site's own pages are unchanged: same files, byte for byte; the plugin adds only its archives, tag index and feeds", () => {
  const plain = filesUnder(path.join(site, "_site-plain"));
  assert.equal(plain, ["404.html", "blog/assistenza-domiciliare/index.html", "blog/coprogettazione/index.html", "blog/poverta-educativa/index.html", "blog/reddito-minimo/index.html", "chi-siamo/index.html", "feed.xml", "index.html"]);
  const all = filesUnder(out);
  assert.equal(all.filter((file) => !plain.includes(file)), OURS);
  for (const file of plain) assert.is(read(out, file), read(path.join(site, "_site-plain"), file), `${file} changed`);
});

test("the site's home still lists its four posts and its feed its four items (collections.posts untouched)", () => {
  const titles = page("/").querySelectorAll("ul.elenco-post li a").map((a) => a.text);
  assert.equal(titles, ["Il reddito minimo nei Comuni", "Coprogettazione con il terzo settore", "Assistenza domiciliare agli anziani", "La povertà educativa nelle periferie"]);
  assert.is(page("/").querySelector("h1")?.text, "Ultimi 4 articoli");
  const feed = new XMLParser().parse(read(out, "feed.xml")) as { rss: { channel: { item: unknown[] } } };
  assert.is(feed.rss.channel.item.length, 4);
});

test("a post keeps its own layout and its shortcode's output", () => {
  const post = page("/blog/coprogettazione/");
  assert.is(post.querySelector("header.testata a")?.text, "Blog di prova");
  assert.is(post.querySelector("article.post h1")?.text, "Coprogettazione con il terzo settore");
  assert.is(post.querySelector("span.fonte")?.text, "Fonte: Osservatorio regionale, 2023");
});

test("tag archives are paginated by 2 in the site's layout: header, title, exact cards and pager links", () => {
  for (const url of ARCHIVE_PAGES) {
    const doc = page(`/${url}`);
    assert.is(doc.querySelector("header.testata a")?.text, "Blog di prova", url);
    assert.is(doc.querySelectorAll("footer").length, 1, url);
    assert.is(doc.querySelectorAll("main").length, 1, `${url}: our content inside the site's <main>, not a second document`);
  }
  const cards = (url: string) => page(url).querySelectorAll("article.card h2 a").map((a) => `${a.text} ${a.getAttribute("href")}`);
  assert.equal(cards("/tag/comuni/"), ["Il reddito minimo nei Comuni /blog/reddito-minimo/", "Coprogettazione con il terzo settore /blog/coprogettazione/"]);
  assert.equal(cards("/tag/comuni/page/2/"), ["Assistenza domiciliare agli anziani /blog/assistenza-domiciliare/"]);
  assert.equal(cards("/tag/poverta/"), ["Il reddito minimo nei Comuni /blog/reddito-minimo/", "La povertà educativa nelle periferie /blog/poverta-educativa/"]);
  assert.equal(cards("/tag/anziani/"), ["Assistenza domiciliare agli anziani /blog/assistenza-domiciliare/"]);
  const pagerLinks = (url: string) => page(url).querySelectorAll("nav.pager a").map((a) => `${a.getAttribute("rel")} ${a.getAttribute("href")}`);
  assert.equal(pagerLinks("/tag/comuni/"), ["next /tag/comuni/page/2/"]);
  assert.equal(pagerLinks("/tag/comuni/page/2/"), ["prev /tag/comuni/"]);
  assert.equal(pagerLinks("/tag/poverta/"), []);
  assert.is(page("/tag/comuni/").querySelector("title")?.text, "Post con tag “Comuni” – Blog di prova");
  assert.is(page("/tag/comuni/page/2/").querySelector("title")?.text, "Post con tag “Comuni” – pagina 2 – Blog di prova");
});

test("collection names are not archives: no /tag/posts/, /tag/all/; the tag index lists the four subjects with counts", () => {
  assert.not.ok(existsSync(path.join(out, "tag/posts")));
  assert.not.ok(existsSync(path.join(out, "tag/all")));
  const entries = page("/tag/").querySelectorAll(".term-index__list li").map((li) => li.text.replace(/\s+/g, " ").trim());
  assert.equal(entries, ["Anziani 1 articolo", "Comuni 3 articoli", "Coprogettazione 1 articolo", "Povertà 2 articoli"]);
  assert.is(page("/tag/").querySelector("header.testata a")?.text, "Blog di prova");
});

test("excerpts: `description` first, else the first paragraph without the shortcode's source", () => {
  const excerpts = (url: string) => page(url).querySelectorAll(".card__excerpt").map((p) => p.text);
  assert.equal(excerpts("/tag/comuni/"), ["Molti Comuni accompagnano il sostegno al reddito con percorsi di inclusione sociale.", "Come un Comune e le associazioni scrivono insieme un servizio."]);
  assert.equal(excerpts("/tag/poverta/")[1], "Nelle periferie la povertà educativa si vede nei servizi per l'infanzia che mancano.");
});

test("a valid RSS 2.0 feed per tag, newest first, carrying each post as the site rendered it (the shortcode's output)", () => {
  const xml = read(out, "tag/comuni/feed.xml");
  assert.is(XMLValidator.validate(xml), true);
  const feed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
    rss: { "@_version": string; channel: { title: string; link: string; "atom:link": { "@_href": string }; item: Array<{ title: string; link: string; "content:encoded": string }> } };
  };
  assert.is(feed.rss["@_version"], "2.0");
  assert.is(feed.rss.channel.title, "Blog di prova » Comuni Feed del tag");
  assert.is(feed.rss.channel["atom:link"]["@_href"], "https://blog.example/tag/comuni/feed.xml");
  assert.equal(feed.rss.channel.item.map((item) => item.link), [
    "https://blog.example/blog/reddito-minimo/",
    "https://blog.example/blog/coprogettazione/",
    "https://blog.example/blog/assistenza-domiciliare/",
  ]);
  const content = feed.rss.channel.item[1]?.["content:encoded"] ?? "";
  assert.ok(content.includes('<span class="fonte">Fonte: Osservatorio regionale, 2023</span>'), content);
  assert.not.ok(content.includes("{%"), content);
  assert.not.ok(content.includes("testata"), "the feed carries the post's content, not its layout");
  for (const slug of ["anziani", "coprogettazione", "poverta"]) assert.is(XMLValidator.validate(read(out, `tag/${slug}/feed.xml`)), true, slug);
});

test("--pathprefix=/sub/: every link of every archive and index page carries /sub/, and feed links too", () => {
  assert.is(prefixed.status, 0, `${prefixed.stdout}\n${prefixed.stderr}`);
  const folder = path.join(site, "_site-sub");
  for (const url of [...ARCHIVE_PAGES, "tag/"]) {
    const links = page(`/${url}`, folder).querySelectorAll("[href], [src]").map((el) => el.getAttribute("href") ?? el.getAttribute("src") ?? "");
    assert.ok(links.length >= 4, url);
    const stray = links.filter((link) => !link.startsWith("/sub/") && !link.startsWith("https://"));
    assert.equal(stray, [], url);
  }
  const doc = page("/tag/comuni/", folder);
  assert.is(doc.querySelector("nav.pager a")?.getAttribute("href"), "/sub/tag/comuni/page/2/");
  assert.is(doc.querySelector(".archive__feed a")?.getAttribute("href"), "/sub/tag/comuni/feed.xml");
  const feed = new XMLParser().parse(read(folder, "tag/comuni/feed.xml")) as { rss: { channel: { item: Array<{ link: string }> } } };
  assert.is(feed.rss.channel.item[0]?.link, "https://blog.example/sub/blog/reddito-minimo/");
});

test("--dryrun writes nothing", () => {
  const result = eleventy("--dryrun", "--output=_site-dry");
  assert.is(result.status, 0, result.stderr);
  assert.not.ok(existsSync(path.join(site, "_site-dry")));
});

test("--to=json does not crash and lists our archive, index and feed URLs", () => {
  const result = eleventy("--to=json", "--output=_site-json");
  assert.is(result.status, 0, result.stderr);
  const entries = JSON.parse(result.stdout) as Array<{ url: string; inputPath: string; content: string }>;
  const ours = entries.filter((e) => e.inputPath.includes("/editoriale/")).map((e) => e.url).sort();
  assert.equal(ours, ["/tag/", ...ARCHIVE_PAGES.map((url) => `/${url}`), ...["anziani", "comuni", "coprogettazione", "poverta"].map((slug) => `/tag/${slug}/feed.xml`)].sort());
  assert.ok(entries.find((e) => e.url === "/tag/comuni/")?.content.includes("Blog di prova"));
  assert.not.ok(existsSync(path.join(site, "_site-json")));
});

test("a site page at /tag/comuni/ is a duplicate-output error naming both templates, and nothing is written", () => {
  const clash = path.join(site, "content/tag-comuni.md");
  writeFileSync(clash, "---\ntitle: I Comuni\npermalink: /tag/comuni/\n---\nLa pagina del sito sui Comuni.\n");
  try {
    const result = eleventy("--output=_site-clash");
    const log = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[\d+m/g, "");
    assert.is.not(result.status, 0);
    assert.match(log, /Output conflict: multiple input files are writing to `\.\/_site-clash\/tag\/comuni\/index\.html`/);
    assert.match(log, /1\. \.\/content\/tag-comuni\.md/);
    assert.match(log, /2\. \.\/content\/editoriale\/archive-pages\.11ty\.js/);
    assert.not.ok(existsSync(path.join(site, "_site-clash/tag/comuni/index.html")));
  } finally {
    rmSync(clash);
  }
});

/** The fixture's config with Editoriale's options changed: `edit` gets the text of the options object. */
function configWith(name: string, edit: (options: string) => string): string {
  const changed = config.replace(/(addPlugin\(editoriale, \{)([\s\S]*?)(\n  \}\);)/, (_whole, open: string, body: string, close: string) => open + edit(body) + close);
  assert.is.not(changed, config);
  writeFileSync(path.join(site, name), changed);
  return `--config=${name}`;
}

test("without `layout`: our theme's whole document, its stylesheet and assets copied, every link under --pathprefix; robots.txt, sitemap and _redirects opted in", () => {
  const result = eleventy(configWith("theme.config.js", (o) => o.replace('layout: "layouts/base.njk",', "robots: true, sitemap: true, redirects: true,")), "--pathprefix=/sub/", "--output=_site-theme");
  assert.is(result.status, 0, `${result.stdout}\n${result.stderr}`);
  const folder = path.join(site, "_site-theme");
  const doc = page("/tag/comuni/", folder);
  assert.is(doc.querySelectorAll("header.testata").length, 0, "not the site's layout");
  assert.is(doc.querySelector("h1")?.text, "Post con tag “Comuni”");
  const href = doc.querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "";
  assert.match(href, /^\/sub\/assets\/editoriale\.[0-9a-f]{10}\.css$/);
  assert.ok(existsSync(path.join(folder, href.replace(/^\/sub\//, ""))), href);
  assert.ok(existsSync(path.join(folder, "assets/cerca.js")));
  for (const url of [...ARCHIVE_PAGES, "tag/"]) {
    const links = page(`/${url}`, folder).querySelectorAll("[href], [src]").map((el) => el.getAttribute("href") ?? el.getAttribute("src") ?? "");
    assert.equal(links.filter((link) => !link.startsWith("/sub/") && !link.startsWith("https://") && !link.startsWith("#")), [], url);
  }
  assert.is(read(folder, "robots.txt"), "User-agent: *\nAllow: /\n\nSitemap: https://blog.example/sub/sitemap.xml\n");
  const sitemap = new XMLParser().parse(read(folder, "sitemap.xml")) as { urlset: { url: Array<{ loc: string; lastmod: string }> } };
  assert.equal(sitemap.urlset.url.map((u) => u.loc), [
    ...["reddito-minimo", "coprogettazione", "assistenza-domiciliare", "poverta-educativa"].map((slug) => `https://blog.example/sub/blog/${slug}/`),
    ...ARCHIVE_PAGES.map((url) => `https://blog.example/sub/${url}`),
    "https://blog.example/sub/tag/",
  ]);
  // The blog names no time zone: UTC, the zone Eleventy reads its date-only `date: 2024-01-15` in.
  assert.is(sitemap.urlset.url[2]?.lastmod, "2024-01-15T00:00:00Z");
  const tags = ["anziani", "comuni", "coprogettazione", "poverta"];
  assert.equal(read(folder, "_redirects").split("\n").slice(1), [
    ...tags.flatMap((slug) => [`/sub/tag/${slug}/feed/ /sub/tag/${slug}/feed.xml 301!`, `/sub/tag/${slug}/page/1/ /sub/tag/${slug}/ 301!`]),
    "/sub/2024/03/reddito-minimo/ /sub/blog/reddito-minimo/ 301!",
    "/sub/ p=123 /sub/blog/reddito-minimo/ 301!",
    "",
  ]);
  // The site's own pages are still its own: Editoriale's home and 404 are opt-in.
  assert.ok(page("/", folder).querySelector("ul.elenco-post"));
  assert.is(read(folder, "404.html"), read(out, "404.html").replace(/href="\//g, 'href="/sub/'));
});

test("opting in to our home or 404 where the site has its own: a duplicate-output error naming both", () => {
  for (const [option, theirs, ours, file] of [
    // Our home comes with the site's feed (/feed.xml), the first output Eleventy finds taken.
    ["home: true,", "./content/feed.njk", "./content/editoriale/feeds.11ty.js", "feed.xml"],
    ["notFound: true,", "./content/404.md", "./content/editoriale/not-found.11ty.js", "404.html"],
  ] as const) {
    const result = eleventy(configWith("opt-in.config.js", (o) => `${o}\n    ${option}`), "--output=_site-opt-in");
    const log = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[\d+m/g, "");
    assert.is.not(result.status, 0, option);
    assert.ok(log.includes(`Output conflict: multiple input files are writing to \`./_site-opt-in/${file}\``), log);
    assert.ok(log.includes(theirs) && log.includes(ours), log);
  }
});

test("home: true on a site without its own home and feed: our paginated home in the site's layout, and /feed.xml of every post", () => {
  const own = ["content/index.njk", "content/feed.njk"].map((file) => path.join(site, file));
  for (const file of own) renameSync(file, `${file}.off`);
  try {
    const result = eleventy(configWith("home.config.js", (o) => `${o}\n    home: true,`), "--output=_site-home");
    assert.is(result.status, 0, `${result.stdout}\n${result.stderr}`);
    const folder = path.join(site, "_site-home");
    const titles = (url: string) => page(url, folder).querySelectorAll("article.card h2 a, article.card h3 a").map((a) => a.text);
    assert.equal([...titles("/"), ...titles("/page/2/")].sort(), ["Assistenza domiciliare agli anziani", "Coprogettazione con il terzo settore", "Il reddito minimo nei Comuni", "La povertà educativa nelle periferie"]);
    assert.is(page("/page/2/", folder).querySelector("header.testata a")?.text, "Blog di prova");
    const feed = new XMLParser().parse(read(folder, "feed.xml")) as { rss: { channel: { title: string; item: unknown[] } } };
    assert.is(feed.rss.channel.item.length, 4);
  } finally {
    for (const file of own) renameSync(`${file}.off`, file);
  }
});

test("search: true — /cerca/ in the site's layout, a Pagefind index of the four posts only, results in Chromium", async () => {
  const result = eleventy(configWith("search.config.js", (o) => `${o}\n    search: true,`), "--output=_site-search");
  assert.is(result.status, 0, `${result.stdout}\n${result.stderr}`);
  assert.match(result.stdout, /\[editoriale\] search: indexed 4 posts in/);
  const folder = path.join(site, "_site-search");
  const doc = page("/cerca/", folder);
  assert.is(doc.querySelector("header.testata a")?.text, "Blog di prova", "the site's layout");
  assert.ok(doc.querySelector("main #risultati"));
  assert.is(doc.querySelector('main script[type="module"]')?.getAttribute("src"), "/assets/cerca.js");
  assert.ok(existsSync(path.join(folder, "assets/cerca.js")));
  const entry = JSON.parse(read(folder, "pagefind/pagefind-entry.json")) as { languages: Record<string, { page_count: number }> };
  assert.equal(Object.values(entry.languages).map((l) => l.page_count), [4]);
  const server = await serve(folder);
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/cerca/?q=domiciliare`);
    await tab.waitForSelector(".search-result .card__title a", { timeout: 20_000 });
    const first = await tab.locator(".search-result .card__title a").first();
    assert.is((await first.textContent())?.trim(), "Assistenza domiciliare agli anziani");
    assert.is(await first.getAttribute("href"), "/blog/assistenza-domiciliare/");
  } finally {
    await browser.close();
    await server.close();
  }
});

test("a post Editoriale cannot read (no title) stops the build with one line naming its file and field", () => {
  const broken = path.join(site, "content/blog/senza-titolo.md");
  writeFileSync(broken, "---\ndate: 2024-05-01\n---\nUn articolo senza titolo.\n");
  try {
    const result = eleventy("--output=_site-broken");
    const log = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[\d+m/g, "");
    assert.is.not(result.status, 0);
    assert.match(log, /\.\/content\/blog\/senza-titolo\.md → title: is missing\. Fix: /);
    assert.not.match(log, /    at /);
  } finally {
    rmSync(broken);
  }
});

test.run();
