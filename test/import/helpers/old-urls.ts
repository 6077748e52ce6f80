import { readFile } from "node:fs/promises";
import { XMLParser } from "fast-xml-parser";

/**
 * The addresses a WordPress site answered at, computed from its export with
 * another XML parser than the importer's (so the round trip does not check
 * the importer against itself): each published post's and page's permalink,
 * each post's `/?p=ID` shortlink, and each term and author archive with its feed and
 * its `/page/N/` pages (10 posts a page, WordPress's default).
 */
export async function oldUrls(file: string): Promise<string[]> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    isArray: (name) => name === "item" || name === "category",
  });
  const doc = parser.parse(await readFile(file, "utf8")) as { rss: { channel: { item: RawItem[] } } };
  const urls = new Set<string>();
  const perArchive = new Map<string, number>();
  for (const item of doc.rss.channel.item) {
    const type = text(item["wp:post_type"]);
    if (text(item["wp:status"]) !== "publish" || (type !== "post" && type !== "page")) continue;
    if (text(item["wp:post_password"])) continue;
    const link = new URL(text(item.link));
    // `https://site//greek/x/` (a site address saved with a trailing slash) was answered by WordPress at /greek/x/.
    if (!link.search) urls.add(decodeURIComponent(link.pathname).replace(/\/{2,}/g, "/"));
    if (type !== "post") continue;
    // Posts' shortlinks; pages had /?page_id=, which no static host can tell apart from the home page.
    // An item without a post id had only its guid's ?p= (if any) as a shortlink.
    const id = Number(text(item["wp:post_id"])) || Number(/[?&]p=(\d+)/.exec(text(item.guid))?.[1] ?? 0);
    if (id > 0) urls.add(`/?p=${id}`);
    const archives = [`/author/${text(item["dc:creator"]).toLowerCase()}/`];
    for (const category of item.category ?? []) {
      const domain = category["@_domain"];
      const base = domain === "post_tag" ? "tag" : domain;
      if (base === undefined || ["post_format", "nav_menu", "rubrica"].includes(base)) continue;
      archives.push(`/${base}/${decodeURIComponent(category["@_nicename"] ?? "")}/`);
    }
    for (const archive of archives) perArchive.set(archive, (perArchive.get(archive) ?? 0) + 1);
  }
  for (const [archive, posts] of perArchive) {
    urls.add(archive);
    urls.add(`${archive}feed/`);
    for (let page = 2; page <= Math.ceil(posts / 10); page++) urls.add(`${archive}page/${page}/`);
  }
  return [...urls].sort();
}

interface RawCategory {
  "@_domain"?: string;
  "@_nicename"?: string;
}

interface RawItem {
  link: unknown;
  guid?: unknown;
  "dc:creator": unknown;
  "wp:post_id": unknown;
  "wp:post_type": unknown;
  "wp:status": unknown;
  "wp:post_password"?: unknown;
  category?: RawCategory[];
}

function text(value: unknown): string {
  if (typeof value === "string" || typeof value === "number") return String(value).trim();
  if (value && typeof value === "object" && "#text" in value) return String((value as { "#text": unknown })["#text"]).trim();
  return "";
}
