import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "./eleventy-config.ts";

const STYLESHEET_TEMPLATE = "editoriale/stylesheet.11ty.js";

/** Whether an Eleventy input path is the stylesheet's virtual template (its file is in the registry's /assets/). */
export function isStylesheetTemplate(inputPath: string): boolean {
  return inputPath.endsWith(`/${STYLESHEET_TEMPLATE}`);
}

export interface StylesheetAsset {
  /** Public path with the content hash, e.g. /assets/editoriale.3f9a1c2b7d.css. */
  href: string;
  css: string;
}

/**
 * The theme's stylesheet under a name carrying a hash of its content
 * (`/assets/editoriale.3f9a1c2b7d.css`), so that hosts can cache it for a year
 * (netlify.toml does): a changed stylesheet is a new address. Read at each
 * call (`npm start` asks again after each edit); undefined without the file.
 */
export function stylesheetAsset(file: string, publicDir = "/assets/"): () => StylesheetAsset | undefined {
  const name = path.basename(file, ".css");
  return () => {
    if (!existsSync(file)) return undefined;
    const css = readFileSync(file);
    const hash = createHash("sha256").update(css).digest("hex").slice(0, 10);
    return { href: `${publicDir}${name}.${hash}.css`, css: css.toString("utf8") };
  };
}

/**
 * The fingerprinted stylesheet written by Eleventy (a virtual template), for
 * sites whose pages Eleventy writes. Returns the stylesheet's current public
 * path, for the layouts; without the file, the plain `/assets/<name>` copied
 * with the other assets.
 */
export function fingerprintStylesheet(config: EleventyConfig, file: string, publicDir = "/assets/"): () => string {
  const current = stylesheetAsset(file, publicDir);
  config.addTemplate(STYLESHEET_TEMPLATE, {
    data: { eleventyExcludeFromCollections: true, layout: false, permalink: () => current()?.href ?? false },
    render: () => current()?.css ?? "",
  });
  return () => current()?.href ?? `${publicDir}${path.basename(file)}`;
}
