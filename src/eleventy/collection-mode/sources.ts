import type { ModelSource } from "../../core/site-model.ts";
import type { Taxonomy } from "../../core/taxonomy.ts";
import { isSlugText } from "../../core/schema.ts";
import { percentDecoded } from "../../core/percent-decode.ts";

/** What Editoriale reads of an item of an Eleventy collection (`collectionApi.getFilteredByTag`). */
export interface CollectionItem {
  inputPath: string;
  /** Eleventy's `url` of the page; false for a template with `permalink: false`. */
  url: string | false;
  date: Date;
  /** The template's body before rendering (Eleventy 3); the fallback excerpt is read from it. */
  rawInput?: unknown;
  data: Record<string, unknown>;
  /** Rendered body, without layout; read only while feeds are rendered. */
  templateContent?: unknown;
}

/** Tags that name collections rather than subjects: never archives. */
export function collectionTags(collection: string): Set<string> {
  return new Set(["all", "posts", collection]);
}

/**
 * Collection items as the site model's sources. Only the fields Editoriale
 * knows are handed over (title, the item's `date`, the taxonomy fields, excerpt,
 * updated, rubric, sticky, and a migrated post's aliases and wp_id): the rest of an Eleventy post's data (layout, permalink,
 * eleventyComputed, the site's own `image`…) means something else there and is
 * not checked against our article schema. The excerpt is `excerpt`, else
 * `description`, else (readArticle) the first paragraph of the raw input with
 * template tags (`{% … %}`, `{{ … }}`, `{# … #}`) taken out. A page without a
 * URL (`permalink: false`) has nothing to link to and is left out.
 */
export function collectionSources(items: readonly CollectionItem[], taxonomies: readonly Taxonomy[], collection: string): ModelSource[] {
  const hidden = collectionTags(collection);
  const sources: ModelSource[] = [];
  for (const item of items) {
    if (typeof item.url !== "string") continue;
    const data: Record<string, unknown> = { title: item.data.title, date: item.date };
    const excerpt = firstText(item.data.excerpt, item.data.description);
    if (excerpt !== undefined) data.excerpt = excerpt;
    for (const key of ["updated", "rubric", "sticky", "aliases", "wp_id"] as const) if (item.data[key] !== undefined) data[key] = item.data[key];
    for (const taxonomy of taxonomies) {
      const value = item.data[taxonomy.field];
      if (value === undefined) continue;
      data[taxonomy.field] = taxonomy.field === "tags" ? withoutCollectionTags(value, hidden) : value;
    }
    // The slug is the last segment of Eleventy's URL (the title's slug may differ, or be empty).
    const segment = percentDecoded(item.url.split("/").filter(Boolean).pop() ?? "");
    if (segment && isSlugText(segment)) data.slug = segment;
    sources.push({ kind: "article", file: item.inputPath, url: item.url, data, markdown: withoutTemplateTags(typeof item.rawInput === "string" ? item.rawInput : "") });
  }
  return sources;
}

function firstText(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === "string" && v.trim() !== "");
}

function withoutCollectionTags(value: unknown, hidden: ReadonlySet<string>): unknown {
  if (typeof value === "string") return hidden.has(value) ? undefined : value;
  return Array.isArray(value) ? value.filter((tag) => !(typeof tag === "string" && hidden.has(tag))) : value;
}


/** Nunjucks/Liquid tags, outputs and comments: their source is not the writer's text. */
function withoutTemplateTags(raw: string): string {
  return raw.replace(/\{%-?[\s\S]*?-?%\}|\{\{-?[\s\S]*?-?\}\}|\{#[\s\S]*?#\}/g, "");
}
