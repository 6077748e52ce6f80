import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { IANAZone } from "luxon";

/** The site's own time zone, from `site.json` in the data folder, when it names a valid one. */
export async function siteTimeZone(dataDir: string): Promise<string | undefined> {
  try {
    const site: unknown = JSON.parse(await readFile(join(dataDir, "site.json"), "utf8"));
    const zone = typeof site === "object" && site !== null ? (site as Record<string, unknown>)["timeZone"] : undefined;
    return typeof zone === "string" && IANAZone.isValidZone(zone) ? zone : undefined;
  } catch {
    return undefined;
  }
}
