import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type * as Pagefind from "pagefind";
import { EditorialeError } from "../core/errors.ts";

/** Pages handed to Pagefind and not yet answered, at most: enough to keep its process busy, few enough to bound memory. */
const IN_FLIGHT = 128;

export interface IndexReport {
  pages: number;
  seconds: number;
  /** Pagefind's own process (Linux only; undefined elsewhere): its CPU time and peak resident memory. */
  process: PagefindProcess | undefined;
}

export interface PagefindProcess {
  cpuSeconds: number;
  peakKiB: number;
}

/**
 * One Pagefind index, in Pagefind's own process, fed page by page.
 *
 * Content mode makes one per search bundle (search-bundles.ts), one after
 * the other, each closed before the next so that Pagefind's memory is that of
 * one bundle; collection mode makes one for its posts. Only article pages are
 * indexed (the only pages with `data-pagefind-body`), with the site's language
 * forced so that every page shares one index.
 */
export class SearchIndex {
  private readonly inFlight: Array<Promise<void>> = [];
  private failure: Error | undefined;
  private pages = 0;
  private writing: Promise<IndexReport> | undefined;

  private constructor(
    private readonly pagefind: typeof Pagefind,
    private readonly index: Pagefind.PagefindIndex,
    private readonly started: number,
  ) {}

  static async start(language: string): Promise<SearchIndex> {
    const started = performance.now();
    const pagefind = await loadPagefind();
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language.slice(0, 2) });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    return new SearchIndex(pagefind, index, started);
  }

  /**
   * Hands one page to Pagefind. Returns once Pagefind's process has been
   * given the chance to read it (a turn of the event loop), or, with too many
   * pages unanswered, once the oldest is answered.
   */
  async add(url: string, page: string): Promise<void> {
    if (this.writing) throw new Error(`Editoriale: ${url} reached the search index after it was written`);
    const added = this.index.addHTMLFile({ url, content: indexedPart(page) }).then(
      (response) => {
        if (response.errors.length > 0) this.failure ??= new Error(`Pagefind could not index ${url}: ${response.errors.join("; ")}`);
        else this.pages++;
      },
      (error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      },
    );
    this.inFlight.push(added);
    if (this.inFlight.length >= IN_FLIGHT) await this.inFlight.shift();
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Writes the index files into `folder` once every page handed over is indexed, then stops Pagefind; asked twice, writes once. */
  write(folder: string): Promise<IndexReport> {
    this.writing ??= this.writeNow(folder);
    return this.writing;
  }

  private async writeNow(folder: string): Promise<IndexReport> {
    try {
      await Promise.all(this.inFlight.splice(0));
      if (this.failure) throw this.failure;
      const written = await this.index.writeFiles({ outputPath: folder });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
      return { pages: this.pages, seconds: (performance.now() - this.started) / 1000, process: pagefindProcess() };
    } finally {
      await this.pagefind.close();
    }
  }

  /** Stops Pagefind without writing (the build failed). */
  async abandon(): Promise<void> {
    await Promise.allSettled(this.inFlight.splice(0));
    await this.pagefind.close();
  }
}

/**
 * Pagefind is an optional peer dependency of the package (a site without
 * search does not install it), so it is loaded only when search is on, and
 * its absence is the site's setting to correct, not a stack trace.
 */
export async function loadPagefind(): Promise<typeof Pagefind> {
  try {
    return await import("pagefind");
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw missingPagefind();
  }
}

/** The installed Pagefind's version (part of the search cache's key), read without starting it. */
export function pagefindVersion(): string {
  let main: string;
  try {
    main = fileURLToPath(import.meta.resolve("pagefind"));
  } catch {
    throw missingPagefind();
  }
  // The package's `exports` do not include its package.json: it is two folders above its main file (lib/index.js).
  const manifest = JSON.parse(readFileSync(path.join(path.dirname(main), "..", "package.json"), "utf8")) as { version?: unknown };
  return String(manifest.version);
}

function missingPagefind(): EditorialeError {
  return new EditorialeError([{
    code: "OPTION_INVALID", file: "editoriale options", field: "search",
    message: "search is on, but the package pagefind is not installed",
    fix: "run `npm install --save-exact pagefind@1.6.0`, or set `search: false`",
  }]);
}

/**
 * What Pagefind needs of a page: `<html lang>` and the main content, which
 * holds the `data-pagefind-body` article. Head, header, navigation and footer
 * are left out before the page crosses to Pagefind's process: they are never
 * indexed, and parsing them was most of the indexing time.
 */
export function indexedPart(page: string): string {
  const start = page.indexOf("<main");
  const end = page.lastIndexOf("</main>");
  if (start < 0 || end < start) return page;
  const lang = /<html[^>]*>/.exec(page)?.[0] ?? "<html>";
  return `<!DOCTYPE html>${lang}<body>${page.slice(start, end + "</main>".length)}</body></html>`;
}

/**
 * CPU time and peak memory (VmHWM) of the Pagefind process this one started,
 * read before it is stopped: it is a child of this process that is never
 * waited for, so a measurement of the build (GNU time) would not count it.
 */
function pagefindProcess(): PagefindProcess | undefined {
  try {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      if (!/^Name:\s*pagefind/m.test(status) || !new RegExp(`^PPid:\\s*${process.pid}$`, "m").test(status)) continue;
      const peak = /^VmHWM:\s*(\d+) kB/m.exec(status);
      // /proc/PID/stat: the fields after the command name; utime and stime are the 12th and 13th, in clock ticks (100 per second on Linux).
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      const ticks = Number(fields[11]) + Number(fields[12]);
      if (peak && Number.isFinite(ticks)) return { cpuSeconds: ticks / 100, peakKiB: Number(peak[1]) };
    }
  } catch {
    // No /proc (not Linux), or a process ended while it was read: the figures are only informative.
  }
  return undefined;
}

/** Writes a page the index step needs before indexing (the search page itself). */
export function writePage(outputDir: string, file: string, content: string): void {
  const full = path.join(outputDir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
}
