/** Characters XML 1.0 forbids and HTML treats as errors: C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cheap first look: most text has no control character and no surrogate at all. */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function stripForbiddenCharacters(text: string): string {
  return SUSPECT.test(text) ? text.replace(FORBIDDEN, "") : text;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Anything escapeText has to change: one look instead of two for the usual text that needs nothing. */
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes text for HTML and XML, in element content and in quoted attributes alike. */
export function escapeText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  const clean = stripForbiddenCharacters(text);
  return /[&<>"']/.test(clean) ? clean.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c) : clean;
}

/** Wraps text in CDATA, splitting any `]]>` so that the section cannot be closed early. */
export function cdata(text: string): string {
  return `<![CDATA[${stripForbiddenCharacters(text).replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}
