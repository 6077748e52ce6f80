import { urlAttributeRewriter } from "./url-attributes.ts";

/** Links and images of a fragment: `href` and `src`. */
const rewriteLinks = urlAttributeRewriter(["href", "src"]);

/**
 * Rewrites the links and images of an HTML fragment to absolute URLs against
 * `base` (the article's own absolute URL), for feeds. `absoluteUrl` resolves one
 * URL (the RSS plugin's); already absolute URLs stay as they are. A fragment-only link (`#sez`) points into
 * the article, but a reader shows the item away from it, so it becomes the article's URL with the fragment.
 */
export function absolutizeHtml(html: string, base: string, absoluteUrl: (url: string, base: string) => string): string {
  return rewriteLinks(html, (value) => {
    if (value === "" || /^[a-z][a-z0-9+.-]*:/i.test(value)) return undefined;
    const url = value.replace(/&amp;/g, "&");
    return (url.startsWith("#") ? base.replace(/#.*$/, "") + url : absoluteUrl(url, base)).replace(/&/g, "&amp;");
  });
}
