import { tagAttributes } from "./html-attributes.ts";

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
  // A copy: its own position, the same flags (global, any case).
  const tokens = new RegExp(TOKEN);
  let found: { name: string; start: number; depth: number } | undefined;
  let end: number | undefined;
  for (let match = tokens.exec(html); match !== null; match = tokens.exec(html)) {
    const [tag, closing, rawName, attributes = ""] = match;
    if (rawName === undefined) continue; // a comment or a raw-text element
    const name = rawName.toLowerCase();
    // A plain search first: parsing every tag's attributes would double the scan (91 against 35–43 µs an article page).
    if (!closing && MENTION.test(attributes) && tagAttributes(attributes).some(([attribute]) => attribute === BODY_ATTRIBUTE)) {
      if (found || VOID.has(name)) return undefined;
      found = { name, start: match.index, depth: 0 };
    }
    if (!found || end !== undefined || name !== found.name) continue;
    if (closing) found.depth--;
    else if (!tag.endsWith("/>")) found.depth++;
    if (found.depth === 0) {
      end = match.index + tag.length;
      // Another such element can only be where the name is written again: most pages end their scan here.
      if (!MENTION.test(html.slice(end))) break;
    }
  }
  return found && end !== undefined ? html.slice(found.start, end) : undefined;
}

/** A comment; a raw-text element, whole; or a tag: `/` if an end tag, its name, its attributes (quoted values whole). */
const TOKEN = /<!--[\s\S]*?-->|<(?:script|style|textarea|title)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/(?:script|style|textarea|title)\s*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

const BODY_ATTRIBUTE = "data-pagefind-body";

/** The attribute's name written anywhere, in any case: where there is none, no tag can have it. */
const MENTION = /data-pagefind-body/i;

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
