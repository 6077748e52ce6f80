import path from "node:path";
import { readFileSync } from "node:fs";
import editoriale, { type EditorialeOptions } from "./src/eleventy/plugin.ts";
import type { EleventyConfig } from "./src/eleventy/eleventy-config.ts";

const root = import.meta.dirname;
/** Site data folder: the project's `_data/`, or EDITORIALE_DATA (build tests point it at a fixture's). */
const dataDir = path.resolve(process.env.EDITORIALE_DATA ?? path.join(root, "_data"));
/** Site data is validated by the plugin, which names the bad field. */
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(dataDir, file), "utf8")) as T;

/** The bundled sample site: the Editoriale plugin with Welforum's site data. */
export default function (eleventyConfig: EleventyConfig): void {
  // `--input=DIR` builds any folder of articles with this theme and site data.
  const input = eleventyConfig.directories.input;
  eleventyConfig.setIncludesDirectory(path.relative(input, path.join(root, "_includes")));
  eleventyConfig.setDataDirectory(path.relative(input, dataDir));
  eleventyConfig.addPlugin(editoriale, {
    site: readJson<EditorialeOptions["site"]>("site.json"),
    terms: readJson<EditorialeOptions["terms"]>("terms.json"),
    capitalizeMonths: false,
  });
}

export const config = {
  dir: { input: "content", output: "_site" },
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
