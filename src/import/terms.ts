import { slugify } from "../core/slug.ts";
import { decodeEntities, htmlToText } from "./entities.ts";
import { inReportOrder, type TaxonomyTable } from "./taxonomy-map.ts";
import type { WxrItemTerm, WxrTerm } from "./wxr-types.ts";
import { percentDecoded } from "../core/percent-decode.ts";

/** One entry of `_data/terms.json` (docs/content-model.md). */
export interface TermEntry {
  slug?: string;
  description?: string;
  bio?: string;
}

export type TermsData = Record<string, Record<string, TermEntry>>;

interface Known {
  name: string;
  slug: string;
  description: string;
}

export interface LostSlug {
  /** The site's taxonomy key. */
  key: string;
  domain: string;
  name: string;
  lost: string;
  kept: string;
}

interface Used {
  name: string;
  slug: string;
  domain: string;
  posts: number;
}

function decodeSlug(slug: string): string {
  return percentDecoded(slug).normalize("NFC");
}

/**
 * The terms of the export as Editoriale sees them: each WordPress taxonomy
 * mapped to a taxonomy key, each term keyed by the name articles write, with
 * the WordPress slug kept when our slug rule would give another one.
 */
export class TermIndex {
  private readonly known = new Map<string, Known>();
  /** By taxonomy key. */
  private readonly used = new Map<string, Map<string, Used>>();
  private readonly unmapped = new Map<string, { terms: Set<string>; posts: number }>();
  private readonly conflicts = new Set<string>();
  private readonly domainsUsed = new Set<string>();
  /** "taxonomy\0slug" → the parent's slug, for hierarchical taxonomies. */
  private readonly parents = new Map<string, string>();
  private readonly lost: LostSlug[] = [];

  constructor(private readonly table: TaxonomyTable) {}

  /** A channel-level term: its name, slug and description, whether used or not. */
  addKnown(term: WxrTerm): void {
    const slug = decodeSlug(term.slug);
    this.known.set(`${term.taxonomy}\u0000${slug}`, {
      name: decodeEntities(term.name).trim(),
      slug,
      description: htmlToText(term.description),
    });
    if (term.parentSlug) this.parents.set(`${term.taxonomy}\u0000${slug}`, decodeSlug(term.parentSlug));
  }

  /** The terms of one written item, as front-matter values by taxonomy key. */
  addItem(terms: readonly WxrItemTerm[]): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const unmappedHere = new Set<string>();
    for (const term of terms) {
      const slug = decodeSlug(term.nicename);
      const name = decodeEntities(term.name).trim() || this.known.get(`${term.domain}\u0000${slug}`)?.name || "";
      if (!name) continue;
      const taxonomy = this.table.byDomain.get(term.domain);
      if (taxonomy === null) continue;
      if (taxonomy === undefined) {
        const entry = this.unmapped.get(term.domain) ?? { terms: new Set<string>(), posts: 0 };
        entry.terms.add(name);
        if (!unmappedHere.has(term.domain)) entry.posts++;
        unmappedHere.add(term.domain);
        this.unmapped.set(term.domain, entry);
        continue;
      }
      this.domainsUsed.add(term.domain);
      const key = taxonomy.key;
      const names = (out[key] ??= []);
      if (!names.includes(name)) names.push(name);
      const byName = this.used.get(key) ?? new Map<string, Used>();
      this.used.set(key, byName);
      const seen = byName.get(name);
      if (!seen) byName.set(name, { name, slug, domain: term.domain, posts: 1 });
      else {
        seen.posts++;
        if (seen.slug !== slug && !this.lost.some((l) => l.domain === term.domain && l.lost === slug)) {
          this.lost.push({ key, domain: term.domain, name, lost: slug, kept: seen.slug });
          this.conflicts.add(
            `${key} "${name}": WordPress has two slugs for it (${seen.domain} "${seen.slug}", ${term.domain} "${slug}"); terms.json keeps "${seen.slug}", the report gives the redirect for the other`,
          );
        }
      }
    }
    return out;
  }

  /** Terms that WordPress spelled with two slugs, one of which is lost. */
  warnings(): string[] {
    return [...this.conflicts];
  }

  /** Slugs of same-name terms that terms.json cannot keep: their old archives redirect to the kept one. */
  lostSlugs(): readonly LostSlug[] {
    return this.lost;
  }

  /**
   * Used terms that have a parent: WordPress nested their archive
   * (`/category/parent/child/`), Editoriale's is flat. Each gives the chain of
   * slugs from the root, ending with its own.
   */
  nestedTerms(): Array<{ domain: string; chain: string[] }> {
    const out: Array<{ domain: string; chain: string[] }> = [];
    for (const byName of this.used.values()) {
      for (const used of byName.values()) {
        const chain = [used.slug];
        for (let parent = this.parents.get(`${used.domain}\u0000${used.slug}`); parent && chain.length < 20; parent = this.parents.get(`${used.domain}\u0000${parent}`)) {
          chain.unshift(parent);
        }
        if (chain.length > 1) out.push({ domain: used.domain, chain });
      }
    }
    return out;
  }

  /** WordPress taxonomies, mapped to one of ours, that written items use. */
  domains(): string[] {
    return [...this.domainsUsed];
  }

  /** Number of distinct terms used, by taxonomy key. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, byName] of this.inOrder()) out[key] = byName.size;
    return out;
  }

  private inOrder(): Array<[string, Map<string, Used>]> {
    return inReportOrder(this.table).flatMap((t): Array<[string, Map<string, Used>]> => {
      const byName = this.used.get(t.key);
      return byName ? [[t.key, byName]] : [];
    });
  }

  /** WordPress taxonomies found on written items that no taxonomy of the site takes. */
  unmappedTaxonomies(): Array<{ domain: string; terms: number; posts: number }> {
    return [...this.unmapped].map(([domain, entry]) => ({ domain, terms: entry.terms.size, posts: entry.posts }));
  }

  /** Site data for the used terms: slug when it differs from slugify(name), description when there is one. */
  data(): TermsData {
    const out: TermsData = {};
    for (const [key, byName] of this.inOrder()) {
      for (const used of [...byName.values()].sort((a, b) => compareNames(a.name, b.name))) {
        const entry: TermEntry = {};
        if (used.slug && used.slug !== slugify(used.name)) entry.slug = used.slug;
        const description = this.known.get(`${used.domain}\u0000${used.slug}`)?.description;
        if (description) entry.description = description;
        if (Object.keys(entry).length > 0) (out[key] ??= {})[used.name] = entry;
      }
    }
    return out;
  }
}

const collator = new Intl.Collator("it", { sensitivity: "variant" });

function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
