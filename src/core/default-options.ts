import type { Taxonomy } from "./taxonomy.ts";

/**
 * What a site gets when it says nothing: Welforum's four taxonomies, their
 * roles and the dossiers, in the site's language. The only place in Editoriale
 * where taxonomy keys are written: everything else reads `options.roles`.
 */

/** Taxonomy keys by role, as options name them. */
export interface RoleKeys {
  byline: string | null;
  label: string | null;
  categories: string[];
  article: string[];
  footer: string[];
  related: string[];
}

/** What a default taxonomy says in a language: its URL base and its words. */
type TaxonomyWords = Pick<Taxonomy, "base" | "heading" | "intersectionHeading" | "feedTitle" | "indexTitle" | "label">;

const ITALIAN: Record<"area" | "section" | "tag" | "author", TaxonomyWords> = {
  area: { base: "area", heading: "{name}", intersectionHeading: "{name}", feedTitle: "{site} » {name} Feed dell’area", indexTitle: "Aree tematiche", label: "Area" },
  section: { base: "sezione", heading: "Sezione “{name}”", intersectionHeading: "Post nella sezione “{name}”", feedTitle: "{site} » {name} Feed della sezione", indexTitle: "Sezioni", label: "Sezione" },
  tag: { base: "tag", heading: "Post con tag “{name}”", intersectionHeading: "Post con tag “{name}”", feedTitle: "{site} » {name} Feed del tag", indexTitle: "Tag", label: "Tag" },
  author: { base: "autori", heading: "Autore: {name}", intersectionHeading: "Autore: {name}", feedTitle: "{site} » Articoli di {name} Feed", indexTitle: "Autori", label: "Autore" },
};

const ENGLISH: typeof ITALIAN = {
  area: { base: "area", heading: "{name}", intersectionHeading: "{name}", feedTitle: "{site} » {name} Topic feed", indexTitle: "Topics", label: "Topic" },
  section: { base: "section", heading: "Section “{name}”", intersectionHeading: "Posts in the section “{name}”", feedTitle: "{site} » {name} Section feed", indexTitle: "Sections", label: "Section" },
  tag: { base: "tag", heading: "Posts tagged “{name}”", intersectionHeading: "Posts tagged “{name}”", feedTitle: "{site} » {name} Tag feed", indexTitle: "Tags", label: "Tag" },
  author: { base: "author", heading: "Author: {name}", intersectionHeading: "Author: {name}", feedTitle: "{site} » Articles by {name} Feed", indexTitle: "Authors", label: "Author" },
};

const FIELDS = { area: "area", section: "section", tag: "tags", author: "authors" } as const;
/** Where a WordPress export's terms go: tags, categories, Welforum's custom "area" taxonomy, post authors. */
const WORDPRESS = { area: ["area", "aree"], section: ["category", "sezione", "sezioni", "section"], tag: ["post_tag"], author: ["author"] } as const;

/** The four default taxonomies with their words in a language (Italian, else English). */
export function defaultTaxonomiesFor(language: string): Taxonomy[] {
  const words = language === "it" ? ITALIAN : ENGLISH;
  return (["area", "section", "tag", "author"] as const).map((key) => ({
    key, field: FIELDS[key], ...words[key], closed: false, primary: key === defaultRoles.label, wordpress: [...WORDPRESS[key]],
  }));
}

export const defaultRoles: RoleKeys = {
  byline: "author",
  label: "area",
  categories: ["area", "section", "tag"],
  article: ["section", "tag"],
  footer: ["section"],
  related: ["tag", "area"],
};

export const defaultIntersections: Array<[string, string]> = [
  ["area", "section"],
  ["area", "tag"],
];

/**
 * Roles for a site's own taxonomies, around the byline and label it names (if
 * any): the label is the named one, else the one marked `primary`; the byline
 * only if named. Every taxonomy but the byline is a feed category, every one
 * but the byline and the label is listed on the article, the first of them
 * scoring related articles: naming `byline: "firme"` alone must not make the
 * authors feed categories and article terms too.
 */
export function derivedRoles(taxonomies: readonly Taxonomy[], named: { byline?: string | null; label?: string | null } = {}): RoleKeys {
  const label = named.label !== undefined ? named.label : taxonomies.find((t) => t.primary)?.key ?? null;
  const byline = named.byline ?? null;
  const listed = taxonomies.map((t) => t.key).filter((key) => key !== byline);
  const others = listed.filter((key) => key !== label);
  return {
    byline,
    label,
    categories: listed,
    article: others,
    footer: [],
    related: [...others.slice(0, 1), ...(label ? [label] : [])],
  };
}

/** Dossiers' defaults: Welforum's "Il Punto" in Italian; "Dossiers" otherwise. */
export function defaultDossiers(language: string) {
  return language === "it"
    ? { folder: "il-punto", base: "il-punto", title: "Il Punto di Welforum", rubric: "Il Punto di Welforum", feedTitle: "{site} » {name} Feed del dossier" }
    : { folder: "dossiers", base: "dossiers", title: "Dossiers", rubric: "Dossier", feedTitle: "{site} » {name} Dossier feed" };
}
