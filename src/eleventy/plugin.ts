import path from "node:path";
import { fileURLToPath } from "node:url";
import { createMarkdown } from "../core/markdown.ts";
import { resolveOptions, type EditorialeOptions } from "../core/options.ts";
import { buildSiteModel, type SiteModel } from "../core/site-model.ts";
import type { Theme } from "../../_includes/theme.ts";
import type { CollectionApi, EleventyConfig } from "./eleventy-config.ts";
import { frontMatterEngine } from "./front-matter-engine.ts";
import { addRedirectsTemplate } from "./redirects-template.ts";
import { siteSources } from "./site-sources.ts";
import { fingerprintStylesheet } from "./stylesheet.ts";
import { addVirtualTemplates } from "./virtual-templates.ts";

export type { EditorialeOptions };

const THEME_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The Editoriale plugin: `eleventyConfig.addPlugin(editoriale, options)`.
 * Reads the articles Eleventy finds, builds the site model once per build
 * (terms, archives, pages, feeds) and adds the templates that write it.
 */
export default function editoriale(eleventyConfig: EleventyConfig, userOptions?: EditorialeOptions): void {
  const options = resolveOptions(userOptions);
  const md = createMarkdown();
  eleventyConfig.setLibrary("md", md);
  eleventyConfig.setFrontMatterParsingOptions({
    engines: { yaml: frontMatterEngine(options, () => eleventyConfig.directories.input, "layouts/article.11ty.ts") },
  });
  eleventyConfig.addExtension(["11ty.ts"], { key: "11ty.js" });
  eleventyConfig.addTemplateFormats("11ty.ts");
  eleventyConfig.addPassthroughCopy({ [path.join(THEME_ROOT, "_includes/assets")]: "assets" });
  const stylesheet = fingerprintStylesheet(eleventyConfig, path.join(THEME_ROOT, "_includes/assets/editoriale.css"));

  let theme: Theme | undefined;
  eleventyConfig.on("eleventy.before", () => {
    theme = undefined;
  });
  const themeFor = (api: CollectionApi): Theme => {
    if (!theme) {
      const model: SiteModel = buildSiteModel(siteSources(api), options, md);
      for (const notice of model.notices) console.log(`[editoriale] ${notice}`);
      theme = { model, md, stylesheet: stylesheet() };
    }
    return theme;
  };
  eleventyConfig.addCollection("editoriale", (api) => themeFor(api));
  eleventyConfig.addCollection("editorialeArticles", (api) => themeFor(api).model.articles);
  eleventyConfig.addCollection("editorialePages", (api) => themeFor(api).model.pages);
  eleventyConfig.addCollection("editorialeArchives", (api) => themeFor(api).model.archives);
  eleventyConfig.addCollection("editorialeIndexes", (api) => themeFor(api).model.indexes);
  addVirtualTemplates(eleventyConfig, options, md);
  addRedirectsTemplate(eleventyConfig, (api) => themeFor(api).model);
}
