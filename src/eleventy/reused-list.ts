import { writeFileSync } from "node:fs";
import path from "node:path";
import { REUSED_LIST } from "../core/site-files.ts";

/**
 * Leaves in the build folder the list of the published files this build reused where they are (a folder with a
 * final "/"), for `npm run build` to update the published site in place (src/cli/update-in-place.ts). Written
 * even when empty: its presence says the build folder holds only what changed.
 */
export function writeReusedList(outputDir: string, paths: readonly string[]): void {
  writeFileSync(path.join(outputDir, REUSED_LIST), paths.length > 0 ? `${paths.join("\n")}\n` : "");
}
