import { autop, hasBlockMarkup } from "./autop.ts";
import { coverBlocks } from "./cover.ts";
import { autoEmbeds, embedBlocks } from "./embeds.ts";
import { galleryBlocks, galleryShortcodes } from "./galleries.ts";
import { htmlToMarkdown } from "./html-to-markdown.ts";
import type { MediaIndex } from "./media-index.ts";
import { rewriteMedia, type MediaResolver } from "./media-references.ts";
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
  /** Galleries that lost images, or could show none. */
  notes: string[];
}

/** The post's id and the export's attachments, for galleries and covers. */
export interface BodyMedia {
  postId: number;
  index: MediaIndex;
  /** With --uploads or --download: the new site path of an old upload URL. */
  resolve?: MediaResolver;
}

const MORE = /<!--more(?:\s[^>]*?)?-->/i;

/**
 * The teaser before `<!--more-->` when it is a lead the standfirst can say
 * whole: one paragraph of text with at most emphasis and line breaks (no
 * link, image, list or shortcode, which plain text would lose). The build
 * shows a front-matter excerpt above the body, so such a lead moves there
 * and the body starts after the marker; any other teaser stays in the body
 * and no excerpt is made from it. Either way the text is said once.
 */
export function moreLead(content: string): { lead: string; after: string } | undefined {
  const more = MORE.exec(content);
  if (!more) return undefined;
  const before = content.slice(0, more.index).replace(/<!--[\s\S]*?-->/g, "").trim();
  const after = content.slice(more.index + more[0].length);
  if (!before || /\[[a-z]/i.test(before) || /<(?!\/?(?:p|strong|b|em|i|span|br)\b)[a-z/]/i.test(before)) return undefined;
  const paragraphs = before.split(/\n\s*\n|<\/p>\s*<p\b/i).filter((part) => part.replace(/<[^>]*>/g, "").trim());
  return paragraphs.length === 1 ? { lead: before, after } : undefined;
}

/** A post's `content:encoded`, as WordPress would display it, turned into Markdown. */
export function convertBody(content: string, targets: LinkTargets, media: BodyMedia = { postId: 0, index: new Map() }): Body {
  const more = MORE.exec(content);
  const beforeMore = more ? content.slice(0, more.index) : undefined;
  const notes: string[] = [];
  // Blocks first, while their comments still say what they are.
  let html = coverBlocks(galleryBlocks(embedBlocks(content), media.index), media.index);
  html = html.replace(/<!--\s*\/?wp:[\s\S]*?-->|<!--(?:more|nextpage|noteaser)[\s\S]*?-->/gi, "");
  html = captionsToFigures(html);
  html = autoEmbeds(galleryShortcodes(html, media.postId, media.index, (note) => notes.push(note)));
  if (media.resolve) html = rewriteMedia(html, media.resolve);
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
    notes,
  };
}
