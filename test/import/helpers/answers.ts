import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Whether an old address still answers on a built site: a page or file in
 * `_site`, or a 301 in `_site/_redirects` (one hop, to an address that is
 * itself a file), or a rule the import report asked to add (`/category/*`).
 */
export class BuiltSite {
  private readonly rules = new Map<string, string>();

  constructor(
    private readonly site: string,
    private readonly extraRules: readonly string[] = [],
  ) {
    const redirects = join(site, "_redirects");
    if (!existsSync(redirects)) return;
    for (const line of readFileSync(redirects, "utf8").split("\n")) {
      if (!line.trim() || line.startsWith("#")) continue;
      const parts = line.trim().split(/\s+/);
      // "/ p=105 /target/ 301!" is WordPress's /?p=105; "/from/ /to/ 301!" an old path.
      if (parts.length === 4 && parts[1]?.includes("=")) this.rules.set(`/?${parts[1]}`, decodeURIComponent(parts[2] ?? ""));
      else if (parts.length >= 2) this.rules.set(decodeURIComponent(parts[0] ?? ""), decodeURIComponent(parts[1] ?? ""));
    }
  }

  /** The file that serves `path`, if one does. */
  private file(path: string): string | undefined {
    const candidates = path.endsWith("/") ? [join(this.site, path, "index.html")] : [join(this.site, path), join(this.site, path, "index.html")];
    return candidates.find((candidate) => existsSync(candidate));
  }

  /** How `path` answers ("file", "301 → /x/", "report rule → /x/"), or undefined. */
  answer(path: string): string | undefined {
    if (!path.startsWith("/?") && this.file(path)) return "file";
    const target = this.rules.get(path);
    if (target !== undefined) return this.file(target) ? `301 → ${target}` : undefined;
    for (const rule of this.extraRules) {
      const [from = "", to = ""] = rule.trim().split(/\s+/);
      if (!from.endsWith("/*") || !path.startsWith(from.slice(0, -1))) continue;
      const resolved = to.replace(":splat", path.slice(from.length - 1));
      const via = this.file(resolved) ? "file" : this.rules.has(resolved) && this.file(this.rules.get(resolved) ?? "") ? "301" : undefined;
      if (via) return `report rule → ${resolved}`;
    }
    return undefined;
  }
}
