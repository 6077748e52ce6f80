/** One attribute in a tag's text: its name, then its value, double-quoted, single-quoted or bare (absent for a name alone). */
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * The attributes written in a tag's text (what follows its name), in order:
 * each name in lower case, with its value as written (character references
 * not decoded), or undefined for a name written alone.
 */
export function tagAttributes(text: string): Array<[string, string | undefined]> {
  const list: Array<[string, string | undefined]> = [];
  for (const a of text.matchAll(ATTRIBUTE)) list.push([(a[1] ?? "").toLowerCase(), a[2] ?? a[3] ?? a[4]]);
  return list;
}
