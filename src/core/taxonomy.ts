/** A taxonomy is data: which field holds its terms, where its archives live, what they are called. */
export interface Taxonomy {
  /** Key used in site data, intersections and templates, e.g. "tag". */
  key: string;
  /** Front-matter field holding the terms (string or list), e.g. "tags". */
  field: string;
  /** URL segment of its archives: "tag" → /tag/<slug>/. */
  base: string;
  /** Heading of a term's archive; `{name}` is the term's display name. */
  heading: string;
  /** Heading when the taxonomy is the second of an intersection (shown under the first term's name). */
  intersectionHeading: string;
  /** Feed title; `{site}` and `{name}` are filled. */
  feedTitle: string;
  /** Title of the index page listing every term (/tag/). */
  indexTitle: string;
  /** Short label used in breadcrumbs and term lists on cards. */
  label: string;
  /** When true, only terms named in site data may be used; others are an error. */
  closed: boolean;
  /** When true, the term is shown as the article's kicker and breadcrumb (areas). */
  primary: boolean;
  /** WordPress taxonomies the importer maps to this one ("post_tag"; "author" for post authors). */
  wordpress: string[];
}

/** Term data from site data: display name, slug override, description, bio. */
export interface TermData {
  name?: string;
  slug?: string;
  description?: string;
  bio?: string;
}

/** taxonomy key → term name as written → data. */
export type TermDataTable = Record<string, Record<string, TermData>>;
