import { slugify } from "../core/slug.ts";
import type { ImportReport } from "./report.ts";
import type { TaxonomyMap } from "./taxonomy-map.ts";

const NEW_BASE: Record<string, string> = { tag: "tag", area: "area", section: "sezione" };

/**
 * WordPress archive bases that differ from Editoriale's: categories were
 * under /category/, authors under /author/<login>/. These cannot be said in
 * terms.json, so the report gives the `_redirects` lines.
 */
export interface TermRedirects {
  /** Terms WordPress nested under a parent (`/category/parent/child/`). */
  nested: ReadonlyArray<{ domain: string; chain: readonly string[] }>;
  /** Same-name terms whose second slug terms.json cannot keep. */
  lost: ReadonlyArray<{ domain: string; lost: string; kept: string }>;
}

export function archiveRedirects(
  map: TaxonomyMap,
  domains: readonly string[],
  authors: ImportReport["authors"],
  terms: TermRedirects = { nested: [], lost: [] },
): string[] {
  const lines: string[] = [];
  const bases = (domain: string): { oldBase: string; newBase: string } | undefined => {
    const key = map[domain];
    if (!key) return undefined;
    return { oldBase: domain === "post_tag" ? "tag" : domain, newBase: NEW_BASE[key] ?? key };
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
  for (const author of authors) {
    const oldSlug = slugify(author.login);
    lines.push(`/author/${oldSlug}/*  /autori/${slugify(author.name)}/:splat  301`);
  }
  return lines;
}
