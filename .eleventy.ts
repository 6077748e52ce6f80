import path from "node:path";
import editoriale from "./src/eleventy/plugin.ts";
import { loadSiteData } from "./src/eleventy/site-data.ts";
import type { EleventyConfig } from "./src/eleventy/eleventy-config.ts";

const root = import.meta.dirname;
/** Site data folder: the project's `_data/`, or EDITORIALE_DATA (build tests point it at a fixture's). */
const dataDir = path.resolve(process.env.EDITORIALE_DATA ?? path.join(root, "_data"));

/** The bundled sample site: the Editoriale plugin configured by the files in `_data/`. */
export default function (eleventyConfig: EleventyConfig): void {
  // `--input=DIR` builds any folder of articles with this theme and site data.
  const input = eleventyConfig.directories.input;
  eleventyConfig.setIncludesDirectory(path.relative(input, path.join(root, "_includes")));
  eleventyConfig.setDataDirectory(path.relative(input, dataDir));
  eleventyConfig.addPlugin(editoriale, loadSiteData(dataDir));
}

export const config = {
  dir: { input: "content", output: "_site" },
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
