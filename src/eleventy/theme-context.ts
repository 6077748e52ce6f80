import { formatLongDate, isoDateTime } from "../core/dates.ts";
import { html } from "../core/html.ts";
import type { MarkdownRenderer } from "../core/markdown.ts";
import type { SiteModel } from "../core/site-model.ts";
import type { ArchivePage } from "../core/archive.ts";
import type { PageView, ThemeContext, ThemeParts } from "../core/theme-contract.ts";
import { fill } from "../core/words.ts";
import { bundledTheme } from "../../_includes/index.ts";
import { featuredPicture } from "../../_includes/partials/picture.ts";

export interface ThemeInput {
  model: SiteModel;
  md: MarkdownRenderer;
  stylesheet: string;
  /** Public path of the published logo (stylesheet.ts), when the site has one. */
  logo?: string | undefined;
  search: boolean;
}

/**
 * The context every part of one build renders with: the bundled theme's parts
 * with the site's replacements (`theme` option) over them, and the helpers
 * bound to the site's language and time zone.
 */
export function themeContext({ model, md, stylesheet, logo, search }: ThemeInput): ThemeContext {
  const { options } = model;
  const { site, language, capitalizeMonths } = options;
  const parts: ThemeParts = { ...bundledTheme, ...options.theme };
  const context: ThemeContext = {
    model,
    options,
    words: options.words,
    md,
    stylesheet,
    logo,
    search,
    parts,
    bundled: bundledTheme,
    html,
    fill,
    formatDate: (date) => formatLongDate(date, site.timeZone, capitalizeMonths, language.base),
    isoDate: (date) => isoDateTime(date, site.timeZone),
    picture: (image, settings) => featuredPicture(context, image, settings),
  };
  return context;
}

/** A page as its part draws it, in the document of the theme (content mode; collection mode wraps `main` in the site's layout). */
export function renderView(theme: ThemeContext, view: PageView): string {
  return theme.parts.document(theme, view.meta, view.main);
}

/** The part that draws an archive page: home, dossier, or a term's or intersection's archive. */
export function archivePart(theme: ThemeContext, page: ArchivePage): PageView {
  const { archive } = page;
  const part = archive.kind === "home" ? theme.parts.home : archive.kind === "dossier" ? theme.parts.dossier : theme.parts.archive;
  return part(theme, page);
}
