/** Characters XML 1.0 forbids and HTML treats as errors: C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN, "");
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML and XML, in element content and in quoted attributes alike. */
export function escapeText(text: string): string {
  return stripForbiddenCharacters(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Wraps text in CDATA, splitting any `]]>` so that the section cannot be closed early. */
export function cdata(text: string): string {
  return `<![CDATA[${stripForbiddenCharacters(text).replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}
