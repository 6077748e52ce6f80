/** A Markdown file split into its front matter (YAML text) and its body. */
export interface SplitFile {
  /** The YAML between the `---` lines; undefined when the file has no front matter. */
  yaml: string | undefined;
  /**
   * The YAML with a blank line for each line above it (the opening `---`): what the YAML reader is
   * given, so that its line numbers are the file's, counted from the top (the `---` line is line 1).
   */
  yamlAtFileLines: string | undefined;
  body: string;
  /** Line of the file where the body starts (1-based), for messages. */
  bodyLine: number;
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/**
 * Splits `---\nyaml\n---\nbody`, as gray-matter does for Eleventy: a UTF-8 BOM
 * and CRLF line ends are accepted; a file without an opening `---` is all body.
 */
export function splitFrontMatter(text: string): SplitFile {
  const opening = OPENING.exec(text);
  if (!opening) return { yaml: undefined, yamlAtFileLines: undefined, body: text.replace(/^\uFEFF/, ""), bodyLine: 1 };
  const rest = text.slice(opening[0].length);
  // An empty front matter closes on the very next line.
  const closing = CLOSING.exec(rest);
  if (!closing) return { yaml: undefined, yamlAtFileLines: undefined, body: text.replace(/^\uFEFF/, ""), bodyLine: 1 };
  const yaml = rest.slice(0, closing.index);
  const body = rest.slice(closing.index + closing[0].length);
  const bodyLine = 2 + (yaml.match(/\n/g)?.length ?? 0) + 1;
  return { yaml, yamlAtFileLines: "\n" + yaml, body, bodyLine };
}
