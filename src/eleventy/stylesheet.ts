import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { lookCss } from "../core/look-css.ts";
import type { Look } from "../core/look.ts";
import type { EleventyConfig } from "./eleventy-config.ts";
import { resolveLookFiles, type PublishedFile } from "./look-files.ts";

const STYLESHEET_TEMPLATE = "editoriale/stylesheet.11ty.js";

/** Whether an Eleventy input path is the stylesheet's virtual template (its file is in the registry's /assets/). */
export function isStylesheetTemplate(inputPath: string): boolean {
  return inputPath.endsWith(`/${STYLESHEET_TEMPLATE}`);
}

export interface StylesheetAsset {
  /** Public path with the content hash, e.g. /assets/editoriale.3f9a1c2b7d.css. */
  href: string;
  css: string;
  /** The site's font files, published with the stylesheet (/assets/fonts/…). */
  fonts: PublishedFile[];
  /** The site's logo (/assets/logo.<hash>.<ext>). */
  logo: PublishedFile | undefined;
}

/** The look a stylesheet is made with, and the folder its files are found from. */
export interface StylesheetLook {
  look: Pick<Look, "colors" | "darkColors" | "fonts" | "fontFiles" | "logo">;
  /** The project: relative paths of font files and logo start here, and so does the search for packages. */
  projectDir: string;
}

/**
 * The theme's stylesheet followed by the site's look (its palette, fonts and
 * @font-face rules: core/look-css.ts), one file under a name carrying a hash
 * of that final content (`/assets/editoriale.3f9a1c2b7d.css`), so that hosts
 * can cache it for a year (netlify.toml does): a changed stylesheet or look is
 * a new address. Read at each call (`npm start` asks again after each edit);
 * undefined without the file. A missing font file or logo throws the
 * writer's error naming the option.
 */
export function stylesheetAsset(file: string, site?: StylesheetLook, publicDir = "/assets/"): () => StylesheetAsset | undefined {
  const name = path.basename(file, ".css");
  return () => {
    if (!existsSync(file)) return undefined;
    const files = site ? resolveLookFiles(site.look, site.projectDir) : { fonts: [], logo: undefined };
    // Fonts are named relative to the stylesheet (/assets/), so that a path prefix needs no rewriting of the CSS.
    const css = readFileSync(file, "utf8") + (site ? lookCss(site.look, files.fonts.map((f) => path.posix.relative(publicDir, f.url))) : "");
    const hash = createHash("sha256").update(css).digest("hex").slice(0, 10);
    return { href: `${publicDir}${name}.${hash}.css`, css, ...files };
  };
}

/** What the layouts need of the stylesheet: its public path, and the logo's. */
export interface PublishedStylesheet {
  href: string;
  logo: string | undefined;
}

/**
 * The fingerprinted stylesheet written by Eleventy (a virtual template), and
 * the look's files as passthrough copies, for sites whose pages Eleventy
 * writes. The look's files are found once, when the plugin is added. Returns
 * the stylesheet's current public path, for the layouts; without the file,
 * the plain `/assets/<name>` copied with the other assets.
 */
export function fingerprintStylesheet(config: EleventyConfig, file: string, site?: StylesheetLook, publicDir = "/assets/"): () => PublishedStylesheet {
  const current = stylesheetAsset(file, site, publicDir);
  const first = current();
  for (const published of [...(first?.fonts ?? []), ...(first?.logo ? [first.logo] : [])]) {
    config.addPassthroughCopy({ [published.source]: published.url.slice(1) });
  }
  config.addTemplate(STYLESHEET_TEMPLATE, {
    data: { eleventyExcludeFromCollections: true, layout: false, permalink: () => current()?.href ?? false },
    render: () => current()?.css ?? "",
  });
  return () => ({ href: current()?.href ?? `${publicDir}${path.basename(file)}`, logo: first?.logo?.url });
}
