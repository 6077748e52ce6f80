import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A file the build writes: its path under the output folder, and how to render it. */
export interface Output {
  path: string;
  render(): string | Promise<string>;
}

export interface WriteReport {
  written: number;
  unchanged: number;
}

/**
 * Writes outputs, skipping those whose content has not changed since the last
 * build of this process (`npm start` rebuilds), so that an edit to one
 * article rewrites only the pages and feeds that show it.
 */
export function outputWriter() {
  const hashes = new Map<string, string>();
  let lastOutputDir = "";
  /** `remember`: keep hashes for the next build of this process (watch and serve); a one-off build skips hashing. */
  return async (outputDir: string, outputs: Iterable<Output>, remember: boolean): Promise<WriteReport> => {
    if (outputDir !== lastOutputDir) hashes.clear();
    lastOutputDir = outputDir;
    const report: WriteReport = { written: 0, unchanged: 0 };
    const made = new Set<string>();
    for (const output of outputs) {
      const content = await output.render();
      const hash = remember ? createHash("sha1").update(content).digest("base64") : "";
      if (remember && hashes.get(output.path) === hash) {
        report.unchanged++;
        continue;
      }
      const file = path.resolve(outputDir, output.path);
      // Front matter cannot send a page outside the site (the schema refuses `..`); this is the last guard.
      if (!file.startsWith(path.resolve(outputDir) + path.sep)) throw new Error(`Editoriale: refusing to write ${file}, outside ${outputDir}`);
      const dir = path.dirname(file);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      writeFileSync(file, content);
      if (remember) hashes.set(output.path, hash);
      report.written++;
    }
    return report;
  };
}
