/**
 * A rewriter of the URL attributes (`href`, `src`…) of an HTML text, double-quoted (as markdown-it and our
 * layouts write them) or single-quoted (raw HTML). `rewrite` gets each value as written (entities included)
 * and returns the new one, or undefined to keep the attribute as it is; the value goes back in the quotes it
 * came in, that quote escaped.
 */
export function urlAttributeRewriter(names: readonly string[]): (html: string, rewrite: (value: string, name: string) => string | undefined) => string {
  const pattern = new RegExp(`\\b(${names.join("|")})=("([^"]*)"|'([^']*)')`, "g");
  return (html, rewrite) =>
    html.replace(pattern, (whole, name: string, _quoted: string, double?: string, single?: string) => {
      const value = rewrite(double ?? single ?? "", name);
      if (value === undefined) return whole;
      return double !== undefined ? `${name}="${value.replace(/"/g, "&quot;")}"` : `${name}='${value.replace(/'/g, "&#39;")}'`;
    });
}
