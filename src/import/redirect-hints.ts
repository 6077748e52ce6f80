import { slugify } from "../core/slug.ts";
import type { ImportReport } from "./report.ts";
import type { TaxonomyTable } from "./taxonomy-map.ts";

/** WordPress's own archive bases (its default permalinks): tags under /tag/, any other taxonomy under its name (/category/, /area/). */
const WORDPRESS_BASES: Readonly<Record<string, string>> = { post_tag: "tag" };

/** WordPress's author archives: /author/<login>/. */
const WORDPRESS_AUTHOR_BASE = "author";

/**
 * WordPress archive bases that differ from the site's: categories were
 * under /category/, authors under /author/<login>/. These cannot be said in
 * terms.json, so the report gives the `_redirects` lines.
 */
export interface TermRedirects {
  /** Terms WordPress nested under a parent (`/category/parent/child/`). */
  nested: ReadonlyArray<{ domain: string; chain: readonly string[] }>;
  /** Same-name terms whose second slug terms.json cannot keep. */
  lost: ReadonlyArray<{ domain: string; lost: string; kept: string }>;
}

/** The `_redirects` lines from WordPress's archive URLs to the archives of the taxonomies that took their terms (each its `base`). */
export function archiveRedirects(
  table: TaxonomyTable,
  domains: readonly string[],
  authors: ImportReport["authors"],
  terms: TermRedirects = { nested: [], lost: [] },
): string[] {
  const lines: string[] = [];
  const bases = (domain: string): { oldBase: string; newBase: string } | undefined => {
    const taxonomy = table.byDomain.get(domain);
    if (!taxonomy) return undefined;
    return { oldBase: WORDPRESS_BASES[domain] ?? domain, newBase: taxonomy.base };
  };
  // Specific lines first: on Netlify the first rule that matches wins.
  for (const { domain, chain } of terms.nested) {
    const base = bases(domain);
    if (base) lines.push(`/${base.oldBase}/${chain.join("/")}/*  /${base.newBase}/${chain[chain.length - 1]}/:splat  301`);
  }
  for (const { domain, lost, kept } of terms.lost) {
    const base = bases(domain);
    if (base) lines.push(`/${base.oldBase}/${lost}/*  /${base.newBase}/${kept}/:splat  301`);
  }
  for (const domain of domains) {
    const base = bases(domain);
    if (base && base.oldBase !== base.newBase) lines.push(`/${base.oldBase}/*  /${base.newBase}/:splat  301`);
  }
  const byline = table.authors;
  if (byline) {
    for (const author of authors) {
      const [from, to] = [`/${WORDPRESS_AUTHOR_BASE}/${slugify(author.login)}/`, `/${byline.base}/${slugify(author.name)}/`];
      // An English site's /author/admin/ may already be WordPress's address: a redirect to itself would loop.
      if (from !== to) lines.push(`${from}*  ${to}:splat  301`);
    }
  }
  return lines;
}
