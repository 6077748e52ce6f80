import { convertBody, moreLead } from "./body.ts";
import { isLater, wordpressDate } from "./dates.ts";
import { decodeEntities, htmlToText } from "./entities.ts";
import { markdownFile, type FrontMatter } from "./front-matter.ts";
import type { LinkTargets } from "./links.ts";
import type { MediaIndex } from "./media-index.ts";
import type { MediaResolver } from "./media-references.ts";
import type { Planned } from "./plan.ts";
import { stripShortcodes } from "./shortcodes.ts";
import type { TaxonomyTable } from "./taxonomy-map.ts";
import type { TermIndex } from "./terms.ts";
import type { WxrAuthor, WxrItem } from "./wxr-types.ts";

/** Custom fields a dossier page may name its curator in ("A cura di …"). */
const CURATOR_KEYS = new Set(["curator", "curatore", "curatrice", "a_cura_di", "acuradi", "a-cura-di"]);

export interface PostContext {
  authors: ReadonlyMap<string, WxrAuthor>;
  terms: TermIndex;
  /** The site's taxonomies: which field each of the post's terms, and its author, is written in. */
  taxonomies: TaxonomyTable;
  targets: LinkTargets;
  timeZone: string;
  media: MediaIndex;
  resolve?: MediaResolver;
}

export interface ConvertedPost {
  content: string;
  shortcodes: string[];
  warnings: string[];
  rewrittenLinks: number;
}

/** One written item: its front matter from the right WXR fields, and its body in Markdown. */
export function convertPost(item: WxrItem, planned: Planned, context: PostContext): ConvertedPost {
  const warnings: string[] = [];
  // A hand-written excerpt is the standfirst, and the whole text the body; else a plain lead before <!--more--> moves up.
  const split = item.excerpt.trim() ? undefined : moreLead(item.content);
  const body = convertBody(split ? split.after : item.content, context.targets, { postId: item.id, index: context.media, ...(context.resolve ? { resolve: context.resolve } : {}) });
  const date = wordpressDate(item.postDateGmt, item.postDate, context.timeZone) ?? "";
  let title = decodeEntities(item.title).trim();
  if (!title) {
    warnings.push(`item ${item.id} has no title; its slug is used as title`);
    title = planned.slug;
  }
  const excerpt = htmlToText(stripShortcodes(item.excerpt || split?.lead || ""));
  for (const href of body.danglingLinks) warnings.push(`links to ${href}, not imported; link kept as it was`);
  if (body.styles.length > 0) warnings.push(`style kept no meaning: ${body.styles.join(", ")} (dropped)`);
  warnings.push(...body.notes);
  for (const src of body.iframes) warnings.push(`iframe ${src} is not an embed the site allows (YouTube, Vimeo); written as a link`);

  const data: FrontMatter = { title, date };
  if (planned.kind === "dossier") {
    const curator = item.meta.find((meta) => CURATOR_KEYS.has(meta.key.toLowerCase()) && meta.value.trim());
    if (curator) data["curator"] = decodeEntities(curator.value).trim();
    if (excerpt) data["excerpt"] = excerpt;
    if (planned.draft) data["draft"] = true;
    // Not in the dossier contract yet: the only way its old address keeps answering.
    if (planned.aliases.length > 0) data["aliases"] = planned.aliases;
    return { content: markdownFile(data, body.markdown), shortcodes: body.shortcodes, warnings, rewrittenLinks: body.rewrittenLinks };
  }

  const updated = wordpressDate(item.modifiedGmt, item.modified, context.timeZone);
  if (planned.kind === "page") {
    // The page contract: no byline, no taxonomies; the date stays for the sitemap.
    const page: FrontMatter = { title, kind: "page", date };
    if (updated && date && isLater(updated, date)) page["updated"] = updated;
    page["slug"] = planned.slug;
    if (excerpt) page["excerpt"] = excerpt;
    Object.assign(page, featuredImage(item, context, warnings));
    if (planned.draft) page["draft"] = true;
    if (planned.permalink) page["permalink"] = planned.permalink;
    if (planned.aliases.length > 0) page["aliases"] = planned.aliases;
    if (item.id > 0) page["wp_id"] = item.id;
    return { content: markdownFile(page, body.markdown), shortcodes: body.shortcodes, warnings, rewrittenLinks: body.rewrittenLinks };
  }
  if (updated && date && isLater(updated, date)) data["updated"] = updated;
  data["slug"] = planned.slug;
  if (excerpt) data["excerpt"] = excerpt;
  const table = context.taxonomies;
  const terms = context.terms.addItem(item.terms);
  if (table.authors) {
    const author = authorName(item.creator, context.authors);
    if (author.warning) warnings.push(author.warning);
    const names = [...(author.name ? [author.name] : []), ...(terms[table.authors.key] ?? [])];
    if (names.length > 0) data[table.authors.field] = [...new Set(names)];
  }
  // The content model's order: byline, the terms that place the post, its dossier, then its keywords.
  for (const taxonomy of table.placing) {
    const names = terms[taxonomy.key];
    if (names) data[taxonomy.field] = single(names);
  }
  if (planned.dossier) {
    data["dossier"] = planned.dossier;
    data["order"] = planned.order ?? 1;
  }
  for (const taxonomy of table.keywords) {
    const names = terms[taxonomy.key];
    if (names) data[taxonomy.field] = names;
  }
  Object.assign(data, featuredImage(item, context, warnings));
  if (item.sticky && planned.kind === "article") data["sticky"] = true;
  if (planned.draft) data["draft"] = true;
  if (planned.permalink) data["permalink"] = planned.permalink;
  if (planned.aliases.length > 0) data["aliases"] = planned.aliases;
  // A position is not a WordPress id: the build answers /?p=ID with it, so only a real one is written.
  if (item.id > 0) data["wp_id"] = item.id;
  return { content: markdownFile(data, body.markdown), shortcodes: body.shortcodes, warnings, rewrittenLinks: body.rewrittenLinks };
}

/** `_thumbnail_id` → `image` (relative to the content folder) and `image_alt`, when the file moved with the site. */
function featuredImage(item: WxrItem, context: PostContext, warnings: string[]): FrontMatter {
  const id = Number(item.meta.find((meta) => meta.key === "_thumbnail_id")?.value.trim() ?? 0);
  if (!Number.isInteger(id) || id <= 0) return {};
  const attachment = context.media.get(id);
  if (!attachment) {
    warnings.push(`featured image: attachment ${id} is not in the export; no image set`);
    return {};
  }
  if (!context.resolve) {
    warnings.push(`featured image ${attachment.url} not imported: give --uploads DIR or --download to move it with the site`);
    return {};
  }
  const local = context.resolve(attachment.url);
  if (!local) {
    warnings.push(`featured image ${attachment.url} not found; no image set`);
    return {};
  }
  const out: FrontMatter = { image: local.replace(/^\//, "") };
  // The build refuses a featured image without a text alternative: WordPress's empty alt is written as "" and said.
  out["image_alt"] = attachment.alt;
  if (!attachment.alt) warnings.push(`featured image ${attachment.url} has no alt text in WordPress; written as image_alt: "" (decorative): describe it if it carries meaning`);
  return out;
}

function single(values: string[]): string | string[] {
  return values.length === 1 ? (values[0] as string) : values;
}

function authorName(login: string, authors: ReadonlyMap<string, WxrAuthor>): { name: string; warning?: string } {
  if (!login) return { name: "" };
  const author = authors.get(login);
  const name = author ? decodeEntities(author.displayName).trim() : "";
  if (name) return { name };
  return { name: login, warning: `author "${login}" has no display name in the export; the login is used` };
}
