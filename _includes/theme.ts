import type { MarkdownRenderer } from "../src/core/markdown.ts";
import type { SiteModel } from "../src/core/site-model.ts";

/** What every layout receives: the site model of this build and the Markdown renderer. */
export interface Theme {
  model: SiteModel;
  md: MarkdownRenderer;
  /** Public path of the stylesheet (fingerprinted when the host wants it). */
  stylesheet: string;
  /** Whether the site has search (/cerca/ and a search box in the header). */
  search?: boolean;
}
