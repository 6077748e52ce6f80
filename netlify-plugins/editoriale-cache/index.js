/**
 * Keeps Editoriale's caches between Netlify deploys: `.cache/editoriale/` (the
 * build cache: what was read and written, its images, its search index parts)
 * and the published folder `_site/`, from which `npm run build` links every
 * page whose signature did not change (src/eleventy/build-cache.ts).
 *
 * It uses the cache Netlify hands every build plugin (`utils.cache`, the
 * @netlify/cache-utils API), so it needs no package of its own. Restored before
 * the build; saved after a successful one only (Netlify runs onPostBuild only
 * then), so a failed build never leaves a cache behind. The build trusts
 * nothing it restores: a cache made by another version or options is ignored
 * with a notice, and a published file is reused only if it is the one the cache
 * names (same length, and same time or same bytes).
 */

/**
 * The folders to keep: the `paths` input if given, else Editoriale's cache and the publish folder
 * Netlify names (netlify.toml's `publish`).
 * @param {{ paths?: unknown } | undefined} inputs
 * @param {{ PUBLISH_DIR?: string } | undefined} constants
 */
export function pathsOf(inputs, constants) {
  const paths = inputs?.paths;
  if (Array.isArray(paths) && paths.length > 0 && paths.every((p) => typeof p === "string" && p !== "")) return paths;
  return [".cache/editoriale", constants?.PUBLISH_DIR || "_site"];
}

/** @param {{ inputs?: { paths?: unknown }, constants?: { PUBLISH_DIR?: string }, utils: { cache: { restore(path: string): Promise<boolean> } } }} options */
export async function onPreBuild({ inputs, constants, utils }) {
  for (const path of pathsOf(inputs, constants)) {
    const restored = await utils.cache.restore(path);
    console.log(restored ? `[editoriale-cache] restored ${path} from Netlify's build cache` : `[editoriale-cache] ${path}: nothing in Netlify's build cache (a first deploy, or the cache was cleared)`);
  }
}

/** @param {{ inputs?: { paths?: unknown }, constants?: { PUBLISH_DIR?: string }, utils: { cache: { save(path: string): Promise<boolean> } } }} options */
export async function onPostBuild({ inputs, constants, utils }) {
  for (const path of pathsOf(inputs, constants)) {
    const saved = await utils.cache.save(path);
    console.log(saved ? `[editoriale-cache] saved ${path} in Netlify's build cache` : `[editoriale-cache] ${path} does not exist: not saved`);
  }
}
