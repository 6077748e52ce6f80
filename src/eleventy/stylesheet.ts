import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "./eleventy-config.ts";

const STYLESHEET_TEMPLATE = "editoriale/stylesheet.11ty.js";

/** Whether an Eleventy input path is the stylesheet's virtual template (its file is in the registry's /assets/). */
export function isStylesheetTemplate(inputPath: string): boolean {
  return inputPath.endsWith(`/${STYLESHEET_TEMPLATE}`);
}

/**
 * Publishes the theme's stylesheet under a name carrying a hash of its content
 * (`/assets/editoriale.3f9a1c2b7d.css`), so that hosts can cache it for a year
 * (netlify.toml does): a changed stylesheet is a new address. Returns the
 * stylesheet's current public path, for the layouts; without the file, the
 * plain `/assets/<name>` copied with the other assets.
 */
export function fingerprintStylesheet(config: EleventyConfig, file: string, publicDir = "/assets/"): () => string {
  const name = path.basename(file, ".css");
  // Read at each call: a build asks twice (the page links, the file's address), `npm start` again after each edit.
  const current = (): { href: string; css: string } | undefined => {
    if (!existsSync(file)) return undefined;
    const css = readFileSync(file);
    const hash = createHash("sha256").update(css).digest("hex").slice(0, 10);
    return { href: `${publicDir}${name}.${hash}.css`, css: css.toString("utf8") };
  };
  config.addTemplate(STYLESHEET_TEMPLATE, {
    data: { eleventyExcludeFromCollections: true, layout: false, permalink: () => current()?.href ?? false },
    render: () => current()?.css ?? "",
  });
  return () => current()?.href ?? `${publicDir}${name}.css`;
}
