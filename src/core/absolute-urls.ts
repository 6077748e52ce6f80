/** `href` and `src` attributes, double-quoted (as markdown-it writes them) or single-quoted (raw HTML). */
const URL_ATTRIBUTE = /\b(href|src)=("([^"]*)"|'([^']*)')/g;

/**
 * Rewrites the links and images of an HTML fragment to absolute URLs against
 * `base` (the article's own absolute URL), for feeds. `absoluteUrl` resolves one
 * URL (the RSS plugin's); already absolute URLs stay as they are. A fragment-only link (`#sez`) points into
 * the article, but a reader shows the item away from it, so it becomes the article's URL with the fragment.
 */
export function absolutizeHtml(html: string, base: string, absoluteUrl: (url: string, base: string) => string): string {
  return html.replace(URL_ATTRIBUTE, (whole, name: string, _quoted: string, double?: string, single?: string) => {
    const value = double ?? single ?? "";
    if (value === "" || /^[a-z][a-z0-9+.-]*:/i.test(value)) return whole;
    const url = value.replace(/&amp;/g, "&");
    const absolute = (url.startsWith("#") ? base.replace(/#.*$/, "") + url : absoluteUrl(url, base)).replace(/&/g, "&amp;");
    return double !== undefined ? `${name}="${absolute.replace(/"/g, "&quot;")}"` : `${name}='${absolute.replace(/'/g, "&#39;")}'`;
  });
}
