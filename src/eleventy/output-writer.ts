import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writevSync } from "node:fs";
import path from "node:path";

/** A file's content: text, or UTF-8 pieces written one after the other (a feed's items, encoded once for every feed). */
export type Content = string | readonly Uint8Array[];

/** A file the build writes: its path under the output folder, and how to render it. */
export interface Output {
  path: string;
  render(): Content | Promise<Content>;
  /**
   * What the output shows, in short (see output-signatures.ts): when it equals
   * the previous build's, rendering is skipped. Absent or undefined: always rendered.
   */
  signature?(): string | undefined;
  /** The page's URL when it belongs in the search index (article pages). */
  searchUrl?: string;
}

/** Called with each output this build renders, as soon as it is rendered (the search index reads article pages as they come). */
export type RenderedHook = (output: Output, content: Content) => void | Promise<void>;

/** Called with each output not rendered because its signature did not change: its file is already in the output folder. */
export type KeptHook = (output: Output) => void;

export interface WriteReport {
  /** Files written because their content changed (or is new). */
  written: number;
  /** Rendered, but identical to the file already written. */
  unchanged: number;
  /** Not even rendered: their signature did not change. */
  skipped: number;
  /** Written by an earlier build of this process and no longer part of the site (a renamed or deleted article): removed. */
  removed: number;
}

interface Remembered {
  signature: string | undefined;
  hash: string;
}

/**
 * Writes outputs. When asked to remember (`npm start`: watch and serve), it
 * keeps each output's signature and content hash for the next build of this
 * process: an output whose signature did not change is not rendered, and one
 * rendered to the same content is not written again, so that an edit to one
 * article rewrites only the pages and feeds that show it; and a file it wrote
 * that the site no longer has (a renamed article's old page) is removed, so
 * that the preview does not keep serving it.
 */
export function outputWriter() {
  const previous = new Map<string, Remembered>();
  let lastOutputDir = "";
  /**
   * `remember`: keep signatures and hashes for the next build of this process; a one-off build computes neither.
   * `kept`: called with each output not rendered again (its file is the earlier build's).
   * `done`: called once per output, when it is written, found unchanged or skipped (the build's progress).
   */
  return async (outputDir: string, outputs: Iterable<Output>, remember: boolean, rendered?: RenderedHook, hooks: { kept?: KeptHook; done?: () => void } = {}): Promise<WriteReport> => {
    const { kept, done } = hooks;
    const root = path.resolve(outputDir);
    if (root !== lastOutputDir) previous.clear();
    lastOutputDir = root;
    const report: WriteReport = { written: 0, unchanged: 0, skipped: 0, removed: 0 };
    const made = new Set<string>();
    const stale = new Set(previous.keys());
    for (const output of outputs) {
      stale.delete(output.path);
      const signature = remember ? output.signature?.() : undefined;
      const known = remember ? previous.get(output.path) : undefined;
      if (signature !== undefined && known?.signature === signature) {
        report.skipped++;
        kept?.(output);
        done?.();
        continue;
      }
      const content = await output.render();
      await rendered?.(output, content);
      const hash = remember ? hashOf(content) : "";
      if (remember && known?.hash === hash) {
        previous.set(output.path, { signature, hash });
        report.unchanged++;
        done?.();
        continue;
      }
      const file = path.resolve(root, output.path);
      // Front matter cannot send a page outside the site (the schema refuses `..`); this is the last guard.
      if (!file.startsWith(root + path.sep)) throw new Error(`Editoriale: refusing to write ${file}, outside ${outputDir}`);
      const dir = path.dirname(file);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      if (typeof content === "string") writeFileSync(file, content);
      else writePieces(file, content);
      if (remember) previous.set(output.path, { signature, hash });
      report.written++;
      done?.();
    }
    for (const gone of stale) {
      rmSync(path.resolve(root, gone), { force: true });
      previous.delete(gone);
      report.removed++;
    }
    return report;
  };
}

function hashOf(content: Content): string {
  const hash = createHash("sha1");
  if (typeof content === "string") hash.update(content);
  else for (const piece of content) hash.update(piece);
  return hash.digest("base64");
}

/** Writes the pieces in order with as few system calls as the kernel allows. */
function writePieces(file: string, pieces: readonly Uint8Array[]): void {
  const fd = openSync(file, "w");
  try {
    let rest = pieces.filter((p) => p.byteLength > 0);
    while (rest.length > 0) {
      let written = writevSync(fd, rest);
      // A short write: drop what was written and go on with the rest.
      const next: Uint8Array[] = [];
      for (const piece of rest) {
        if (written >= piece.byteLength) written -= piece.byteLength;
        else {
          next.push(written > 0 ? piece.subarray(written) : piece);
          written = 0;
        }
      }
      rest = next;
    }
  } finally {
    closeSync(fd);
  }
}
