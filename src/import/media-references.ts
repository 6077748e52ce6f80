import { percentDecoded } from "../core/percent-decode.ts";
/**
 * References to the old site's uploads in a body (`src`, `href`, `poster`
 * on any of its hosts, or root-relative), rewritten to the new site's
 * `/media/…` paths. WordPress's resized copies (`name-300x200.jpg`) point to
 * the original, which is the file that moves.
 */

/** Looks a reference up: the site path it now has, or undefined to leave it as it is. */
export type MediaResolver = (url: string) => string | undefined;

const UPLOADS = "/wp-content/uploads/";

/** The path under wp-content/uploads of a URL of the old site ("2021/03/a.jpg"), or undefined. */
export function uploadPath(url: string, hosts: ReadonlySet<string>): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), "http://old.invalid");
  } catch {
    return undefined;
  }
  const host = parsed.host.toLowerCase().replace(/^www\./, "");
  if (host !== "old.invalid" && !hosts.has(host)) return undefined;
  const at = parsed.pathname.indexOf(UPLOADS);
  if (at < 0) return undefined;
  return percentDecoded(parsed.pathname.slice(at + UPLOADS.length));
}

/** `name-300x200.jpg` → `name.jpg`; any other path unchanged. */
export function originalOf(path: string): string {
  return path.replace(/-\d+x\d+(\.[A-Za-z0-9]+)$/, "$1");
}

/** Every `src`, `href` and `poster` the resolver knows, rewritten (entities in the value decoded first). */
export function rewriteMedia(html: string, resolve: MediaResolver): string {
  return html.replace(/(\s(?:src|href|poster)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi, (whole, start: string, double?: string, single?: string) => {
    const value = (double ?? single ?? "").replace(/&amp;|&#0?38;/g, "&");
    const local = resolve(value);
    return local === undefined ? whole : `${start}"${local}"`;
  });
}
