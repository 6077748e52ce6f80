import { html, type SafeHtml } from "../../src/core/html.ts";
import { largestFile, pictureHtml, type ImageSet } from "../../src/core/picture.ts";
import type { Theme } from "../theme.ts";

/** Finds the responsive files made for an image's site path in this build. */
export type ImageLookup = (sitePath: string) => ImageSet | undefined;

// Set by the build (site-outputs.ts) for each Theme it renders with; a layout rendered without one gets a plain <img>.
const lookups = new WeakMap<Theme, ImageLookup>();

export function useImages(theme: Theme, lookup: ImageLookup): void {
  lookups.set(theme, lookup);
}

function imageSet(theme: Theme, sitePath: string): ImageSet | undefined {
  return lookups.get(theme)?.(sitePath);
}

/** How wide images are shown: the article's measure (40rem) on wide screens, the whole width on phones. */
export const MEASURE_SIZES = "(min-width: 42rem) 40rem, 100vw";

/** An article's featured image as a responsive picture (or, for SVG, GIF and unmade images, the file itself). */
export function featuredPicture(theme: Theme, image: { src: string; alt: string }, options: { sizes: string; eager?: boolean }): SafeHtml {
  const set = imageSet(theme, image.src);
  if (set) return pictureHtml(set, { alt: image.alt, sizes: options.sizes, eager: options.eager ?? false });
  const loading = options.eager ? html` fetchpriority="high"` : html` loading="lazy" decoding="async"`;
  return html`<img src="${image.src}" alt="${image.alt}"${loading}>`;
}

/** The image a page shares (Open Graph, JSON-LD, feed): the largest fallback file, with its size when known. */
export function sharedImage(theme: Theme, image: { src: string; alt: string }): { url: string; alt: string; width?: number; height?: number; bytes?: number; type?: string } {
  const { site } = theme.model.options;
  const set = imageSet(theme, image.src);
  if (!set) return { url: site.url + image.src, alt: image.alt };
  const big = largestFile(set);
  return { url: site.url + big.url, alt: image.alt, width: big.width, height: big.height, bytes: big.bytes, type: set.fallback.type };
}
