import { throwIfProblems } from "../core/errors.ts";
import { buildRedirects, renderRedirects, type RedirectRule } from "../core/redirects.ts";
import type { SiteModel } from "../core/site-model.ts";
import type { CollectionApi, EleventyConfig } from "./eleventy-config.ts";

/**
 * Writes Netlify's `_redirects` (WordPress feed, first-page, alias and `/?p=ID`
 * addresses). The rules are a collection so that a duplicate address stops the
 * build like every other problem: one line, no stack trace.
 */
export function addRedirectsTemplate(config: EleventyConfig, modelOf: (api: CollectionApi) => SiteModel): void {
  config.addCollection("editorialeRedirects", (api) => {
    const { rules, problems } = buildRedirects(modelOf(api));
    throwIfProblems(problems);
    return rules;
  });
  config.addTemplate("editoriale/redirects.11ty.js", {
    data: { eleventyExcludeFromCollections: true, layout: false, permalink: "/_redirects" },
    render: (data) => renderRedirects((data.collections as { editorialeRedirects: RedirectRule[] }).editorialeRedirects),
  });
}
