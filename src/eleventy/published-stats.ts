import path from "node:path";
import { Worker } from "node:worker_threads";

/** A published file's length and modification time, as `statSync` gives them; null: not there, or not a file. */
export type PublishedStat = { size: number; mtimeMs: number } | null;

/**
 * The length and time of each file the previous build published, read in a
 * worker thread while this build reads the content and makes its model (one
 * core idle then), so that the writer, which must check each file it reuses
 * (output-writer.ts: `reuse`), does not make tens of thousands of `stat`
 * calls itself (~0.25 s at 10,000 articles). Read once: a file changed after
 * it was read and before the site is updated is the same race as with a
 * `stat` made by the writer a second later.
 */
export class PublishedStats {
  private readonly index = new Map<string, number>();
  private readonly read: Promise<Float64Array | undefined>;
  private values: Float64Array | undefined;

  /** `paths`: relative to `folder`, with "/" (the build cache's output paths). */
  constructor(folder: string, paths: readonly string[]) {
    paths.forEach((p, i) => this.index.set(p, i));
    this.read = new Promise((resolve) => {
      // A worker that cannot start or run (no threads left) only means the writer makes its own calls.
      let worker: Worker;
      try {
        worker = new Worker(WORKER, { eval: true, workerData: { folder: path.resolve(folder), paths } });
      } catch {
        resolve(undefined);
        return;
      }
      worker.once("message", (values: Float64Array) => resolve(values));
      worker.once("error", () => resolve(undefined));
      worker.once("exit", () => resolve(undefined));
    });
  }

  /** Waits for the worker (done long before, as a rule); after this, `of` answers. */
  async ready(): Promise<void> {
    this.values = await this.read;
  }

  /** The file's length and time as read, null when it was not a file, undefined when not read (do it yourself). */
  of(relative: string): PublishedStat | undefined {
    const i = this.index.get(relative);
    if (i === undefined || !this.values) return undefined;
    const size = this.values[2 * i] as number;
    return size < 0 ? null : { size, mtimeMs: this.values[2 * i + 1] as number };
  }
}

/** The worker, as source text (eval): it must run from the sources, from the build's JavaScript copy and from dist/ alike. */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { statSync } = require("node:fs");
const { join } = require("node:path");
const { folder, paths } = workerData;
const values = new Float64Array(paths.length * 2);
for (let i = 0; i < paths.length; i++) {
  let stat;
  try {
    stat = statSync(join(folder, paths[i]), { throwIfNoEntry: false });
  } catch {
    stat = undefined;
  }
  values[2 * i] = stat && stat.isFile() ? stat.size : -1;
  values[2 * i + 1] = stat && stat.isFile() ? stat.mtimeMs : 0;
}
parentPort.postMessage(values, [values.buffer]);
`;
