import { slugify } from "../core/slug.ts";
import { wordpressDate, yearOf } from "./dates.ts";
import { decodeEntities } from "./entities.ts";
import { oldPathOf } from "./links.ts";
import type { WxrItem } from "./wxr-types.ts";

/**
 * Where the site keeps its dossiers (options `dossiers`: Welforum's `il-punto`): their URL base, which is also where
 * WordPress had them (as pages with children), and their folder in the content; `false`: the site has none.
 */
export type DossierPlace = { base: string; folder: string } | false;

/** What the first pass keeps of each item: enough to decide files and URLs, never the body. */
export interface IndexEntry {
  id: number;
  type: string;
  status: string;
  slug: string;
  title: string;
  parent: number;
  menuOrder: number;
  /** Old permalink path, percent-decoded ("/povertà-educativa/"); "" when the link has a query or no path. */
  oldPath: string;
  date: string | undefined;
  hasPassword: boolean;
}

export type ItemKind = "article" | "dossier" | "page";

/** Why an item is not written, for the report. */
export type SkipReason = "draft" | "private" | "trash" | "password" | "attachment" | "type" | "status" | "undated" | "reserved";

/** Index pages the build writes itself, the dossiers' and each taxonomy's (`/<base>/`): a WordPress page at one of these URLs would collide with them. */
export function reservedPaths(dossiers: DossierPlace, taxonomyBases: readonly string[]): string[] {
  return [...(dossiers ? [dossiers.base] : []), ...taxonomyBases].map((base) => `/${base}/`);
}

export interface Planned {
  id: number;
  kind: ItemKind;
  slug: string;
  /** The new URL, root-relative with a trailing slash. */
  url: string;
  /** Output file, relative to the content folder, with "/" separators. */
  file: string;
  draft: boolean;
  dossier?: string;
  order?: number;
  /** Set for a page that keeps a nested WordPress path the default URL rule would not give. */
  permalink?: string;
  aliases: string[];
}

export interface Plan {
  planned: Map<number, Planned>;
  skipped: Map<number, SkipReason>;
  /** Old permalink path → item id, for every item of the export (written or not; written ones first). */
  oldPaths: Map<string, number>;
  /** Pages not written because the build writes an index at their URL: id → that URL, for links to them. */
  indexUrls: Map<number, string>;
  warnings: string[];
}

export interface PlanOptions {
  postTypes: readonly string[];
  /** URLs where the build writes its own index pages (`reservedPaths`). */
  reserved: readonly string[];
  dossiers: DossierPlace;
  drafts: boolean;
  timeZone: string;
}

/** Reduces an item to its index entry; `warn` hears about slugs that cannot be decoded. */
export function indexEntry(item: WxrItem, timeZone: string, warn: (message: string) => void): IndexEntry {
  const title = decodeEntities(item.title).trim();
  return {
    id: item.id,
    type: item.type,
    status: item.status,
    slug: slugOf(item, title, warn),
    title,
    parent: item.parent,
    menuOrder: item.menuOrder,
    oldPath: oldPathOf(item.link),
    date: wordpressDate(item.postDateGmt, item.postDate, timeZone),
    hasPassword: item.password !== "",
  };
}

/**
 * `wp:post_name`, percent-decoded, never re-derived from the title: it is
 * what the old URLs were made of. Drafts often have none yet; only then does
 * the title give one.
 */
function slugOf(item: WxrItem, title: string, warn: (message: string) => void): string {
  if (item.name) {
    try {
      return decodeURIComponent(item.name).normalize("NFC");
    } catch {
      warn(`item ${item.id}: wp:post_name "${item.name}" is not valid percent-encoding; kept as written`);
      return item.name;
    }
  }
  return slugify(title) || `${item.type}-${item.id}`;
}

/** How messages name an item: by its WordPress id, or by its place in the export when it had none. */
export function itemLabel(id: number): string {
  return id > 0 ? `item ${id}` : `item #${-id} of the export (no post id)`;
}

const DRAFT_STATUSES = new Set(["draft", "pending", "future"]);

function skipReason(entry: IndexEntry, options: PlanOptions): SkipReason | undefined {
  if (entry.type === "attachment") return "attachment";
  if (!options.postTypes.includes(entry.type)) return "type";
  if (entry.status === "private") return "private";
  if (entry.status === "trash") return "trash";
  if (DRAFT_STATUSES.has(entry.status)) {
    if (!options.drafts) return "draft";
  } else if (entry.status !== "publish") return "status";
  if (entry.hasPassword) return "password";
  if (entry.date === undefined) return "undated";
  if (entry.type === "page" && entry.parent === 0 && options.reserved.includes(`/${entry.slug}/`)) return "reserved";
  return undefined;
}

/**
 * Decides, from the whole index, what each item becomes: an article (posts,
 * and the parts of a dossier), a dossier (a page whose children are posts, or
 * a page under the dossiers' base, /il-punto/, with children), or a page (any other page). Parts
 * are numbered 1, 2, 3… in `wp:menu_order`, then date, then id.
 */
export function planImport(entries: readonly IndexEntry[], options: PlanOptions): Plan {
  const warnings: string[] = [];
  const skipped = new Map<number, SkipReason>();
  const oldPaths = new Map<string, number>();
  const kept: IndexEntry[] = [];
  const indexUrls = new Map<number, string>();
  for (const entry of entries) {
    const reason = skipReason(entry, options);
    if (reason) skipped.set(entry.id, reason);
    else kept.push(entry);
    if (reason === "reserved") indexUrls.set(entry.id, `/${entry.slug}/`);
  }
  // A draft or a trashed copy must not take the old path of the post that is written.
  for (const entry of [...kept, ...entries]) if (entry.oldPath && !oldPaths.has(entry.oldPath)) oldPaths.set(entry.oldPath, entry.id);
  const byId = new Map(kept.map((entry) => [entry.id, entry]));
  const children = new Map<number, IndexEntry[]>();
  for (const entry of kept) {
    if (entry.parent && byId.has(entry.parent)) {
      const list = children.get(entry.parent) ?? [];
      list.push(entry);
      children.set(entry.parent, list);
    }
  }

  const place = options.dossiers;
  const isDossier = (entry: IndexEntry): boolean => {
    const parts = children.get(entry.id);
    if (!place || entry.type !== "page" || !parts) return false;
    const base = `/${place.base}/`;
    const underBase = entry.oldPath.startsWith(base) && entry.oldPath !== base;
    return parts.some((part) => part.type !== "page") || underBase;
  };
  const dossiers = new Set<number>();
  for (const entry of kept) {
    // A dossier inside a dossier would give its parts two addresses: only the outer one counts.
    if (isDossier(entry) && !(byId.get(entry.parent) && isDossier(byId.get(entry.parent) as IndexEntry))) dossiers.add(entry.id);
  }

  const order = new Map<number, number>();
  for (const id of dossiers) {
    const parts = [...(children.get(id) ?? [])].sort(
      (a, b) => a.menuOrder - b.menuOrder || (a.date ?? "").localeCompare(b.date ?? "") || a.id - b.id,
    );
    parts.forEach((part, index) => order.set(part.id, index + 1));
  }

  const planned = new Map<number, Planned>();
  const files = new Map<string, number>();
  const urls = new Map<string, number>();
  // Who keeps a contested slug: dossiers (their parts' URLs hang on it), then items already at that URL, then export order.
  const rank = (entry: IndexEntry): number => (dossiers.has(entry.id) ? 0 : planOne(entry, byId, dossiers, order, place).url === entry.oldPath ? 1 : 2);
  const ranked = kept.map((entry) => ({ entry, rank: rank(entry) })).sort((a, b) => a.rank - b.rank).map(({ entry }) => entry);
  for (const entry of ranked) {
    let item = planOne(entry, byId, dossiers, order, place);
    const holder = urls.get(item.url) ?? files.get(item.file);
    if (holder !== undefined && !dossiers.has(entry.id)) {
      // WordPress's own rule (wp_unique_post_slug): the next free "-2", "-3"…
      for (let n = 2; urls.has(item.url) || files.has(item.file); n++) item = planOne({ ...entry, slug: `${entry.slug}-${n}` }, byId, dossiers, order, place);
      warnings.push(`${item.file}: slug "${entry.slug}" is taken by ${itemLabel(holder)}; ${itemLabel(entry.id)} ("${entry.title}") written with slug "${item.slug}" at ${item.url}`);
    } else if (holder !== undefined) {
      const renamed = item.file.replace(/\.md$/, `-${entry.id}.md`);
      warnings.push(`${item.file}: dossier URL ${item.url} is also the URL of item ${holder}; dossier ${entry.id} written to ${renamed}, rename one slug`);
      item.file = renamed;
    }
    files.set(item.file, entry.id);
    if (!urls.has(item.url)) urls.set(item.url, entry.id);
    if (entry.parent && byId.has(entry.parent) && !dossiers.has(entry.parent) && entry.type !== "page") {
      warnings.push(`${item.file}: child of item ${entry.parent}, which is not a dossier; imported as an ordinary article`);
    }
    planned.set(entry.id, item);
  }
  // An old path that is now another item's URL (or already another's alias) answers with that item, not a redirect.
  const claimed = new Set(urls.keys());
  for (const entry of kept) {
    const item = planned.get(entry.id);
    if (!item) continue;
    item.aliases = item.aliases.filter((alias) => !claimed.has(alias) && Boolean(claimed.add(alias)));
  }
  return { planned, skipped, oldPaths, indexUrls, warnings };
}

function planOne(
  entry: IndexEntry,
  byId: Map<number, IndexEntry>,
  dossiers: Set<number>,
  order: Map<number, number>,
  place: DossierPlace,
): Planned {
  const draft = entry.status !== "publish";
  const year = yearOf(entry.date ?? "");
  const withAlias = (url: string): string[] => (entry.oldPath && entry.oldPath !== url ? [entry.oldPath] : []);
  // Only a site with dossiers has any (isDossier).
  if (place && dossiers.has(entry.id)) {
    const url = `/${place.base}/${entry.slug}/`;
    return { id: entry.id, kind: "dossier", slug: entry.slug, url, file: `${place.folder}/${entry.slug}.md`, draft, aliases: withAlias(url) };
  }
  const dossier = dossiers.has(entry.parent) ? byId.get(entry.parent) : undefined;
  if (place && dossier) {
    const url = `/${place.base}/${dossier.slug}/${entry.slug}/`;
    return {
      id: entry.id, kind: "article", slug: entry.slug, url, file: `${year}/${entry.slug}.md`, draft,
      dossier: dossier.slug, order: order.get(entry.id) ?? 1, aliases: withAlias(url),
    };
  }
  if (entry.type === "page") {
    const flat = `/${entry.slug}/`;
    // A sub-page keeps its nested WordPress path: two sub-pages may share a slug.
    const nested = entry.parent !== 0 && entry.oldPath.endsWith(`/${entry.slug}/`) && entry.oldPath !== flat;
    const url = nested ? entry.oldPath : flat;
    const file = `pagine${url.replace(/\/$/, "")}.md`;
    return { id: entry.id, kind: "page", slug: entry.slug, url, file, draft, ...(nested ? { permalink: url } : {}), aliases: withAlias(url) };
  }
  const url = `/${entry.slug}/`;
  return { id: entry.id, kind: "article", slug: entry.slug, url, file: `${year}/${entry.slug}.md`, draft, aliases: withAlias(url) };
}
