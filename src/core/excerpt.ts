import type { MarkdownRenderer } from "./markdown.ts";

/** The plain text of the first paragraph of a Markdown body: the default excerpt. */
export function firstParagraph(md: MarkdownRenderer, markdown: string): string {
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
