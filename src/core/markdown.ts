import MarkdownIt from "markdown-it";

export type MarkdownRenderer = ReturnType<typeof MarkdownIt>;

/**
 * The one Markdown renderer, used for article bodies, dossier presentations and
 * feeds. Raw HTML in articles is allowed (migrated WordPress content has it);
 * markdown-it refuses `javascript:`, `vbscript:` and non-image `data:` links.
 */
export function createMarkdown(): MarkdownRenderer {
  return new MarkdownIt({ html: true, linkify: true, typographer: false });
}
