import TurndownService from "turndown";
import { KEPT_CLASSES } from "./sanitize.ts";

/**
 * HTML → Markdown with turndown. What Markdown cannot say without loss stays
 * HTML, as one block with no blank line in it (so Markdown keeps it whole):
 * a figure with its caption, a table with merged or multi-paragraph cells or
 * without a header row, embedded media, superscripts and subscripts.
 */
export function htmlToMarkdown(html: string): string {
  return converter().turndown(html).replace(/[ \t]+$/gm, (spaces) => (spaces === "  " ? spaces : "")).trim();
}

let service: TurndownService | undefined;

function converter(): TurndownService {
  if (service) return service;
  const td = new TurndownService({
    headingStyle: "atx",
    hr: "---",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    emDelimiter: "_",
    strongDelimiter: "**",
  });
  td.keep(["iframe", "video", "audio"]);
  td.remove(["script", "style", "noscript"]);
  // Text that reads as a tag or an entity once it is Markdown (`&lt;img onerror…&gt;` in the HTML) stays text.
  const escapeMarkdown = td.escape.bind(td);
  td.escape = (text: string): string => escapeMarkdown(text).replace(/&(?=#?\w+;)/g, "&amp;").replace(/</g, "&lt;");
  td.addRule("figure", {
    filter: (node) => node.nodeName === "FIGURE" && (node.getElementsByTagName("figcaption").length > 0 || hasKeptClass(node)),
    replacement: (_content, node) => `\n\n${rawBlock(node as HTMLElement)}\n\n`,
  });
  td.addRule("pre", {
    filter: "pre",
    replacement: (_content, node) => `\n\n${preformatted(node as HTMLElement)}\n\n`,
  });
  td.addRule("multilineCode", {
    filter: (node) =>
      node.nodeName === "CODE" && node.parentNode?.nodeName !== "PRE" && (/\n/.test(node.textContent ?? "") || node.getElementsByTagName("br").length > 0),
    replacement: (_content, node) => multilineCode(node as HTMLElement),
  });
  // Markdown has no words for these: they stay HTML, their content still Markdown (escaped as text is).
  td.addRule("inlineKept", {
    filter: (node) => INLINE_KEPT.includes(node.nodeName),
    replacement: (content, node) => `${openTag(node as HTMLElement)}${content}</${node.nodeName.toLowerCase()}>`,
  });
  td.addRule("definitionList", {
    filter: "dl",
    replacement: (_content, node) => `\n\n${rawBlock(node as HTMLElement)}\n\n`,
  });
  // A theme class (alignment) is kept only by HTML: aligned blocks and images stay HTML.
  td.addRule("alignedBlock", {
    filter: (node) => ALIGNABLE_BLOCKS.includes(node.nodeName) && hasKeptClass(node),
    replacement: (_content, node) => `\n\n${rawBlock(node as HTMLElement)}\n\n`,
  });
  td.addRule("alignedImage", {
    filter: (node) => node.nodeName === "IMG" && hasKeptClass(node),
    replacement: (_content, node) => (node as HTMLElement).outerHTML,
  });
  td.addRule("table", {
    filter: "table",
    replacement: (_content, node) => {
      const table = node as HTMLElement;
      const rows = pipeTable(table, td);
      return `\n\n${rows ?? rawBlock(table)}\n\n`;
    },
  });
  service = td;
  return td;
}

const INLINE_KEPT = ["DEL", "S", "INS", "U", "Q", "ABBR", "SUB", "SUP", "CITE", "KBD", "MARK"];
const ALIGNABLE_BLOCKS = ["P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "UL", "OL"];

/** A class the theme styles (alignment, galleries, embeds): only HTML keeps it. */
function hasKeptClass(node: HTMLElement): boolean {
  return node.className.split(/\s+/).some((name) => KEPT_CLASSES.includes(name));
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** The element's opening tag with its (already sanitized) attributes. */
function openTag(node: HTMLElement): string {
  const attributes = Array.from(node.attributes, (a) => ` ${a.name}="${escapeAttribute(a.value)}"`).join("");
  return `<${node.nodeName.toLowerCase()}${attributes}>`;
}

/** Text of an element with `<br>` as a newline (and no second newline where the source had `<br />` then one). */
function textWithBreaks(node: Node): string {
  let out = "";
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out += child.nodeValue ?? "";
    else if (child.nodeName === "BR") out += child.nextSibling?.nodeType === 3 && /^\r?\n/.test(child.nextSibling.nodeValue ?? "") ? "" : "\n";
    else if (child.nodeType === 1) out += textWithBreaks(child);
  }
  return out;
}

/** A fence longer than any run of backticks in the text. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (run) => run[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

function fenced(text: string, language = ""): string {
  const fence = fenceFor(text);
  return `${fence}${language}\n${text.replace(/^\n/, "").replace(/\n+$/, "")}\n${fence}`;
}

/**
 * `<pre>` (a poem, ASCII art, code) stays preformatted: a fenced block when
 * it is only text, the `<pre>` itself when it has markup (links, emphasis),
 * which Markdown keeps whole whatever blank lines it holds.
 */
function preformatted(pre: HTMLElement): string {
  const elements = Array.from(pre.childNodes).filter((child) => child.nodeType === 1 || (child.nodeValue ?? "").trim() !== "");
  const code = elements.length === 1 && elements[0]?.nodeName === "CODE" ? (elements[0] as HTMLElement) : undefined;
  const inner = code ?? pre;
  const markup = Array.from(inner.getElementsByTagName("*")).some((element) => element.nodeName !== "BR");
  if (markup) return pre.outerHTML.trim();
  const language = /(?:^|\s)language-(\S+)/.exec(code?.className ?? "")?.[1] ?? "";
  return fenced(textWithBreaks(inner), language);
}

/** Characters Markdown would read inside inline HTML, as entities. */
function escapeInline(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[*_`[\]\\~]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Multi-line `<code>` keeps its lines: a fenced block when it is a paragraph of its own, else `<code>` with `<br>`. */
function multilineCode(code: HTMLElement): string {
  const text = textWithBreaks(code).replace(/^\n+|\n+$/g, "");
  const parent = code.parentNode as HTMLElement | null;
  if (parent && parent.nodeName === "P" && (parent.textContent ?? "").trim() === (code.textContent ?? "").trim()) return `\n\n${fenced(text)}\n\n`;
  return `<code>${escapeInline(text).replace(/\n/g, "<br>")}</code>`;
}

/** An element as HTML that Markdown keeps as one block: no blank line inside. */
function rawBlock(node: HTMLElement): string {
  return node.outerHTML.replace(/\n\s*\n/g, "\n").trim();
}

function childElements(node: Element, names: readonly string[]): Element[] {
  const out: Element[] = [];
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 1 && names.includes(child.nodeName)) out.push(child as Element);
  }
  return out;
}

function rowsOf(table: HTMLElement): Element[] {
  const rows: Element[] = [];
  for (const part of childElements(table, ["THEAD", "TBODY", "TFOOT", "TR"])) {
    if (part.nodeName === "TR") rows.push(part);
    else rows.push(...childElements(part, ["TR"]));
  }
  return rows;
}

const BLOCK_IN_CELL = ["TABLE", "UL", "OL", "BLOCKQUOTE", "PRE", "H1", "H2", "H3", "H4", "H5", "H6", "FIGURE", "DIV"];

/** A GFM pipe table when the table has a header row and only simple cells; otherwise undefined. */
function pipeTable(table: HTMLElement, td: TurndownService): string | undefined {
  if (table.getElementsByTagName("caption").length > 0) return undefined;
  const rows = rowsOf(table);
  const first = rows[0];
  if (!first) return undefined;
  const cells = rows.map((row) => childElements(row, ["TD", "TH"]));
  const headerCells = cells[0] ?? [];
  const inThead = first.parentNode?.nodeName === "THEAD";
  if (headerCells.length === 0 || !(inThead || headerCells.every((cell) => cell.nodeName === "TH"))) return undefined;
  const width = headerCells.length;
  const text: string[][] = [];
  for (const row of cells) {
    if (row.length !== width) return undefined;
    const line: string[] = [];
    for (const cell of row) {
      if (Number(cell.getAttribute("colspan") ?? 1) > 1 || Number(cell.getAttribute("rowspan") ?? 1) > 1) return undefined;
      if (BLOCK_IN_CELL.some((name) => cell.getElementsByTagName(name).length > 0)) return undefined;
      const markdown = td.turndown(cell as HTMLElement).trim();
      if (/\n\s*\n/.test(markdown)) return undefined;
      line.push(markdown.replace(/\s*\n\s*/g, "<br>").replace(/\|/g, "\\|"));
    }
    text.push(line);
  }
  const [header = [], ...body] = text;
  const align = headerCells.map((cell) => {
    const value = (cell.getAttribute("class") ?? "") + " " + (cell.getAttribute("align") ?? "");
    if (/center/i.test(value)) return ":---:";
    if (/right/i.test(value)) return "---:";
    return "---";
  });
  const line = (values: string[]): string => `| ${values.join(" | ")} |`;
  return [line(header), line(align), ...body.map(line)].join("\n");
}
