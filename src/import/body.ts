import { autop, hasBlockMarkup } from "./autop.ts";
import { htmlToMarkdown } from "./html-to-markdown.ts";
import { rewriteLinks, type LinkTargets } from "./links.ts";
import { sanitizeBody, sanitizeFragment } from "./sanitize.ts";
import { captionsToFigures, protectShortcodes } from "./shortcodes.ts";

export interface Body {
  markdown: string;
  /** The HTML before `<!--more-->`, when the post has the marker. */
  beforeMore: string | undefined;
  /** Shortcodes other than [caption], kept as text. */
  shortcodes: string[];
  /** Links left pointing at posts that are not imported. */
  danglingLinks: string[];
  rewrittenLinks: number;
  /** `style` attributes dropped by the sanitizer, as `<tag style="…">`. */
  styles: string[];
  /** Iframes from hosts the site does not embed, written as links. */
  iframes: string[];
}

const MORE = /<!--more(?:\s[^>]*?)?-->/i;

/** A post's `content:encoded`, as WordPress would display it, turned into Markdown. */
export function convertBody(content: string, targets: LinkTargets): Body {
  const more = MORE.exec(content);
  const beforeMore = more ? content.slice(0, more.index) : undefined;
  let html = content.replace(/<!--\s*\/?wp:[\s\S]*?-->|<!--(?:more|nextpage|noteaser)[\s\S]*?-->/gi, "");
  html = captionsToFigures(html);
  const links = rewriteLinks(html, targets);
  const shortcodes = protectShortcodes(links.html);
  html = hasBlockMarkup(content) ? shortcodes.html : autop(shortcodes.html);
  html = html.replace(/<p[^>]*>(?:\s|&nbsp;|&#160;|\u00a0|<br\s*\/?>)*<\/p>/gi, "");
  const clean = sanitizeBody(html);
  const markdown = shortcodes.restore(htmlToMarkdown(clean.html), sanitizeFragment);
  return {
    markdown,
    beforeMore,
    shortcodes: shortcodes.names,
    danglingLinks: links.notes.dangling,
    rewrittenLinks: links.notes.rewritten,
    styles: clean.styles,
    iframes: clean.iframes,
  };
}
