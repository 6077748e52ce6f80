/** Editoriale's taxonomies, by key (see docs/content-model.md). */
export type TaxonomyKey = "tag" | "area" | "section" | "author";

/** The front-matter field each taxonomy is written in. */
export const TAXONOMY_FIELD: Record<Exclude<TaxonomyKey, "author">, "tags" | "area" | "section"> = {
  tag: "tags",
  area: "area",
  section: "section",
};

/**
 * WordPress taxonomy (the `domain` of an item's `<category>`) → Editoriale
 * taxonomy key, or `null` for a WordPress taxonomy that is deliberately
 * dropped without a warning. A domain missing from the table is dropped with
 * a warning that names it.
 */
export type TaxonomyMap = Record<string, Exclude<TaxonomyKey, "author"> | null>;

export const defaultTaxonomyMap = {
  post_tag: "tag",
  category: "section",
  area: "area",
  aree: "area",
  sezione: "section",
  sezioni: "section",
  section: "section",
  // WordPress internals that carry no editorial meaning.
  post_format: null,
  nav_menu: null,
  link_category: null,
  wp_theme: null,
  wp_template_part_area: null,
  wp_pattern_category: null,
} satisfies TaxonomyMap;

/** Parses `domain=key` pairs given on the command line (`--map rubrica=tag`, `--map post_format=`). */
export function parseTaxonomyMapping(pair: string): [string, Exclude<TaxonomyKey, "author"> | null] {
  const match = /^([^=\s]+)=(tag|area|section|)$/.exec(pair.trim());
  if (!match) throw new Error(`--map ${pair}: expected DOMAIN=tag, DOMAIN=area, DOMAIN=section or DOMAIN= (to drop it)`);
  const [, domain = "", key = ""] = match;
  return [domain, key === "" ? null : (key as Exclude<TaxonomyKey, "author">)];
}
