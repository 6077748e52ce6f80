import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type * as Pagefind from "pagefind";
import { EditorialeError } from "../core/errors.ts";
import { pagefindBody } from "../core/pagefind-body.ts";
import { childProcesses, processFigures, processGone, type PagefindProcess } from "./pagefind-usage.ts";

/** Pages handed to Pagefind and not yet answered, at most: enough to keep its process busy, few enough to bound memory. */
const IN_FLIGHT = 128;

export type { PagefindProcess };

export interface IndexReport {
  pages: number;
  seconds: number;
  /** Pagefind's own process (Linux only; undefined elsewhere): its CPU time and peak resident memory. */
  process: PagefindProcess | undefined;
}

/**
 * One Pagefind index, in Pagefind's own process, fed page by page.
 *
 * Content mode makes one per search bundle (search-bundles.ts), each closed
 * once written so that each process's memory is that of one bundle, and
 * several at once on as many cores; collection mode makes one for its posts. Only article pages are
 * indexed (the only pages with `data-pagefind-body`), with the site's language
 * forced so that every page shares one index.
 */
export class SearchIndex {
  private readonly inFlight: Array<Promise<void>> = [];
  private failure: Error | undefined;
  private pages = 0;
  private writing: Promise<IndexReport> | undefined;
  private gone: Promise<void> = Promise.resolve();

  private constructor(
    private readonly pagefind: typeof Pagefind,
    private readonly index: Pagefind.PagefindIndex,
    private readonly started: number,
    /** Pagefind's process (undefined where it cannot be told: not Linux). */
    readonly pid: number | undefined,
  ) {}

  /**
   * `instance`: which copy of Pagefind's Node API to use (0 or none: the
   * module as imported anywhere else). The API keeps one process per copy of
   * its module, so indexes made at the same time each need their own (see
   * loadPagefind); one at a time, any. `onSpawn`: called once Pagefind's process is started, before it answers.
   */
  static async start(language: string, instance?: number, onSpawn?: () => void): Promise<SearchIndex> {
    const started = performance.now();
    const pagefind = await loadPagefind(instance);
    const before = childProcesses();
    // createIndex starts the process before it returns (Node's spawn returns once the program runs): the new child is it.
    const creating = pagefind.createIndex({ forceLanguage: language.slice(0, 2) });
    onSpawn?.();
    const spawned = [...childProcesses()].filter((pid) => !before.has(pid));
    const pid = spawned.length === 1 ? spawned[0] : undefined;
    try {
      const { index, errors } = await creating;
      if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
      return new SearchIndex(pagefind, index, started, pid);
    } catch (error) {
      await pagefind.close();
      throw error;
    }
  }

  /**
   * Hands one page to Pagefind: sent at once (its process reads it in the event loop's next turns), and
   * returns then, or, with too many pages unanswered, once the oldest is answered. A turn per page would
   * tie the bundle's pace to the writer's turns (output-writer.ts) instead of Pagefind's.
   */
  async add(url: string, page: string): Promise<void> {
    await this.addIndexedPart(url, indexedPart(page));
  }

  /** The same, for a page already cut to what Pagefind needs (`indexedPart`). */
  async addIndexedPart(url: string, part: string): Promise<void> {
    if (this.writing) throw new Error(`Editoriale: ${url} reached the search index after it was written`);
    const added = this.index.addHTMLFile({ url, content: part }).then(
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
      return { pages: this.pages, seconds: (performance.now() - this.started) / 1000, process: processFigures(this.pid) };
    } finally {
      await this.stop();
    }
  }

  /** Stops Pagefind without writing (the build failed); the pages it had not answered are answered with an error. */
  async abandon(): Promise<void> {
    await this.stop();
    await Promise.allSettled(this.inFlight.splice(0));
  }

  /** Resolves once Pagefind's process, stopped by `write` or `abandon`, is gone (processGone): awaited by the build before it ends, not before the next index starts. */
  exited(): Promise<void> {
    return this.gone;
  }

  private async stop(): Promise<void> {
    await this.pagefind.close();
    this.gone = processGone(this.pid);
  }
}

/**
 * Pagefind is an optional peer dependency of the package (a site without
 * search does not install it), so it is loaded only when search is on, and
 * its absence is the site's setting to correct, not a stack trace.
 *
 * Its Node API runs every index in one process, kept in its module, and that
 * process indexes the pages it is sent one after another, on one core. Each
 * `instance` from 1 on is the same module loaded again under its own URL (a
 * query string, which Node's ES module loader keys modules by): its own
 * process, indexing at the same time as the others.
 */
export async function loadPagefind(instance?: number): Promise<typeof Pagefind> {
  try {
    if (!instance) return await import("pagefind");
    return (await import(`${import.meta.resolve("pagefind")}?instance=${instance}`)) as typeof Pagefind;
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
 * What Pagefind needs of a page: `<html lang>` and the `data-pagefind-body`
 * element (core/pagefind-body.ts), or, on a page without exactly one (a
 * collection-mode site's own layout), its whole `<main>`. Head, header,
 * navigation, footer, breadcrumbs and related articles are left out before
 * the page crosses to Pagefind's process: they are never indexed, parsing
 * them was most of the indexing time, and a page whose related articles
 * changed then hands the same bytes, so its search bundle is not indexed again.
 */
export function indexedPart(page: string): string {
  const start = page.indexOf("<main");
  const end = page.lastIndexOf("</main>");
  if (start < 0 || end < start) return page;
  const lang = /<html[^>]*>/.exec(page)?.[0] ?? "<html>";
  const main = page.slice(start, end + "</main>".length);
  return `<!DOCTYPE html>${lang}<body>${pagefindBody(main) ?? main}</body></html>`;
}

/** Writes a page the index step needs before indexing (the search page itself). */
export function writePage(outputDir: string, file: string, content: string): void {
  const full = path.join(outputDir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
}
