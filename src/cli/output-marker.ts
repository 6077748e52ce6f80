/**
 * The marker file every build writes into its output folder, first thing: it
 * is what proves that a folder was written by Editoriale, so that a later
 * build may replace it and a leftover of a killed build may be deleted.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { OUTPUT_MARKER } from "../core/site-files.ts";

/** The marker's file name, shared with the registry of the files a build writes. */
export const MARKER = OUTPUT_MARKER;

/**
 * `processes`: the build and its Eleventy, while it runs; a leftover is not touched while either lives (Eleventy outlives a killed script).
 * `updating`: a published site being updated in place by that build (update-in-place.ts); until the marker is written
 * again without it, the folder may mix two builds, and the next build does not update it in place.
 */
export function writeMarker(dir: string, processes: readonly number[] = [], state: { updating?: number } = {}): void {
  const running = processes.length > 0 ? `processes: ${processes.join(" ")}\n` : "";
  const updating = state.updating !== undefined ? `updating: ${state.updating}\n` : "";
  writeFileSync(path.join(dir, MARKER), `This folder is written by Editoriale (npm run build); the next build replaces it.\n${running}${updating}`);
}

/** Whether a folder is a finished site of ours: marked, and no build running in it or cut short while updating it. */
export function isFinishedSite(dir: string): boolean {
  try {
    return !/^(processes|updating): /m.test(readFileSync(path.join(dir, MARKER), "utf8"));
  } catch {
    return false;
  }
}

/** The processes a marker names (none once the site is published or for an older marker). */
export function markerProcesses(dir: string): number[] {
  try {
    const line = /^processes: (.*)$/m.exec(readFileSync(path.join(dir, MARKER), "utf8"));
    return line?.[1] ? line[1].split(" ").map(Number).filter(Number.isInteger) : [];
  } catch {
    return [];
  }
}

export function hasMarker(dir: string): boolean {
  return existsSync(path.join(dir, MARKER));
}

/**
 * Whether a folder is a site Editoriale built: the marker, or — for builds made
 * before the marker existed — the theme's fingerprinted stylesheet, which only
 * this build writes (assets/editoriale.<10 hex>.css).
 */
export function isEditorialeOutput(dir: string): boolean {
  if (hasMarker(dir)) return true;
  try {
    return readdirSync(path.join(dir, "assets")).some((name) => /^editoriale\.[0-9a-f]{10}\.css$/.test(name));
  } catch {
    return false;
  }
}
