/** `href`, `src`, `action` and `srcset` attributes, double-quoted (as our layouts write them) or single-quoted. */
const URL_ATTRIBUTE = /\b(href|src|action|srcset)=("([^"]*)"|'([^']*)')/g;

/**
 * Puts Eleventy's path prefix (`--pathprefix=/sub/`) before every site path
 * (`/tag/comuni/` → `/sub/tag/comuni/`) of HTML we wrote, as Eleventy's `url`
 * filter does for a site's own templates. Our layouts print site paths; absolute
 * URLs (`https://…`, `//host/`) and fragments are left as they are. `prefix` is
 * what the `url` filter gives for "/": "/" when the site has no prefix.
 */
export function withPathPrefix(html: string, prefix: string): string {
  const base = prefix.replace(/\/+$/, "");
  if (base === "") return html;
  return html.replace(URL_ATTRIBUTE, (whole, name: string, _quoted: string, double?: string, single?: string) => {
    const value = double ?? single ?? "";
    // A srcset is a list of "URL width" candidates: each URL gets the prefix.
    const prefixed = name === "srcset" ? value.split(",").map((candidate) => candidate.replace(/^(\s*)(\/(?!\/))/, `$1${base}$2`)).join(",") : value.startsWith("/") && !value.startsWith("//") ? base + value : value;
    if (prefixed === value) return whole;
    return double !== undefined ? `${name}="${prefixed}"` : `${name}='${prefixed}'`;
  });
}
