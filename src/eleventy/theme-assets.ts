import path from "node:path";
import { fileURLToPath } from "node:url";

/** The theme's assets folder (stylesheet, search script), beside the sources or the compiled package alike. */
export const THEME_ASSETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../_includes/assets");

/** The theme's stylesheet, published fingerprinted (stylesheet.ts). */
export const THEME_STYLESHEET = path.join(THEME_ASSETS, "editoriale.css");

/** The search page's script. */
export const SEARCH_SCRIPT = path.join(THEME_ASSETS, "cerca.js");
