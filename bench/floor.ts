/**
 * The "floor": the least work a build of the site can do, without Eleventy.
 *
 *   npx tsx bench/floor.ts --input DIR --output DIR [--data DIR] [--url https://www.example.org]
 *
 * `--data` is the site data a build reads (EDITORIALE_DATA: site.json, terms.json, editoriale.json).
 *
 * Reads every .md under the input folder (dossier pages in the dossiers' folder),
 * parses front matter with `yaml`, renders with markdown-it and writes with
 * plain string templates: one page per article, every archive (each term of
 * each taxonomy, each intersection, dossier, home) with its pages and an RSS
 * 2.0 feed of the newest items (content:encoded), plus 404, sitemap.xml and
 * robots.txt. Taxonomies, roles (byline, article terms, feed categories),
 * intersections, dossiers, sizes and words come from the site's options, as
 * the build's do (Welforum's defaults without --data). Text is escaped for
 * HTML and XML: it is a fair floor, not a sloppy one. Output is deterministic
 * (no clock).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import MarkdownIt from "markdown-it";
import { parse as parseYaml } from "yaml";
import { DateTime } from "luxon";
import { slugify } from "../src/core/slug.ts";
import { resolveOptions, type ResolvedOptions } from "../src/core/options.ts";
import type { Taxonomy } from "../src/core/taxonomy.ts";
import { fill } from "../src/core/words.ts";
import { loadSiteData } from "../src/eleventy/site-data.ts";

export interface FloorOptions {
  input: string;
  output: string;
  /** The site's options, resolved as the plugin resolves them; Welforum's defaults (DEFAULT_SITE) when absent. */
  options?: ResolvedOptions;
}

export interface FloorResult {
  files: number;
  bytes: number;
  articles: number;
  dossiers: number;
  archivePages: number;
  feeds: number;
  warnings: string[];
}

const DEFAULT_SITE = {
  title: "Welforum",
  url: "https://www.example.org",
  description: "Osservatorio sulle politiche di welfare",
  language: "it-IT",
  timeZone: "Europe/Rome",
};

// ---------------------------------------------------------------------------
// Escaping

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text or attribute value in HTML. */
export function escapeHtml(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIALS, (c) => HTML_ESCAPES[c] as string) : text;
}
const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIALS = /[&<>"']/g;

/** Characters XML 1.0 does not allow at all (controls, lone surrogates, U+FFFE/F). */
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cheap pre-check: any control character or surrogate at all. */
const XML_SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

function xmlChars(text: string): string {
  return XML_SUSPECT.test(text) ? text.replace(XML_INVALID, "") : text;
}

/** Text or attribute value in XML: invalid characters dropped, markup escaped. */
export function escapeXml(text: string): string {
  return escapeHtml(xmlChars(text));
}

/** A CDATA section that stays one whatever the text contains. */
export function cdata(text: string): string {
  return `<![CDATA[${xmlChars(text).replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

// ---------------------------------------------------------------------------
// Model

interface Term {
  taxonomy: Taxonomy;
  slug: string;
  /** Spellings as articles write them, with their counts; the name is resolved from them. */
  spellings: Map<string, number>;
  name: string;
  articles: Article[];
}

interface Article {
  source: string;
  title: string;
  slug: string;
  url: string;
  date: DateTime;
  ms: number;
  updated?: DateTime;
  excerpt: string;
  html: string;
  rubric?: string;
  dossier?: string;
  order?: number;
  /** By taxonomy key. */
  terms: Record<string, Term[]>;
  card: string;
  item: Buffer;
}

interface Dossier {
  source: string;
  slug: string;
  title: string;
  date: DateTime;
  curators: string[];
  excerpt: string;
  html: string;
  articles: Article[];
}

// ---------------------------------------------------------------------------
// Reading

function listMarkdown(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    const entries = readdirSync(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith(".") || e.name === "node_modules" || e.name === "_site") continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith(".md")) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function splitFrontMatter(text: string, file: string): { data: Record<string, unknown>; body: string } {
  const m = FRONT_MATTER.exec(text);
  if (!m) throw new Error(`${file}: no front matter`);
  const data: unknown = parseYaml(m[1] ?? "");
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new Error(`${file}: front matter is not a mapping`);
  }
  return { data: data as Record<string, unknown>, body: text.slice(m[0].length) };
}

function requireString(data: Record<string, unknown>, key: string, file: string): string {
  const v = data[key];
  if (typeof v !== "string" || v.trim() === "") throw new Error(`${file}: "${key}" must be a non-empty string`);
  return v;
}

function optionalString(data: Record<string, unknown>, key: string, file: string): string | undefined {
  const v = data[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw new Error(`${file}: "${key}" must be a string`);
  return v;
}

function stringList(data: Record<string, unknown>, key: string, file: string): string[] {
  const v = data[key];
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => {
    if (typeof x !== "string" || x.trim() === "") throw new Error(`${file}: "${key}" must be strings`);
    return x.trim();
  });
}

function parseDate(v: unknown, key: string, file: string, zone: string): DateTime {
  let dt: DateTime;
  if (v instanceof Date) dt = DateTime.fromJSDate(v, { zone });
  else if (typeof v === "string") dt = DateTime.fromISO(v, { zone }).setZone(zone);
  else throw new Error(`${file}: "${key}" must be an ISO date or date-time`);
  if (!dt.isValid) throw new Error(`${file}: "${key}" is not a valid date: ${String(v)}`);
  return dt;
}

/** First paragraph of the rendered tokens, as plain text. */
function firstParagraphText(tokens: ReturnType<InstanceType<typeof MarkdownIt>["parse"]>): string {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.type !== "inline" || tokens[i - 1]?.type !== "paragraph_open") continue;
    let s = "";
    for (const c of t.children ?? []) {
      if (c.type === "text" || c.type === "code_inline") s += c.content;
      else if (c.type === "softbreak" || c.type === "hardbreak") s += " ";
    }
    return s.replace(/\s+/g, " ").trim();
  }
  return "";
}

// ---------------------------------------------------------------------------
// Templates

interface PageOptions {
  title: string;
  path: string;
  description: string;
  body: string;
  type?: "article" | "website";
  feed?: { path: string; title: string };
  extraHead?: string;
}

class Templates {
  constructor(private readonly options: ResolvedOptions) {}

  abs(path: string): string {
    return this.options.site.url + path;
  }

  page(o: PageOptions): string {
    const { site: s, language, words } = this.options;
    const title = o.path === "/" ? s.title : `${o.title} – ${s.title}`;
    const feed = o.feed
      ? `\n<link rel="alternate" type="application/rss+xml" title="${escapeHtml(o.feed.title)}" href="${escapeHtml(this.abs(o.feed.path))}">`
      : "";
    return `<!DOCTYPE html>
<html lang="${escapeHtml(language.tag)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(o.description)}">
<link rel="canonical" href="${escapeHtml(this.abs(o.path))}">
<meta property="og:site_name" content="${escapeHtml(s.title)}">
<meta property="og:locale" content="${escapeHtml(language.ogLocale)}">
<meta property="og:type" content="${o.type ?? "website"}">
<meta property="og:title" content="${escapeHtml(o.title)}">
<meta property="og:description" content="${escapeHtml(o.description)}">
<meta property="og:url" content="${escapeHtml(this.abs(o.path))}">${feed}${o.extraHead ?? ""}
</head>
<body>
<a class="skip-link" href="#contenuto">${escapeHtml(words.skipToContent)}</a>
<header class="site-header"><a class="site-title" href="/">${escapeHtml(s.title)}</a></header>
<main id="contenuto">
${o.body}
</main>
<footer class="site-footer"><p>${escapeHtml(s.description)}</p><p><a href="/feed.xml">${escapeHtml(words.feed)}</a></p></footer>
</body>
</html>
`;
  }
}

function termLink(t: Term): string {
  return `<a href="${escapeHtml(termPath(t))}">${escapeHtml(t.name)}</a>`;
}

function termPath(t: Term): string {
  return `/${t.taxonomy.base}/${t.slug}/`;
}

// ---------------------------------------------------------------------------
// Output

class Output {
  files = 0;
  bytes = 0;
  private readonly dirs = new Set<string>();
  private readonly written = new Set<string>();
  constructor(private readonly root: string) {}

  /**
   * `path` is a URL path: "/a/b/" → a/b/index.html, "/feed.xml" → feed.xml.
   * Synchronous on purpose: on this kind of output (thousands of small files)
   * fs.promises with a bounded pool measured several times slower, in CPU and
   * in wall time, than plain writeFileSync.
   */
  write(path: string, content: string | Buffer): void {
    const file = path.endsWith("/") ? `${path}index.html` : path;
    if (this.written.has(file)) throw new Error(`two outputs for ${file}`);
    this.written.add(file);
    const abs = join(this.root, ...file.split("/"));
    const dir = join(abs, "..");
    if (!this.dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.dirs.add(dir);
    }
    writeFileSync(abs, content);
    this.files++;
    this.bytes += typeof content === "string" ? Buffer.byteLength(content) : content.length;
  }
}

// ---------------------------------------------------------------------------
// Build

export function buildFloor(floor: FloorOptions): FloorResult {
  const options = floor.options ?? resolveOptions({ site: DEFAULT_SITE });
  const { site, words, taxonomies, roles } = options;
  const perPage = options.pageSize;
  const feedSize = options.feedSize;
  const dossierFolder = options.dossiers === false ? undefined : `${options.dossiers.folder}/`;
  const dossierBase = options.dossiers === false ? undefined : options.dossiers.base;
  const input = resolve(floor.input);
  const out = new Output(resolve(floor.output));
  const tpl = new Templates(options);
  const warnings: string[] = [];
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const zone = site.timeZone;
  const termsOf = (a: Article, key: string | undefined): Term[] => (key === undefined ? [] : a.terms[key] ?? []);

  // 1. Read and render.
  const terms = new Map<string, Map<string, Term>>(taxonomies.map((t) => [t.key, new Map()]));
  const termFor = (taxonomy: Taxonomy, name: string, file: string): Term | undefined => {
    const slug = options.terms[taxonomy.key]?.[name]?.slug ?? slugify(name);
    if (slug === "") {
      warnings.push(`${file}: ${taxonomy.key} "${name}" has an empty slug, ignored`);
      return undefined;
    }
    const known = terms.get(taxonomy.key) as Map<string, Term>;
    let t = known.get(slug);
    if (!t) {
      t = { taxonomy, slug, spellings: new Map(), name, articles: [] };
      known.set(slug, t);
    }
    t.spellings.set(name, (t.spellings.get(name) ?? 0) + 1);
    return t;
  };

  const articles: Article[] = [];
  const dossiers = new Map<string, Dossier>();
  for (const file of listMarkdown(input)) {
    const rel = relative(input, file).split(sep).join("/");
    const { data, body } = splitFrontMatter(readFileSync(file, "utf8"), rel);
    const tokens = md.parse(body, {});
    const html = md.renderer.render(tokens, md.options, {});
    const title = requireString(data, "title", rel);
    const date = parseDate(data["date"], "date", rel, zone);
    const excerpt = optionalString(data, "excerpt", rel) ?? firstParagraphText(tokens);

    if (dossierFolder !== undefined && rel.startsWith(dossierFolder) && !rel.slice(dossierFolder.length).includes("/")) {
      const slug = rel.slice(dossierFolder.length, -".md".length);
      dossiers.set(slug, {
        source: rel,
        slug,
        title,
        date,
        curators: stringList(data, "curator", rel),
        excerpt,
        html,
        articles: [],
      });
      continue;
    }
    if (data["draft"] === true) continue;

    const slug = optionalString(data, "slug", rel) ?? slugify(title);
    if (slug === "") throw new Error(`${rel}: the title gives an empty slug`);
    const dossier = optionalString(data, "dossier", rel);
    const permalink = optionalString(data, "permalink", rel);
    const order = data["order"];
    const a: Article = {
      source: rel,
      title,
      slug,
      url: permalink ?? (dossier !== undefined && dossierBase !== undefined ? `/${dossierBase}/${dossier}/${slug}/` : `/${slug}/`),
      date,
      ms: date.toMillis(),
      excerpt,
      html,
      terms: Object.fromEntries(taxonomies.map((t) => [t.key, []])),
      card: "",
      item: Buffer.alloc(0),
    };
    if (data["updated"] !== undefined) a.updated = parseDate(data["updated"], "updated", rel, zone);
    const rubric = optionalString(data, "rubric", rel);
    if (rubric !== undefined) a.rubric = rubric;
    if (dossier !== undefined) a.dossier = dossier;
    if (typeof order === "number") a.order = order;
    for (const taxonomy of taxonomies) {
      const seen = new Set<Term>();
      for (const name of stringList(data, taxonomy.field, rel)) {
        const t = termFor(taxonomy, name, rel);
        if (t && !seen.has(t)) {
          seen.add(t);
          termsOf(a, taxonomy.key).push(t);
        }
      }
    }
    articles.push(a);
  }

  // 2. Order, term names, dossiers.
  articles.sort((x, y) => y.ms - x.ms || (x.url < y.url ? -1 : x.url > y.url ? 1 : 0));
  for (const [key, known] of terms) {
    for (const t of known.values()) {
      let best = "";
      let bestCount = -1;
      for (const [name, n] of t.spellings) {
        if (n > bestCount || (n === bestCount && name < best)) {
          best = name;
          bestCount = n;
        }
      }
      t.name = best;
      if (t.spellings.size > 1) {
        warnings.push(`${key} "${best}": also written ${[...t.spellings.keys()].filter((s) => s !== best).map((s) => `"${s}"`).join(", ")}; kept "${best}"`);
      }
    }
  }
  for (const a of articles) {
    for (const list of Object.values(a.terms)) for (const t of list) t.articles.push(a);
    if (a.dossier !== undefined) {
      const d = dossiers.get(a.dossier);
      if (d) d.articles.push(a);
      else warnings.push(`${a.source}: dossier "${a.dossier}" not found in ${dossierFolder ?? "(dossiers are off)"}`);
    }
  }

  // 3. Articles: page, card, feed item.
  for (const a of articles) {
    const day = a.date.setLocale(options.language.base).toFormat("d LLLL yyyy");
    const iso = a.date.toISO() ?? "";
    const byline = [
      termsOf(a, roles.byline?.key).map(termLink).join(", "),
      `<time datetime="${escapeHtml(iso)}">${escapeHtml(day)}</time>`,
    ]
      .filter((s) => s !== "")
      .join(" | ");
    const dossier = a.dossier !== undefined ? dossiers.get(a.dossier) : undefined;
    const termLists = roles.article
      .filter((t) => termsOf(a, t.key).length > 0)
      .map((t) => `<li>${escapeHtml(t.label)}: ${termsOf(a, t.key).map(termLink).join(", ")}</li>`)
      .join("");
    const body = `<article class="post">
<header>
${a.rubric !== undefined ? `<p class="rubric">${escapeHtml(a.rubric)}</p>\n` : ""}<h1>${escapeHtml(a.title)}</h1>
<p class="byline">${byline}</p>
${dossier ? `<p class="dossier">${escapeHtml(words.dossierBoxHeading)} <a href="/${escapeHtml(dossierBase ?? "")}/${escapeHtml(dossier.slug)}/">${escapeHtml(dossier.title)}</a></p>\n` : ""}</header>
<div class="post-content">
${a.html}</div>
${termLists !== "" ? `<footer><ul class="terms">${termLists}</ul></footer>\n` : ""}</article>`;
    out.write(
      a.url,
      tpl.page({
        title: a.title,
        path: a.url,
        description: a.excerpt,
        body,
        type: "article",
        extraHead: `\n<meta property="article:published_time" content="${escapeHtml(iso)}">`,
      }),
    );

    a.card = `<li class="card">
<article>
${a.rubric !== undefined ? `<p class="card-rubric">${escapeHtml(a.rubric)}</p>\n` : ""}<h2 class="card-title"><a href="${escapeHtml(a.url)}">${escapeHtml(a.title)}</a></h2>
<p class="card-meta">${byline}</p>
<p class="card-excerpt">${escapeHtml(a.excerpt)}</p>
<p><a class="card-more" href="${escapeHtml(a.url)}">${escapeHtml(words.readMore)}<span class="visually-hidden"> ${escapeHtml(a.title)}</span></a></p>
</article>
</li>`;

    const link = escapeXml(tpl.abs(a.url));
    const content = a.html.replace(/(href|src)="\//g, `$1="${site.url}/`);
    const item =
      `<item>\n<title>${escapeXml(a.title)}</title>\n<link>${link}</link>\n<guid isPermaLink="true">${link}</guid>\n` +
      `<pubDate>${a.date.toRFC2822()}</pubDate>\n` +
      termsOf(a, roles.byline?.key).map((t) => `<dc:creator>${escapeXml(t.name)}</dc:creator>\n`).join("") +
      roles.categories
        .flatMap((t) => termsOf(a, t.key))
        .map((t) => `<category>${escapeXml(t.name)}</category>\n`)
        .join("") +
      `<description>${escapeXml(a.excerpt)}</description>\n<content:encoded>${cdata(content)}</content:encoded>\n</item>\n`;
    a.item = Buffer.from(item);
    a.html = "";
  }

  // 4. Archives.
  let archivePages = 0;
  let feeds = 0;
  const sitemap: string[] = articles.map((a) => a.url);

  interface ArchiveSpec {
    base: string;
    title: string;
    heading: string;
    kicker?: string;
    intro?: string;
    description: string;
    feedTitle: string;
    feedLinkTitle: string;
    articles: readonly Article[];
    /** Cards are already in order (dossier); no pagination. */
    single?: boolean;
  }

  const writeFeed = (spec: ArchiveSpec): void => {
    // Newest first whatever the archive order (dossiers list by `order`).
    const sorted = (spec.single ? [...spec.articles].sort((x, y) => y.ms - x.ms) : spec.articles).slice(0, feedSize);
    const newest = sorted.reduce<DateTime | undefined>((acc, a) => {
      const d = a.updated && a.updated > a.date ? a.updated : a.date;
      return acc === undefined || d > acc ? d : acc;
    }, undefined);
    const head =
      `<?xml version="1.0" encoding="UTF-8"?>\n` +
      `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n` +
      `<title>${escapeXml(spec.feedTitle)}</title>\n<link>${escapeXml(tpl.abs(spec.base))}</link>\n` +
      `<description>${escapeXml(spec.description)}</description>\n<language>${escapeXml(site.language)}</language>\n` +
      (newest ? `<lastBuildDate>${newest.toRFC2822()}</lastBuildDate>\n` : "") +
      `<atom:link href="${escapeXml(tpl.abs(spec.base + "feed.xml"))}" rel="self" type="application/rss+xml"/>\n`;
    out.write(
      spec.base + "feed.xml",
      Buffer.concat([Buffer.from(head), ...sorted.map((a) => a.item), Buffer.from("</channel>\n</rss>\n")]),
    );
    feeds++;
  };

  const writeArchive = (spec: ArchiveSpec): void => {
    const pages = spec.single ? 1 : Math.max(1, Math.ceil(spec.articles.length / perPage));
    const feed = { path: spec.base + "feed.xml", title: spec.feedLinkTitle };
    for (let n = 1; n <= pages; n++) {
      const path = n === 1 ? spec.base : `${spec.base}page/${n}/`;
      const slice = spec.single ? spec.articles : spec.articles.slice((n - 1) * perPage, n * perPage);
      const prev = n > 1 ? (n === 2 ? spec.base : `${spec.base}page/${n - 1}/`) : undefined;
      const next = n < pages ? `${spec.base}page/${n + 1}/` : undefined;
      const pager =
        pages > 1
          ? `<nav class="pager" aria-label="${escapeHtml(words.pagination)}">
<p>${escapeHtml(fill(words.pageOf, { page: n, pages }))}</p>
<ul>
${next ? `<li><a href="${escapeHtml(next)}" rel="next">${escapeHtml(words.olderPosts)}</a></li>\n` : ""}${prev ? `<li><a href="${escapeHtml(prev)}" rel="prev">${escapeHtml(words.newerPosts)}</a></li>\n` : ""}</ul>
</nav>\n`
          : "";
      const body = `<header class="archive-header">
${spec.kicker !== undefined ? `<p class="kicker">${escapeHtml(spec.kicker)}</p>\n` : ""}<h1>${escapeHtml(spec.heading)}</h1>
${n === 1 && spec.intro !== undefined ? spec.intro + "\n" : ""}</header>
<ul class="cards">
${slice.map((a) => a.card).join("\n")}
</ul>
${pager}`;
      out.write(
        path,
        tpl.page({
          title: n === 1 ? spec.title : `${spec.title} – ${fill(words.page, { page: n })}`,
          path,
          description: spec.description,
          body,
          feed,
        }),
      );
      sitemap.push(path);
      archivePages++;
    }
    writeFeed(spec);
  };

  const count = (n: number): string => (n === 1 ? words.articleCountOne : fill(words.articleCount, { count: n }));

  writeArchive({
    base: "/",
    title: site.title,
    heading: words.homeHeading,
    description: site.description,
    feedTitle: fill(words.siteFeedTitle, { site: site.title }),
    feedLinkTitle: fill(words.siteFeedTitle, { site: site.title }),
    articles,
  });

  for (const taxonomy of taxonomies) {
    for (const t of sortedTerms(terms.get(taxonomy.key))) {
      const heading = fill(taxonomy.heading, { name: t.name });
      const feedTitle = fill(taxonomy.feedTitle, { site: site.title, name: t.name });
      writeArchive({
        base: termPath(t),
        title: heading,
        heading,
        description: `${heading}: ${count(t.articles.length)}.`,
        feedTitle,
        feedLinkTitle: feedTitle,
        articles: t.articles,
      });
    }
  }

  // Intersections, as the options pair taxonomies (Welforum: area × section, area × tag).
  for (const [first, second] of options.intersections) {
    for (const outer of sortedTerms(terms.get(first.key))) {
      const groups = new Map<Term, Article[]>();
      for (const a of outer.articles) {
        for (const t of termsOf(a, second.key)) {
          let list = groups.get(t);
          if (!list) groups.set(t, (list = []));
          list.push(a);
        }
      }
      const ordered = [...groups.keys()].sort((x, y) => (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0));
      for (const t of ordered) {
        const list = groups.get(t) ?? [];
        const heading = fill(second.intersectionHeading, { name: t.name });
        const feedTitle = fill(second.feedTitle, { site: site.title, name: `${outer.name} › ${t.name}` });
        writeArchive({
          base: `${termPath(outer)}${second.base}/${t.slug}/`,
          title: `${heading} – ${outer.name}`,
          heading,
          kicker: outer.name,
          description: `${outer.name}, ${heading.charAt(0).toLowerCase()}${heading.slice(1)}: ${count(list.length)}.`,
          feedTitle,
          feedLinkTitle: feedTitle,
          articles: list,
        });
      }
    }
  }

  // Dossiers: landing page with the parts in order, and a feed.
  const dossierList = [...dossiers.values()].sort((x, y) => (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0));
  for (const d of dossierList) {
    d.articles.sort((x, y) => (x.order ?? Infinity) - (y.order ?? Infinity) || x.ms - y.ms);
    const curators =
      d.curators.length > 0 ? `<p class="curator">${escapeHtml(fill(words.curatedBy, { names: d.curators.join(", ") }))}</p>\n` : "";
    const feedTitle = options.dossiers === false ? d.title : fill(options.dossiers.feedTitle, { site: site.title, name: d.title });
    writeArchive({
      base: `/${dossierBase ?? ""}/${d.slug}/`,
      title: d.title,
      heading: d.title,
      kicker: options.dossiers === false ? "" : options.dossiers.title,
      intro: `${curators}<div class="dossier-intro">\n${d.html}</div>`,
      description: d.excerpt,
      feedTitle,
      feedLinkTitle: feedTitle,
      articles: d.articles,
      single: true,
    });
  }

  // 5. 404, sitemap, robots.
  out.write(
    "/404.html",
    tpl.page({
      title: words.notFoundTitle,
      path: "/404.html",
      description: words.notFoundText,
      body: `<h1>${escapeHtml(words.notFoundTitle)}</h1>\n<p><a href="/">${escapeHtml(words.notFoundBack)}</a></p>`,
    }),
  );
  out.write(
    "/sitemap.xml",
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n` +
      sitemap.map((p) => `<url><loc>${escapeXml(tpl.abs(p))}</loc></url>\n`).join("") +
      `</urlset>\n`,
  );
  out.write("/robots.txt", `User-agent: *\nAllow: /\nSitemap: ${site.url}/sitemap.xml\n`);

  return {
    files: out.files,
    bytes: out.bytes,
    articles: articles.length,
    dossiers: dossiers.size,
    archivePages,
    feeds,
    warnings,
  };
}

function sortedTerms(map: Map<string, Term> | undefined): Term[] {
  return [...(map?.values() ?? [])].sort((x, y) => (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0));
}

// ---------------------------------------------------------------------------
// CLI

function main(): void {
  const argv = process.argv.slice(2);
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const eq = a.indexOf("=");
    if (a.startsWith("--") && eq > 0) args.set(a.slice(2, eq), a.slice(eq + 1));
    else if (a.startsWith("--") && argv[i + 1] !== undefined) args.set(a.slice(2), argv[++i] as string);
    else throw new Error(`unexpected argument: ${a}`);
  }
  const input = args.get("input");
  const output = args.get("output");
  if (input === undefined || output === undefined) {
    console.error("usage: npx tsx bench/floor.ts --input DIR --output DIR [--data DIR] [--url https://…]");
    process.exit(2);
  }
  const url = args.get("url");
  const data = args.get("data");
  const given = data !== undefined ? loadSiteData(resolve(data)) : { site: DEFAULT_SITE };
  const options = resolveOptions(url !== undefined ? { ...given, site: { ...given.site, url } } : given);
  const t0 = performance.now();
  const r = buildFloor({ input, output, options });
  const s = ((performance.now() - t0) / 1000).toFixed(2);
  for (const w of r.warnings.slice(0, 20)) console.error(`warning: ${w}`);
  if (r.warnings.length > 20) console.error(`warning: … and ${r.warnings.length - 20} more`);
  console.log(
    `floor: ${r.files} files written (${r.articles} articles, ${r.dossiers} dossiers, ` +
      `${r.archivePages} archive pages, ${r.feeds} feeds, ${(r.bytes / 1048576).toFixed(1)} MiB) ` +
      `to ${resolve(output)} in ${s} s`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
