import type { Article, SourceFile } from "./article.ts";
import { check, dossierSchema } from "./schema.ts";
import type { Problem } from "./errors.ts";
import { firstParagraph } from "./excerpt.ts";
import type { MarkdownRenderer } from "./markdown.ts";

/** A dossier ("Il Punto di Welforum"): a curated, ordered series of articles. */
export interface Dossier {
  file: string;
  slug: string;
  url: string;
  title: string;
  date: Date;
  curators: string[];
  excerpt: string;
  /** The presentation, Markdown. */
  markdown: string;
  /** In the editor's order (`order`, then date). */
  parts: Article[];
}

export function readDossier(
  source: SourceFile,
  base: string,
  md: MarkdownRenderer,
): { dossier: Dossier | undefined; problems: Problem[] } {
  const { value, problems } = check(dossierSchema, source.data, source.file);
  if (!value) return { dossier: undefined, problems };
  const slug = source.file.replace(/\\/g, "/").split("/").pop()?.replace(/\.md$/, "") ?? "";
  return {
    dossier: {
      file: source.file,
      slug,
      url: `/${base}/${slug}/`,
      title: value.title,
      date: value.date,
      curators: value.curator ?? [],
      excerpt: value.excerpt || firstParagraph(md, source.markdown),
      markdown: source.markdown,
      parts: [],
    },
    problems,
  };
}

/** The editor's order: `order` first (articles without one come last), then oldest first. */
export function byDossierOrder(a: Article, b: Article): number {
  const ao = a.order ?? Number.MAX_SAFE_INTEGER;
  const bo = b.order ?? Number.MAX_SAFE_INTEGER;
  return ao - bo || a.date.getTime() - b.date.getTime();
}
