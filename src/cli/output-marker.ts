/**
 * The marker file every build writes into its output folder, first thing: it
 * is what proves that a folder was written by Editoriale, so that a later
 * build may replace it and a leftover of a killed build may be deleted.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export const MARKER = ".editoriale-output";

export function writeMarker(dir: string): void {
  writeFileSync(path.join(dir, MARKER), "This folder is written by Editoriale (npm run build); the next build replaces it.\n");
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
