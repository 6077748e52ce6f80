/** Every U+xFFFE and U+xFFFF of the sixteen supplementary planes: noncharacters, as written in a `u` character class. */
const PLANE_NONCHARACTERS = Array.from({ length: 16 }, (_, i) => `\\u{${(i + 1).toString(16)}FFFE}\\u{${(i + 1).toString(16)}FFFF}`).join("");

/**
 * Characters XML 1.0 forbids or discourages and HTML treats as parse errors: C0 controls but tab and
 * newlines, DEL and the C1 controls (U+0080–U+009F, which a Windows-1252 file read as Latin-1 leaves
 * behind), lone surrogates, and the Unicode noncharacters (U+FDD0–U+FDEF and the last two code points
 * of every plane). In a `u` regex a surrogate class matches only unpaired surrogates.
 */
const FORBIDDEN = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${PLANE_NONCHARACTERS}]`, "gu");

/** Cheap first look: most text has none of these and no astral character at all (astral noncharacters are surrogate pairs). */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

export function stripForbiddenCharacters(text: string): string {
  return SUSPECT.test(text) ? text.replace(FORBIDDEN, "") : text;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Anything escapeText has to change: one look instead of two for the usual text that needs nothing. */
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** Escapes text for HTML and XML, in element content and in quoted attributes alike. */
export function escapeText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  const clean = stripForbiddenCharacters(text);
  return /[&<>"']/.test(clean) ? clean.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c) : clean;
}

/**
 * Plain text for an XML element that readers read as HTML (an RSS `<description>`): escaped for HTML,
 * then for XML, so that `<<Il welfare è di tutti>>` or “il tag <iframe>” reach the reader as written.
 */
export function escapeTextAsHtmlInXml(text: string): string {
  return escapeText(escapeText(text));
}

/** Wraps text in CDATA, splitting any `]]>` so that the section cannot be closed early. */
export function cdata(text: string): string {
  return `<![CDATA[${stripForbiddenCharacters(text).replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}
