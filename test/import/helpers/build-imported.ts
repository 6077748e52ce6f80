import { spawnSync } from "node:child_process";
import { join } from "node:path";
import * as assert from "uvu/assert";
import { projectRoot } from "./tree.ts";

/**
 * `npm run build -- --input=<dir>/content --output=<dir>/_site` with the import's site data, as a maintainer
 * builds a site started from an export; a failure fails the test with the build's own words. Returns the output.
 */
export function buildImported(dir: string, data: string, env: Record<string, string> = {}): string {
  const site = join(dir, "_site");
  const { FORCE_COLOR: _color, ...inherited } = process.env;
  const build = spawnSync("npm", ["run", "build", "--silent", "--", `--input=${join(dir, "content")}`, `--output=${site}`], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...inherited, EDITORIALE_DATA: data, TZ: "Europe/Rome", ...env },
  });
  if (build.status !== 0) assert.unreachable(`npm run build failed on the imported site:\n${build.stdout}${build.stderr}`);
  return site;
}
