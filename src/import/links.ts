/**
 * Links between posts of the old site, rewritten to their new URLs. A link
 * is the old site's when its host is one of the export's hosts (with or
 * without "www.", over http or https) or when it is root-relative.
 */
import { percentDecoded } from "../core/percent-decode.ts";

/** The percent-decoded path of an old permalink, or "" when it has none usable (`/?p=12`). */
export function oldPathOf(link: string): string {
  if (!link) return "";
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return "";
  }
  if (url.search) return "";
  return normalPath(percentDecoded(url.pathname).normalize("NFC"));
}

/** `//greek/x/` (a site address saved with a trailing slash) answers at `/greek/x/`: WordPress ignores repeated slashes. */
function normalPath(path: string): string {
  return path.replace(/\/{2,}/g, "/");
}


function bareHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, "");
}

export interface LinkTargets {
  /** Hosts of the old site, from the channel's link and base URLs. */
  hosts: ReadonlySet<string>;
  /** Old path → WordPress id, for every item of the export. */
  oldPaths: ReadonlyMap<string, number>;
  /** WordPress id → new URL, for the items written. */
  newUrls: ReadonlyMap<number, string>;
  /** WordPress id → why it is not written, for the items that are not. */
  skipped: ReadonlyMap<number, string>;
}

export function siteHosts(...urls: string[]): Set<string> {
  const hosts = new Set<string>();
  for (const url of urls) {
    try {
      if (url) hosts.add(bareHost(new URL(url).host));
    } catch {
      // A channel without a usable URL only means fewer links are recognised.
    }
  }
  return hosts;
}

export type LinkResult =
  | { kind: "external" }
  | { kind: "rewritten"; href: string }
  | { kind: "unchanged"; id: number }
  | { kind: "not-imported"; id: number; reason: string }
  | { kind: "unknown" };

/** Looks one href up; a link to a written post gets its new URL, with its #fragment. */
export function resolveLink(href: string, targets: LinkTargets): LinkResult {
  const trimmed = href.trim();
  // Fragments, mailto:, relative paths: nothing that names another post.
  if (!/^(https?:)?\/\//i.test(trimmed) && !trimmed.startsWith("/")) return { kind: "external" };
  let url: URL;
  try {
    url = new URL(trimmed, "http://old.invalid");
  } catch {
    return { kind: "external" };
  }
  if (url.host !== "old.invalid" && !targets.hosts.has(bareHost(url.host))) return { kind: "external" };
  if (url.protocol !== "http:" && url.protocol !== "https:") return { kind: "external" };
  const path = normalPath(percentDecoded(url.pathname).normalize("NFC"));
  if (/\/wp-(content|admin|includes)\//.test(path) || path.startsWith("/feed")) return { kind: "external" };
  const shortlink = url.searchParams.get("p") ?? url.searchParams.get("page_id");
  let id: number | undefined;
  if (shortlink && /^\d+$/.test(shortlink)) id = Number(shortlink);
  else if (!url.search) id = targets.oldPaths.get(path) ?? targets.oldPaths.get(path.endsWith("/") ? path : `${path}/`);
  if (id === undefined) return { kind: "unknown" };
  const next = targets.newUrls.get(id);
  if (next === undefined) {
    const reason = targets.skipped.get(id);
    return reason === undefined ? { kind: "unknown" } : { kind: "not-imported", id, reason };
  }
  const rewritten = next + url.hash;
  return rewritten === trimmed ? { kind: "unchanged", id } : { kind: "rewritten", href: rewritten };
}

export interface LinkNotes {
  rewritten: number;
  /** Hrefs left pointing at posts that were not imported, with why. */
  dangling: string[];
}

/**
 * Rewrites every `href` of an HTML fragment. Works on the HTML before it is
 * turned into Markdown, so links kept inside raw HTML (figures, complex
 * tables) are rewritten too.
 */
export function rewriteLinks(html: string, targets: LinkTargets): { html: string; notes: LinkNotes } {
  const notes: LinkNotes = { rewritten: 0, dangling: [] };
  const out = html.replace(/(<a\b[^>]*?\bhref\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi, (whole, start: string, double?: string, single?: string) => {
    const quote = double === undefined ? "'" : '"';
    const href = (double ?? single ?? "").replace(/&amp;/g, "&").replace(/&#0?38;/g, "&");
    const result = resolveLink(href, targets);
    if (result.kind === "rewritten") {
      notes.rewritten++;
      return `${start}${quote}${result.href}${quote}`;
    }
    if (result.kind === "not-imported") notes.dangling.push(`${href} (${result.reason})`);
    return whole;
  });
  return { html: out, notes };
}
