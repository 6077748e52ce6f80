import type { Article } from "./article.ts";
import type { Problem } from "./errors.ts";
import { slugify } from "./slug.ts";
import { termKey as foldName } from "./term-key.ts";
import type { Taxonomy, TermData, TermDataTable } from "./taxonomy.ts";

export interface Term {
  taxonomy: Taxonomy;
  /** termKey of the name: the term's identity. */
  key: string;
  /** The spelling kept: the one in site data, else the most used. */
  name: string;
  slug: string;
  url: string;
  description: string | undefined;
  bio: string | undefined;
  /** Newest first. */
  articles: Article[];
}

export interface TermIndex {
  /** taxonomy key → term key → term. */
  terms: Map<string, Map<string, Term>>;
  /** One line per folded set of spellings: "tag “Terzo settore”: also written “Terzo Settore” (1)". */
  notices: string[];
  problems: Problem[];
}

interface Group {
  key: string;
  spellings: Map<string, number>;
  articles: Article[];
}

/**
 * Builds every taxonomy's term → articles index in one pass over the articles
 * (which must come newest first), folds spellings of one term, applies site
 * data, and reports empty slugs, URL collisions and unknown terms.
 * Also fills `article.terms`.
 */
export function buildTermIndex(
  articles: readonly Article[],
  taxonomies: readonly Taxonomy[],
  termData: TermDataTable,
): TermIndex {
  const index: TermIndex = { terms: new Map(), notices: [], problems: [] };
  // A site writes a few hundred names tens of thousands of times: each is folded once.
  const keys = new Map<string, string>();
  const termKey = (name: string): string => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = foldName(name)));
    return key;
  };
  for (const taxonomy of taxonomies) {
    const groups = new Map<string, Group>();
    for (const article of articles) {
      for (const name of article.names[taxonomy.key] ?? []) {
        const key = termKey(name);
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { key, spellings: new Map(), articles: [] }));
        group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1);
        if (group.articles[group.articles.length - 1] !== article) group.articles.push(article);
      }
    }
    index.terms.set(taxonomy.key, resolveTerms(taxonomy, groups, termData[taxonomy.key] ?? {}, index));
  }
  for (const article of articles) {
    for (const taxonomy of taxonomies) {
      const terms = index.terms.get(taxonomy.key);
      const resolved: Term[] = [];
      for (const name of article.names[taxonomy.key] ?? []) {
        const term = terms?.get(termKey(name));
        if (term && !resolved.includes(term)) resolved.push(term);
      }
      article.terms[taxonomy.key] = resolved;
    }
  }
  return index;
}

function resolveTerms(
  taxonomy: Taxonomy,
  groups: Map<string, Group>,
  data: Record<string, TermData>,
  index: TermIndex,
): Map<string, Term> {
  const dataByKey = new Map<string, { name: string; entry: TermData }>();
  for (const [name, entry] of Object.entries(data)) dataByKey.set(foldName(name), { name, entry });

  const terms = new Map<string, Term>();
  const bySlug = new Map<string, Term>();
  for (const group of groups.values()) {
    const known = dataByKey.get(group.key);
    const spellings = [...group.spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const mostUsed = spellings[0]?.[0] ?? group.key;
    const name = known ? known.entry.name ?? known.name : mostUsed;
    if (taxonomy.closed && !known) {
      for (const article of group.articles) {
        index.problems.push({
          code: "TERM_UNKNOWN",
          file: article.file,
          field: taxonomy.field,
          message: `“${mostUsed}” is not one of the site's ${taxonomy.indexTitle.toLowerCase()}`,
          fix: `use one of: ${Object.keys(data).join(", ") || "(none listed)"}; or add “${mostUsed}” under "${taxonomy.key}" in _data/terms.json`,
        });
      }
      continue;
    }
    if (spellings.length > 1) {
      const others = spellings.filter(([s]) => s !== name).map(([s, n]) => `“${s}” (${n})`);
      index.notices.push(`${taxonomy.key} “${name}”: also written ${others.join(", ")}; kept “${name}”`);
    }
    const slug = known?.entry.slug ?? slugify(name);
    if (!slug) {
      for (const article of group.articles) {
        index.problems.push({
          code: "TERM_SLUG_EMPTY",
          file: article.file,
          field: taxonomy.field,
          message: `“${name}” gives no letters or digits for its URL`,
          fix: `rename the term, or give it a slug in _data/terms.json: { "${taxonomy.key}": { "${name}": { "slug": "…" } } }`,
        });
      }
      continue;
    }
    const term: Term = {
      taxonomy,
      key: group.key,
      name,
      slug,
      url: `/${taxonomy.base}/${slug}/`,
      description: known?.entry.description,
      bio: known?.entry.bio,
      articles: group.articles,
    };
    const rival = bySlug.get(slug);
    if (rival) {
      index.problems.push({
        code: "TERM_COLLISION",
        file: group.articles[0]?.file ?? "_data/terms.json",
        field: taxonomy.field,
        message: `${taxonomy.key} “${name}” and “${rival.name}” (in ${rival.articles[0]?.file}) would both be written to ${term.url}`,
        fix: `give one of them another slug in _data/terms.json: { "${taxonomy.key}": { "${name}": { "slug": "…" } } }`,
      });
      continue;
    }
    bySlug.set(slug, term);
    terms.set(group.key, term);
  }
  return terms;
}
