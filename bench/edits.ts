/**
 * The edits the benches make to a generated corpus, the way an editor saves
 * them: a paragraph added to an article's body; a new title and an added tag on
 * another. Shared by bench/run.ts (warm builds in a new process, with the
 * build cache) and bench/rebuild.ts (`npm start`).
 */
import { basename, join } from "node:path";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

/** Articles of the corpus that are no dossier part, oldest year first: their files and URLs (the generator names a file by its slug). */
export function plainArticles(content: string): Array<{ file: string; url: string }> {
  const list: Array<{ file: string; url: string }> = [];
  for (const year of readdirSync(content).filter((d) => /^\d{4}$/.test(d)).sort()) {
    for (const name of readdirSync(join(content, year)).sort()) {
      const file = join(content, year, name);
      if (/^dossier:/m.test(readFileSync(file, "utf8"))) continue;
      list.push({ file, url: `/${basename(name, ".md")}/` });
    }
  }
  return list;
}

/** A paragraph added at the end of the body. */
export function addParagraph(text: string, paragraph: string): string {
  return `${text.trimEnd()}\n\n${paragraph}\n`;
}

/** A new title (so a new address) and one more tag. */
export function retitleAndTag(text: string, title: string, tag: string): string {
  const changed = text.replace(/^title: .*$/m, `title: "${title}"`).replace(/^tags: \[/m, `tags: ["${tag}", `);
  if (changed === text) throw new Error("the article has no title or tags line to change");
  return changed;
}

/** Applies an edit to a file in place. */
export function editFile(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, "utf8")));
}
