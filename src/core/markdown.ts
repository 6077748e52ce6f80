import MarkdownIt from "markdown-it";
import { percentDecoded } from "./percent-decode.ts";

export type MarkdownRenderer = ReturnType<typeof MarkdownIt>;

/** Schemes a Markdown link or image may use; anything else (javascript:, data:, vbscript:, file:) is left as text. */
const SAFE_SCHEMES = new Set(["http", "https", "mailto", "tel"]);

/**
 * True for relative URLs and the schemes above. Browsers ignore tabs, newlines
 * and other control characters inside a scheme (`java\tscript:`), and markdown-it
 * hands over the URL percent-encoded (`java%09script:`), so it is decoded and
 * those characters are removed before looking at the scheme.
 */
export function isSafeLink(url: string): boolean {
  // A malformed escape cannot hide a scheme from us: the raw text is checked as it is.
  const compact = percentDecoded(url).replace(/[\u0000-\u0020\u007F-\u009F]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

/**
 * The one Markdown renderer, used for article bodies, dossier presentations and
 * feeds. Raw HTML in articles is allowed (migrated WordPress content has it);
 * Markdown links and images only get relative URLs or the schemes above:
 * markdown-it's own check lets `data:image/…` links through.
 */
export function createMarkdown(): MarkdownRenderer {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.validateLink = isSafeLink;
  return md;
}
