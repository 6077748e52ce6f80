import { urlAttributeRewriter } from "./url-attributes.ts";

/** Every attribute of our pages that holds a site path: links, images and their `srcset`, scripts, forms. */
const rewriteSitePaths = urlAttributeRewriter(["href", "src", "action", "srcset"]);

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
  return rewriteSitePaths(html, (value, name) => {
    // A srcset is a list of "URL width" candidates: each URL gets the prefix.
    const prefixed = name === "srcset" ? value.split(",").map((candidate) => candidate.replace(/^(\s*)(\/(?!\/))/, `$1${base}$2`)).join(",") : value.startsWith("/") && !value.startsWith("//") ? base + value : value;
    return prefixed === value ? undefined : prefixed;
  });
}
