import type { Article, SourceFile } from "./article.ts";
import { check, dossierSchema } from "./schema.ts";
import type { Problem } from "./errors.ts";
import { firstParagraph } from "./excerpt.ts";
import { slugify, slugTextProblem } from "./slug.ts";
import type { MarkdownRenderer } from "./markdown.ts";
import { percentDecoded } from "./percent-decode.ts";

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
  const slug = source.file.replace(/\\/g, "/").split("/").pop()?.replace(/\.md$/, "") ?? "";
  const nameProblem = dossierNameProblem(source.file, slug, base);
  if (nameProblem) problems.push(nameProblem);
  if (!value || nameProblem) return { dossier: undefined, problems };
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

/**
 * A dossier's file name is its slug, and so its address (`/il-punto/<file name>/`): a name with `?`,
 * `#`, `%`, spaces, a line break or capitals would give an address that breaks or that nobody can type.
 */
function dossierNameProblem(file: string, name: string, base: string): Problem | undefined {
  const reason = slugTextProblem(name);
  if (reason === undefined) return undefined;
  const better = slugify(percentDecoded(name));
  return {
    code: "DOSSIER_NAME_INVALID",
    file,
    field: "(file name)",
    message: `the file name of a dossier is its address (/${base}/<file name>/), and ${reason.replace(/^is /, "it is ")}`,
    fix: better
      ? `rename the file to ${better}.md (and write dossier: ${better} in its articles)`
      : "rename the file with lower-case letters, digits and dashes, e.g. coprogettazione-e-non-solo.md",
  };
}

/** `%2e%2e` and `%20` are what the editor meant as `..` and a space: the suggested name is made from that. */

/** The editor's order: `order` first (articles without one come last), then oldest first. */
export function byDossierOrder(a: Article, b: Article): number {
  const ao = a.order ?? Number.MAX_SAFE_INTEGER;
  const bo = b.order ?? Number.MAX_SAFE_INTEGER;
  return ao - bo || a.date.getTime() - b.date.getTime();
}
