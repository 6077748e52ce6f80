import type { MarkdownRenderer } from "./markdown.ts";

/** The plain text of the first paragraph of a Markdown body: the default excerpt. */
export function firstParagraph(md: MarkdownRenderer, markdown: string): string {
  // Parsing the whole body to read its first paragraph is costly on long articles: try the opening first.
  const opening = markdown.length > 4000 ? paragraphIn(md, markdown.slice(0, markdown.indexOf("\n\n", 2000) + 1 || 4000)) : "";
  return opening || paragraphIn(md, markdown);
}

function paragraphIn(md: MarkdownRenderer, markdown: string): string {
  const tokens = md.parse(markdown, {});
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.type !== "paragraph_open") continue;
    const inline = tokens[i + 1];
    const text = (inline?.children ?? [])
      .map((t) => (t.type === "text" || t.type === "code_inline" ? t.content : t.type === "softbreak" || t.type === "hardbreak" ? " " : ""))
      .join("")
      .replace(/\s+/g, " ")
      .trim();
    if (text) return text;
  }
  return "";
}
