import type { Problem } from "./errors.ts";
import type { SiteModel } from "./site-model.ts";

/** One permanent redirect, as Netlify's `_redirects` file writes it. */
export interface RedirectRule {
  /** Path of the old address, percent-encoded. */
  from: string;
  /** A query parameter the old address must carry: WordPress's `/?p=1234`. */
  query: { key: string; value: string } | undefined;
  /** Path of the page or feed it now lives at, percent-encoded. */
  to: string;
}

interface Owner {
  /** “the article content/x.md”, “the archive “Post con tag …””, or a rule's origin. */
  description: string;
  /** Set when an editor's article owns the address: problems are filed against it. */
  file: string | undefined;
  field: string;
  /** Set for redirects: where the address leads. */
  to: string | undefined;
}

/**
 * Every redirect the build writes, so that WordPress addresses keep working:
 * `<archive>/feed/` → `<archive>/feed.xml` and `<archive>/page/1/` → `<archive>/`
 * for every archive (the home included), and each article's `aliases` and
 * `wp_id` (`/?p=ID`) → the article. An address claimed twice — by two rules, or
 * by a rule and a page — is a problem: Netlify would silently keep the first.
 */
export function buildRedirects(model: SiteModel): { rules: RedirectRule[]; problems: Problem[] } {
  const rules: RedirectRule[] = [];
  const problems: Problem[] = [];
  const owners = new Map<string, Owner>();

  // A redirect never starts at a file the build writes (a page, a feed, the stylesheet, the search index):
  // the rules are forced, so the host would answer with the redirect instead of the file.
  const fileOwner = (rule: RedirectRule): Owner | undefined => {
    if (rule.query) return undefined;
    const owner = model.outputs.ownerOfAddress(safeDecode(rule.from));
    return owner && { description: owner.description, file: owner.file, field: owner.field ?? "url", to: undefined };
  };

  const add = (rule: RedirectRule, claimant: Owner) => {
    const key = addressKey(rule.from, rule.query);
    const shown = rule.query ? `${rule.from}?${rule.query.key}=${rule.query.value}` : rule.from;
    const owner = owners.get(key) ?? fileOwner(rule);
    if (owner === undefined) {
      owners.set(key, claimant);
      rules.push(rule);
      return;
    }
    // The same article naming the same former address twice asks for one rule.
    if (owner.file !== undefined && owner.file === claimant.file && owner.to === claimant.to) return;
    problems.push(duplicate(shown, owner, claimant));
  };

  for (const archive of model.archives) {
    const origin = `the archive “${archive.heading}”`;
    const claim = (what: string, to: string): Owner => ({ description: `WordPress's ${what} of ${origin}`, file: undefined, field: "url", to });
    add({ from: encodePath(`${archive.url}feed/`), query: undefined, to: encodePath(archive.feedUrl) }, claim("feed address", archive.feedUrl));
    add({ from: encodePath(`${archive.url}page/1/`), query: undefined, to: encodePath(archive.url) }, claim("first-page address", archive.url));
  }
  for (const article of [...model.articles, ...model.contentPages]) {
    const to = encodePath(article.url);
    for (const alias of article.aliases) {
      add({ from: encodePath(alias), query: undefined, to }, { description: article.file, file: article.file, field: "aliases", to: article.url });
    }
    if (article.wpId !== undefined) {
      const query = { key: "p", value: String(article.wpId) };
      add({ from: "/", query, to }, { description: article.file, file: article.file, field: "wp_id", to: article.url });
    }
  }
  return { rules, problems };
}

/** The problem of an address claimed twice, filed against the editor's file when there is one. */
function duplicate(shown: string, owner: Owner, claimant: Owner): Problem {
  if (claimant.file !== undefined) {
    const message =
      owner.to === undefined
        ? `${shown} is the address of ${owner.description}, so it cannot also redirect to ${claimant.to ?? "this article"}`
        : `${shown} already redirects to ${owner.to} (${owner.description})`;
    return { code: "REDIRECT_DUPLICATE", file: claimant.file, field: claimant.field, message, fix: fixFor(claimant.field) };
  }
  if (owner.file !== undefined) {
    const message = `${shown}, this article's address, is ${claimant.description}, which must redirect to ${claimant.to ?? "it"}`;
    return { code: "REDIRECT_DUPLICATE", file: owner.file, field: owner.field, message, fix: fixFor(owner.field) };
  }
  return {
    code: "REDIRECT_DUPLICATE",
    file: "_redirects",
    field: "url",
    message: `${shown} is claimed by ${owner.description} and by ${claimant.description}`,
    fix: fixFor("url"),
  };
}

/** The `_redirects` file: one forced 301 a line (forced, because `/?p=ID` starts at `/`, which is a page). */
export function renderRedirects(rules: readonly RedirectRule[]): string {
  const lines = rules.map((r) => [r.from, r.query ? `${r.query.key}=${r.query.value}` : "", r.to, "301!"].filter(Boolean).join(" "));
  return `# Written by Editoriale at every build: WordPress addresses that still lead somewhere.\n${lines.join("\n")}\n`;
}

/**
 * Netlify matches `/a` and `/a/` alike, and compares paths once decoded: two
 * spellings of one address are one address.
 */
function addressKey(path: string, query?: { key: string; value: string }): string {
  const decoded = safeDecode(path);
  const trimmed = decoded.length > 1 ? decoded.replace(/\/+$/, "") : decoded;
  return query ? `${trimmed}?${query.key}=${query.value}` : trimmed;
}

/**
 * A path as `_redirects` wants it: percent-encoded, and a segment starting with
 * `:` encoded too (it would be a Netlify placeholder, matching any segment).
 */
export function encodePath(path: string): string {
  return encodeURI(safeDecode(path)).replace(/\/:/g, "/%3A");
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function fixFor(field: string): string {
  if (field === "aliases") return "remove this address from `aliases:` (a former address can lead to one article only, and never replaces a page)";
  if (field === "wp_id") return "correct `wp_id:` — each WordPress ID belongs to one article";
  if (field === "slug") return "give this article another `slug:` (or `permalink:`): its address is one WordPress used for a feed or a first page";
  return "rename one of the two terms or give one a slug in _data/terms.json";
}
