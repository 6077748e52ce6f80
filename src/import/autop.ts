/**
 * WordPress stores classic-editor posts without `<p>`: a blank line is a
 * paragraph break and a single newline a `<br>`, added at display time by
 * `wpautop`. This is the same rule, so that an HTML-to-Markdown converter
 * (which treats newlines as spaces) sees the paragraphs readers saw. Block
 * editor posts (with `<!-- wp:… -->` comments) already have their markup.
 */
const BLOCKS =
  "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|iframe|video|audio|object|embed|script";

const OPEN_BLOCK = new RegExp(`(<(?:${BLOCKS})\\b[^>]*>)`, "gi");
const CLOSE_BLOCK = new RegExp(`(</(?:${BLOCKS})>)`, "gi");
const STARTS_WITH_BLOCK = new RegExp(`^</?(?:${BLOCKS})\\b`, "i");
const TEXT_THEN_CLOSING = new RegExp(`^([\\s\\S]*?)(</(?:${BLOCKS})>[\\s\\S]*)$`, "i");

export function hasBlockMarkup(html: string): boolean {
  return html.includes("<!-- wp:");
}

/** Newlines inside text (not next to a tag) are line breaks. */
function breaks(text: string): string {
  return text.replace(/([^>\s])[ \t]*\n[ \t]*(?=[^<\s])/g, "$1<br />\n");
}

export function autop(html: string): string {
  if (!html.trim()) return "";
  const pres: string[] = [];
  let text = html.replace(/\r\n?/g, "\n").replace(/<pre\b[\s\S]*?<\/pre>/gi, (pre) => {
    pres.push(pre);
    return `\n\n<pre-${pres.length - 1}></pre-${pres.length - 1}>\n\n`;
  });
  // As wpautop: a newline inside a tag (between attributes, inside a value) is no line break.
  text = text.replace(/<[a-z/!][^<>]*>/gi, (tag) => tag.replace(/\n/g, "\uE002"));
  text = text.replace(/<br\s*\/?>\s*<br\s*\/?>/gi, "\n\n");
  // As wpautop: a blank line before every opening block tag, after every closing one.
  text = text.replace(OPEN_BLOCK, "\n\n$1").replace(CLOSE_BLOCK, "$1\n\n");
  const chunks = text.split(/\n\s*\n/).map((chunk) => chunk.trim()).filter(Boolean);
  const out = chunks.map((chunk) => {
    if (/^<pre-\d+><\/pre-\d+>$/.test(chunk)) return chunk;
    if (STARTS_WITH_BLOCK.test(chunk)) return breaks(chunk);
    const split = TEXT_THEN_CLOSING.exec(chunk);
    if (split) {
      const [, before = "", after = ""] = split;
      return before.trim() ? `<p>${breaks(before.trim())}</p>${after}` : after;
    }
    return `<p>${breaks(chunk)}</p>`;
  });
  return out
    .join("\n")
    .replace(/\uE002/g, "\n")
    .replace(/<pre-(\d+)><\/pre-\d+>/g, (_whole, index: string) => pres[Number(index)] ?? "");
}
