import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

/** Every file under `dir` with its text, by path relative to `dir`: two sites compare as two maps. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), readFileSync(full, "utf8"));
    }
  };
  walk(dir);
  return files;
}

/** The files a build writes into a fresh folder under `parent` (removed afterwards): what a rebuild must leave on disk. */
export async function freshTree(parent: string, build: (output: string) => Promise<unknown>): Promise<Map<string, string>> {
  const out = mkdtempSync(path.join(parent, "fresh-"));
  await build(out);
  const files = readTree(out);
  rmSync(out, { recursive: true, force: true });
  return files;
}
