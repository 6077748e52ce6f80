import { html } from "../core/html.ts";
import { decodeEntities } from "./entities.ts";
import { tagAttribute, type MediaIndex } from "./media-index.ts";

/**
 * The block editor's cover block paints its image as a CSS background,
 * which the site's CSP (no inline style) would not show and Markdown cannot
 * say: it becomes a figure with the image as an `<img>` and the text over
 * it as the caption.
 */
const COVER_BLOCK = /<!--\s*wp:cover\s*(\{[\s\S]*?\})?\s*-->([\s\S]*?)<!--\s*\/wp:cover\s*-->/gi;
const INNER = /<div[^>]*class="[^"]*wp-block-cover__inner-container[^"]*"[^>]*>([\s\S]*)<\/div>\s*<\/div>\s*$/i;

interface CoverAttributes {
  url?: unknown;
  id?: unknown;
  alt?: unknown;
}

export function coverBlocks(content: string, media: MediaIndex): string {
  return content.replace(COVER_BLOCK, (_whole, json: string | undefined, inner: string) => {
    let attributes: CoverAttributes = {};
    try {
      const parsed: unknown = json ? JSON.parse(json) : {};
      if (parsed && typeof parsed === "object") attributes = parsed as CoverAttributes;
    } catch {
      // Without attributes the markup still says where the image is.
    }
    const img = /<img\b[^>]*wp-block-cover__image-background[^>]*>/i.exec(inner)?.[0] ?? "";
    const background = /background-image\s*:\s*url\(\s*['"]?([^'")]+)['"]?\s*\)/i.exec(inner)?.[1];
    const src = typeof attributes.url === "string" ? attributes.url : decodeEntities(tagAttribute(img, "src") ?? background ?? "");
    const text = INNER.exec(inner)?.[1]?.trim() ?? "";
    if (!src) return text ? `<div>${text}</div>` : "";
    const id = typeof attributes.id === "number" ? attributes.id : 0;
    const alt = (typeof attributes.alt === "string" ? attributes.alt : decodeEntities(tagAttribute(img, "alt") ?? "")) || media.get(id)?.alt || "";
    const caption = text ? `<figcaption>${text}</figcaption>` : "";
    return `${html`<figure class="cover"><img src="${src}" alt="${alt}">`}${caption}</figure>`;
  });
}
