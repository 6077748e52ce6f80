import { slugify } from "../core/slug.ts";
import type { ImportReport } from "./report.ts";
import type { TaxonomyMap } from "./taxonomy-map.ts";

const NEW_BASE: Record<string, string> = { tag: "tag", area: "area", section: "sezione" };

/**
 * WordPress archive bases that differ from Editoriale's: categories were
 * under /category/, authors under /author/<login>/. These cannot be said in
 * terms.json, so the report gives the `_redirects` lines.
 */
export function archiveRedirects(map: TaxonomyMap, domains: readonly string[], authors: ImportReport["authors"]): string[] {
  const lines: string[] = [];
  for (const domain of domains) {
    const key = map[domain];
    if (!key) continue;
    const oldBase = domain === "post_tag" ? "tag" : domain;
    const newBase = NEW_BASE[key] ?? key;
    if (oldBase !== newBase) lines.push(`/${oldBase}/*  /${newBase}/:splat  301`);
  }
  for (const author of authors) {
    const oldSlug = slugify(author.login);
    lines.push(`/author/${oldSlug}/*  /autori/${slugify(author.name)}/:splat  301`);
  }
  return lines;
}
