import { Document, Scalar, isScalar, isSeq } from "yaml";

export type FrontMatterValue = string | number | boolean | string[];

/** Fields in the order of docs/content-model.md, which is the order they are written in. */
export type FrontMatter = Record<string, FrontMatterValue>;

/** Dates stay plain (`2018-03-29T09:30:00+02:00`) so YAML 1.1 readers such as gray-matter see a timestamp. */
const PLAIN_STRINGS = new Set(["date", "updated"]);

/**
 * YAML front matter between `---` lines. Text values are double-quoted
 * (no "no", "on" or "1.10" read back as something else by a YAML 1.1
 * parser); lists are written on one line, as in the content model.
 */
export function frontMatter(data: FrontMatter): string {
  const doc = new Document();
  for (const [key, value] of Object.entries(data)) {
    const node = doc.createNode(value);
    if (isScalar(node) && typeof value === "string" && !PLAIN_STRINGS.has(key)) node.type = Scalar.QUOTE_DOUBLE;
    if (isSeq(node)) {
      node.flow = true;
      for (const item of node.items) if (isScalar(item)) item.type = Scalar.QUOTE_DOUBLE;
    }
    doc.set(key, node);
  }
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n`;
}

/** A Markdown file: front matter, a blank line, the body. */
export function markdownFile(data: FrontMatter, body: string): string {
  const text = body.trim();
  return text ? `${frontMatter(data)}\n${text}\n` : frontMatter(data);
}
