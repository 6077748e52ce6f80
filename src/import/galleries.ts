import { html } from "../core/html.ts";
import { decodeEntities } from "./entities.ts";
import { tagAttribute, type MediaIndex } from "./media-index.ts";
import { shortcodeAttributes } from "./shortcodes.ts";

/**
 * WordPress galleries — the `[gallery]` shortcode and the block editor's
 * gallery block — as one figure of images (a list, so that screen readers
 * hear how many), never the shortcode as text or a bullet list.
 */

export interface GalleryImage {
  src: string;
  alt: string;
}

export function galleryFigure(images: readonly GalleryImage[], caption = ""): string {
  const items = images.map((image) => html`<li><img src="${image.src}" alt="${image.alt}"></li>`);
  // The caption is HTML from the post (links, emphasis); the sanitizer sees it after.
  const figcaption = caption.trim() ? `<figcaption>${caption.trim()}</figcaption>` : "";
  return `<figure class="gallery"><ul>${items.join("")}</ul>${figcaption}</figure>`;
}

const GALLERY_SHORTCODE = /\[gallery\b([^\]]*)\]/gi;

/**
 * `[gallery ids="1,2,3"]` (or `include=`), else the images attached to the
 * post, as WordPress shows them; `missing` hears of ids not in the export.
 */
export function galleryShortcodes(content: string, postId: number, media: MediaIndex, missing: (note: string) => void): string {
  return content.replace(GALLERY_SHORTCODE, (whole, attributeText: string, offset: number) => {
    // [[gallery]] is the text "[gallery]", not a gallery.
    if (content[offset - 1] === "[") return whole;
    const attributes = shortcodeAttributes(attributeText);
    const list = attributes["ids"] ?? attributes["include"];
    const ids = list
      ? list.split(",").map((id) => Number(id.trim())).filter((id) => Number.isInteger(id) && id > 0)
      : [...media.values()].filter((item) => item.parent === postId && postId > 0).map((item) => item.id);
    const images: GalleryImage[] = [];
    const absent: number[] = [];
    for (const id of ids) {
      const item = media.get(id);
      if (item) images.push({ src: item.url, alt: item.alt });
      else absent.push(id);
    }
    if (images.length === 0) {
      missing(`${whole}: ${absent.length ? `none of its attachments (${absent.join(", ")}) is in the export` : "no image is attached to the post"}; kept as text`);
      return whole;
    }
    if (absent.length) missing(`${whole}: attachment${absent.length === 1 ? "" : "s"} ${absent.join(", ")} not in the export, left out of the gallery`);
    return galleryFigure(images);
  });
}

const GALLERY_BLOCK = /<!--\s*wp:gallery\b(?:\s+\{[\s\S]*?\})?\s*-->([\s\S]*?)<!--\s*\/wp:gallery\s*-->/gi;
const IMG = /<img\b[^>]*>/gi;
const GALLERY_CAPTION = /<figcaption[^>]*class="[^"]*blocks-gallery-caption[^"]*"[^>]*>([\s\S]*?)<\/figcaption>/i;

/** A gallery block's images (old `<ul class="blocks-gallery-grid">` and new nested image blocks alike) and its caption. */
export function galleryBlocks(content: string, media: MediaIndex): string {
  return content.replace(GALLERY_BLOCK, (whole, inner: string) => {
    const images: GalleryImage[] = [];
    for (const [tag] of inner.matchAll(IMG)) {
      const src = decodeEntities(tagAttribute(tag, "src") ?? "");
      if (!src) continue;
      const id = Number(tagAttribute(tag, "data-id") ?? /wp-image-(\d+)/.exec(tagAttribute(tag, "class") ?? "")?.[1] ?? 0);
      const alt = decodeEntities(tagAttribute(tag, "alt") ?? "") || media.get(id)?.alt || "";
      images.push({ src, alt });
    }
    if (images.length === 0) return whole;
    return galleryFigure(images, GALLERY_CAPTION.exec(inner)?.[1] ?? "");
  });
}
