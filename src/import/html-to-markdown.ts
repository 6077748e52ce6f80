import TurndownService from "turndown";

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
  td.keep(["iframe", "video", "audio", "sup", "sub"]);
  td.remove(["script", "style", "noscript"]);
  // Text that reads as a tag or an entity once it is Markdown (`&lt;img onerror…&gt;` in the HTML) stays text.
  const escapeMarkdown = td.escape.bind(td);
  td.escape = (text: string): string => escapeMarkdown(text).replace(/&(?=#?\w+;)/g, "&amp;").replace(/</g, "&lt;");
  td.addRule("figure", {
    filter: (node) => node.nodeName === "FIGURE" && node.getElementsByTagName("figcaption").length > 0,
    replacement: (_content, node) => `\n\n${rawBlock(node as HTMLElement)}\n\n`,
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
    const value = (cell.getAttribute("style") ?? "") + " " + (cell.getAttribute("align") ?? "");
    if (/center/i.test(value)) return ":---:";
    if (/right/i.test(value)) return "---:";
    return "---";
  });
  const line = (values: string[]): string => `| ${values.join(" | ")} |`;
  return [line(header), line(align), ...body.map(line)].join("\n");
}
