import { closestName } from "../core/closest-name.ts";
import type { Roles } from "../core/options.ts";
import type { Taxonomy } from "../core/taxonomy.ts";
import { ImportError } from "./errors.ts";

/**
 * Where each WordPress taxonomy's terms go, read from the site's options
 * (each taxonomy's `wordpress` list, src/core/default-options.ts for a site
 * that declares none) and overridden on the command line (`--map DOMAIN=KEY`).
 * The importer writes no taxonomy key of its own.
 */

/** The name options use, in a taxonomy's `wordpress` list, for the post's author (`dc:creator`), which WordPress keeps outside its taxonomies. */
export const POST_AUTHOR = "author";

/** WordPress's flat taxonomy: a post has many tags, so they are written as a list even when there is one. */
const WORDPRESS_TAGS = "post_tag";

/** WordPress internals that carry no editorial meaning: dropped without a warning unless a taxonomy asks for them. */
const WORDPRESS_INTERNALS = ["post_format", "nav_menu", "link_category", "wp_theme", "wp_template_part_area", "wp_pattern_category"];

/** `--map` pairs: WordPress taxonomy (or `author`) → a taxonomy key of the site, or `null` to drop it quietly. */
export type TaxonomyMap = Record<string, string | null>;

export interface TaxonomyTable {
  /** WordPress taxonomy → the site's taxonomy, or `null` (dropped quietly); a domain not here is dropped with a warning. */
  byDomain: ReadonlyMap<string, Taxonomy | null>;
  /** The taxonomy whose field receives the post's author, always as a list; none: no byline is written. */
  authors: Taxonomy | undefined;
  /** Taxonomies that place a post (areas, sections): a text when it has one term, a list when several; in the site's order. */
  placing: readonly Taxonomy[];
  /** Taxonomies of many terms a post (those taking WordPress's tags): always a list; in the site's order. */
  keywords: readonly Taxonomy[];
}

/** The site's table: each taxonomy takes the WordPress taxonomies its `wordpress` names; the overrides win. */
export function taxonomyTable(taxonomies: readonly Taxonomy[], roles: Pick<Roles, "byline">, overrides: TaxonomyMap = {}): TaxonomyTable {
  const byKey = new Map(taxonomies.map((t) => [t.key, t]));
  const byDomain = new Map<string, Taxonomy | null>(WORDPRESS_INTERNALS.map((domain) => [domain, null]));
  let authors: Taxonomy | undefined;
  for (const taxonomy of taxonomies) {
    for (const domain of taxonomy.wordpress) {
      if (domain === POST_AUTHOR) authors ??= taxonomy;
      else if (!byDomain.get(domain)) byDomain.set(domain, taxonomy);
    }
  }
  // A site that names its byline but gives it no `wordpress: ["author"]` still gets its bylines.
  authors ??= roles.byline;
  for (const [domain, key] of Object.entries(overrides)) {
    const taxonomy = key === null ? null : byKey.get(key);
    if (taxonomy === undefined) throw unknownTaxonomy(domain, key ?? "", [...byKey.keys()]);
    if (domain === POST_AUTHOR) authors = taxonomy ?? undefined;
    else byDomain.set(domain, taxonomy);
  }
  const tags = byDomain.get(WORDPRESS_TAGS);
  return {
    byDomain,
    authors,
    placing: taxonomies.filter((t) => t !== authors && t !== tags),
    keywords: taxonomies.filter((t) => t !== authors && t === tags),
  };
}

/**
 * The taxonomies in the order terms.json and the report list them: keywords, the placing ones, the byline's; each
 * group in the site's order. For the default options that is tag, area, section: the order the importer has always
 * written, so that upgrading does not reorder a new site's terms.json.
 */
export function inReportOrder(table: TaxonomyTable): Taxonomy[] {
  return [...table.keywords, ...table.placing, ...(table.authors ? [table.authors] : [])];
}

/** The keys a `--map` may name for a term taxonomy, as the report suggests them: "tag|area|section" by default. */
export function mapTargets(table: TaxonomyTable): string {
  return [...table.keywords, ...table.placing].map((t) => t.key).join("|");
}

/** Parses one `--map DOMAIN=KEY` (`--map rubrica=argomento`; `--map post_format=` drops it); the key is checked against the site's taxonomies later. */
export function parseTaxonomyMapping(pair: string): [string, string | null] {
  const match = /^([^=\s]+)=([a-z][a-z0-9_]*|)$/.exec(pair.trim());
  if (!match) throw new Error(`--map ${pair}: expected DOMAIN=KEY, KEY being one of the site's taxonomies, or DOMAIN= (to drop it)`);
  const [, domain = "", key = ""] = match;
  return [domain, key === "" ? null : key];
}

function unknownTaxonomy(domain: string, key: string, keys: readonly string[]): ImportError {
  const closest = closestName(key, keys);
  return new ImportError(
    `--map ${domain}=${key}`,
    `the site has no taxonomy "${key}" (its taxonomies: ${keys.join(", ")})${closest ? `. Did you mean ${closest}?` : "."} ` +
      `Fix: --map ${domain}=KEY with one of them, --map ${domain}= to drop it, or declare the taxonomy in the site's editoriale.json`,
  );
}
