import { createHash, hash } from "node:crypto";
import { closeSync, copyFileSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync, writevSync, type Stats } from "node:fs";
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

/**
 * Called with each output not rendered because its signature did not change: its file is already in the output
 * folder (or, for a build cache's reuse, in the previous build's). `kept`: what the build cache knows of it, for a reuse.
 */
export type KeptHook = (output: Output, kept?: KeptOutput) => void;

/** What the build cache keeps of one output: a hash of its signature, and of its bytes, their length and time. */
export interface KeptOutput {
  signature: string;
  hash: string;
  size: number;
  mtimeMs: number;
  /** For a page of the search index: the digest of what the index is handed of it (the `digest` hook's). */
  searchDigest?: string;
}

/**
 * The previous build, in a new process (`npm run build` with the build cache):
 * what it wrote, and where its files are now.
 */
export interface PreviousBuild {
  /** What the previous build wrote at a path (from the cache), or undefined. */
  kept(path: string): KeptOutput | undefined;
  /** Records what this build wrote at a path, for the next one. */
  keep(path: string, entry: KeptOutput): void;
  /** The previous build's published folder, when it is Editoriale's (its marker): files are reused from there. */
  folder: string | undefined;
  /** A file's length and time in `folder` as read ahead (published-stats.ts); undefined: not read, `stat` it. */
  stat?(path: string): { size: number; mtimeMs: number } | null | undefined;
  /**
   * Given when this build will update `folder` in place (src/cli/update-in-place.ts): a reused file is left
   * where it is, not linked into the output folder, and its path is added here.
   */
  inPlace?: string[];
}

export interface WriteReport {
  /** Files written because their content changed (or is new). */
  written: number;
  /** Rendered, but identical to the file already written. */
  unchanged: number;
  /** Not even rendered: their signature did not change. */
  skipped: number;
  /** Written by an earlier build of this process and no longer part of the site (a renamed or deleted article): removed. */
  removed: number;
  /** Not rendered: the same signature as in the previous build (build cache), its file linked or copied from there. */
  reused: number;
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
   * `kept`: called with each output not rendered again (its file is the earlier build's, skipped or reused).
   * `done`: called once per output, when it is written, found unchanged, skipped or reused (the build's progress).
   * `before`: the previous build, in another process (the build cache): outputs whose signature it had are reused.
   * `searchDigest`: for an output with a `searchUrl`, kept with it in the build cache (the search index's key of a reused page).
   */
  return async (
    outputDir: string,
    outputs: Iterable<Output>,
    remember: boolean,
    rendered?: RenderedHook,
    hooks: { kept?: KeptHook; done?: () => void; before?: PreviousBuild; searchDigest?: (output: Output, content: Content) => string | undefined } = {},
  ): Promise<WriteReport> => {
    const { kept: keptHook, done, before, searchDigest } = hooks;
    const root = path.resolve(outputDir);
    if (root !== lastOutputDir) previous.clear();
    lastOutputDir = root;
    const report: WriteReport = { written: 0, unchanged: 0, skipped: 0, removed: 0, reused: 0 };
    const made = new Set<string>();
    const stale = new Set(previous.keys());
    const ensureDir = (file: string) => {
      const dir = path.dirname(file);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
    };
    const turn = eventLoopTurns();
    for (const output of outputs) {
      await turn();
      stale.delete(output.path);
      const signature = remember || before ? output.signature?.() : undefined;
      const known = remember ? previous.get(output.path) : undefined;
      if (signature !== undefined && known?.signature === signature) {
        report.skipped++;
        keptHook?.(output);
        done?.();
        continue;
      }
      const signed = before && signature !== undefined ? hashOf(signature) : undefined;
      if (before && signed !== undefined) {
        const reused = reuse(before, output.path, signed, () => inside(root, output.path, outputDir), ensureDir);
        if (reused) {
          before.keep(output.path, reused);
          keptHook?.(output, reused);
          report.reused++;
          done?.();
          continue;
        }
      }
      const content = await output.render();
      await rendered?.(output, content);
      const hash = remember || signed !== undefined ? hashOf(content) : "";
      if (remember && known?.hash === hash) {
        previous.set(output.path, { signature, hash });
        report.unchanged++;
        done?.();
        continue;
      }
      const file = inside(root, output.path, outputDir);
      ensureDir(file);
      if (typeof content === "string") writeFileSync(file, content);
      else writePieces(file, content);
      if (remember) previous.set(output.path, { signature, hash });
      if (before && signed !== undefined) {
        const stat = statSync(file);
        const digest = output.searchUrl !== undefined ? searchDigest?.(output, content) : undefined;
        before.keep(output.path, { signature: signed, hash, size: stat.size, mtimeMs: stat.mtimeMs, ...(digest !== undefined ? { searchDigest: digest } : {}) });
      }
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

/** How long the writer may keep the event loop to itself: Pagefind's processes are fed and heard in its turns. */
const TURN_MS = 10;

/**
 * A function to await before each output: every TURN_MS it lets the event loop run (a macrotask, so that pipes
 * and timers are served), else it resolves at once. Outputs reused or skipped never wait for anything, so
 * without it a warm build would starve the search index's Pagefind processes for seconds.
 */
function eventLoopTurns(): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < TURN_MS) return undefined;
    last = now;
    return new Promise<void>((resolve) => setImmediate(resolve));
  };
}

/** Front matter cannot send a page outside the site (the schema refuses `..`); this is the last guard. */
function inside(root: string, outputPath: string, outputDir: string): string {
  const file = path.resolve(root, outputPath);
  if (!file.startsWith(root + path.sep)) throw new Error(`Editoriale: refusing to write ${file}, outside ${outputDir}`);
  return file;
}

/**
 * Puts the previous build's file for this output at `file`, when its signature
 * is the one kept and the file is still what that build wrote: the same
 * length, and the same time or else the same bytes (a restored folder may
 * have new times). A hard link costs no copy (the previous folder is replaced
 * and deleted by renames, which leave the new link in place); across file
 * systems, a copy. Undefined when the output must be rendered.
 */
function reuse(before: PreviousBuild, outputPath: string, signed: string, target: () => string, ensureDir: (file: string) => void): KeptOutput | undefined {
  const kept = before.kept(outputPath);
  if (!before.folder || !kept || kept.signature !== signed) return undefined;
  const source = path.join(before.folder, outputPath);
  const known = before.stat?.(outputPath);
  const stat = known === undefined ? statOf(source) : known;
  if (!stat || stat.size !== kept.size) return undefined;
  if (stat.mtimeMs !== kept.mtimeMs && hashOf(readFileSync(source)) !== kept.hash) return undefined;
  // The file is the same: the entry kept is this build's too, as it was (no copy of it).
  const same = stat.mtimeMs === kept.mtimeMs ? kept : { ...kept, mtimeMs: stat.mtimeMs };
  // To update the previous build's folder in place: the file stays where it is, listed for the update.
  if (before.inPlace) {
    before.inPlace.push(outputPath);
    return same;
  }
  const file = target();
  // Built in the previous build's own folder: the file is already in place.
  if (path.resolve(source) === file) return same;
  ensureDir(file);
  try {
    link(source, file);
  } catch {
    copyFileSync(source, file);
    return { ...kept, mtimeMs: statSync(file).mtimeMs };
  }
  return same;
}

/** A file's length and time; null when it is not there or not a file. */
function statOf(file: string): { size: number; mtimeMs: number } | null {
  let stat: Stats | undefined;
  try {
    stat = statSync(file, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  return stat?.isFile() ? stat : null;
}

/** A hard link; whatever was at the path goes first (copying onto a link to the source itself would empty it). */
function link(source: string, file: string): void {
  try {
    linkSync(source, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    unlinkSync(file);
    linkSync(source, file);
  }
}

function hashOf(content: Content | Buffer): string {
  // One call for one piece: tens of thousands of signatures and pages are hashed in a build.
  if (typeof content === "string" || content instanceof Uint8Array) return hash("sha1", content, "base64");
  const pieces = createHash("sha1");
  for (const piece of content) pieces.update(piece);
  return pieces.digest("base64");
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
