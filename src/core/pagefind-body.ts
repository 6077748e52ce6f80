/**
 * The element of a page that Pagefind indexes: the one start tag with a
 * `data-pagefind-body` attribute, through its matching end tag. Pagefind
 * indexes nothing else of a page that has one, so handing it only that
 * element gives the same index, and a page whose other parts change (its
 * related articles, its breadcrumbs) hands the same bytes and keeps its
 * search bundle as it was.
 *
 * Tags are read as HTML writes them: comments, the text of `script`,
 * `style`, `textarea` and `title`, and quoted attribute values are passed
 * over whole, so a `</article>` written inside them closes nothing. Undefined
 * (the caller hands the whole main part instead) when there is no such
 * element, more than one, or its end cannot be found.
 */
export function pagefindBody(html: string): string | undefined {
  const tokens = new RegExp(TOKEN.source, "g");
  let found: { name: string; start: number; depth: number } | undefined;
  let end: number | undefined;
  for (let match = tokens.exec(html); match !== null; match = tokens.exec(html)) {
    const [tag, closing, rawName, attributes = ""] = match;
    if (rawName === undefined) continue; // a comment or a raw-text element
    const name = rawName.toLowerCase();
    if (!closing && BODY_ATTRIBUTE.test(attributes.replace(QUOTED, '""'))) {
      if (found || VOID.has(name)) return undefined;
      found = { name, start: match.index, depth: 0 };
    }
    if (!found || end !== undefined || name !== found.name) continue;
    if (closing) found.depth--;
    else if (!tag.endsWith("/>")) found.depth++;
    if (found.depth === 0) end = match.index + tag.length;
  }
  return found && end !== undefined ? html.slice(found.start, end) : undefined;
}

/** A comment; a raw-text element, whole; or a tag: `/` if an end tag, its name, its attributes (quoted values whole). */
const TOKEN = /<!--[\s\S]*?-->|<(?:script|style|textarea|title)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/(?:script|style|textarea|title)\s*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

const QUOTED = /"[^"]*"|'[^']*'/g;

const BODY_ATTRIBUTE = /(?:^|\s)data-pagefind-body(?=[\s=/]|$)/i;

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
