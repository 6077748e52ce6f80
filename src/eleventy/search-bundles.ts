import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { SearchBundle } from "../core/search-plan.ts";
import { searchJobs } from "../core/search-jobs.ts";
import { PagefindMeter, type PagefindUsage } from "./pagefind-usage.ts";
import { SearchCache } from "./search-cache.ts";
import { indexedPart, pagefindVersion, SearchIndex } from "./search-index.ts";

/** The list of bundles the search page reads (assets/cerca.js): `/pagefind/bundles.json`. */
export const MANIFEST = "bundles.json";

/** Bundles complete and waiting for a Pagefind process, at most, before `add` waits: bounds the pages held in memory. */
const WAITING = 2;

/** Files of a bundle the search page never loads (Pagefind's ready-made interfaces): not kept, not published. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui)\.(js|css)$|^pagefind-highlight\.js$/;

export interface ManifestEntry {
  name: string;
  /** Its folder, relative to /pagefind/, with a final "/" ("" for an index written in /pagefind/ itself). */
  path: string;
  pages: number;
}

/** Called as each bundle is done, in the order they are done: `i` of `n`, indexed or copied from the cache. */
export type BundleProgress = (name: string, i: number, n: number, how: "indexed" | "reused") => void;

export interface BundledSearchSettings {
  /** The site's language (`it-IT`): Pagefind's stemming. */
  language: string;
  /** The build's output folder: the bundles go to `<outputDir>/pagefind/<bundle>/`. */
  outputDir: string;
  /** Every article page of the build, by bundle, newest bundle first (core/search-plan.ts). */
  bundles: readonly SearchBundle[];
  /** Where each bundle's files are kept between builds (search-cache.ts). */
  cacheDir: string;
  log: (line: string) => void;
  onBundle?: BundleProgress;
  /** Pagefind processes at once; default: EDITORIALE_SEARCH_JOBS, else one per core, at most two (core/search-jobs.ts). */
  jobs?: number;
  /**
   * A build that updates the published site in place (src/cli/update-in-place.ts): `folder` is that site; a bundle
   * whose copy there is already the cache's entry of its key is left there, and `pagefind/<bundle>/` added to `reused`.
   */
  inPlace?: { folder: string; reused: string[] };
  /**
   * A Pagefind index of copy 0 of its API, started before the build knew which bundles change (earlyIndex): the
   * first bundle to be indexed takes it instead of waiting for a process to start; unused, it is stopped.
   */
  early?: EarlyIndex;
  /**
   * Bundles expected to change (a warm build's bundles that hold a changed article, written first): each is fed
   * to Pagefind page by page as its pages come, in order, instead of once all are in; if its key turns out
   * unchanged after all, that index is stopped and the bundle reused as usual.
   */
  eager?: ReadonlySet<string>;
}

/** A Pagefind process started ahead of need: see `earlyIndex`. */
export interface EarlyIndex {
  index: Promise<SearchIndex>;
}

/**
 * Starts a Pagefind index while the build reads the content and makes its model (the other core is idle then),
 * so that the first bundle to be indexed does not wait for a process to start. Resolves once the process is
 * started (the reading that follows keeps the event loop to itself). A failure to start is the first bundle's
 * to report (the promise is marked as handled here, not swallowed).
 */
export async function earlyIndex(language: string): Promise<EarlyIndex> {
  let spawned = (): void => undefined;
  const started = new Promise<void>((resolve) => (spawned = resolve));
  const index = SearchIndex.start(language, 0, spawned);
  const settled = index.then(() => undefined, () => undefined);
  await Promise.race([started, settled]);
  return { index };
}

/** Stops an early index that no bundle took, and waits until its process is gone. */
export async function stopEarlyIndex(early: EarlyIndex | undefined): Promise<void> {
  const index = await early?.index.catch(() => undefined);
  await index?.abandon();
  await index?.exited();
}

export interface BundledReport {
  pages: number;
  seconds: number;
  bundles: number;
  /** Names of the bundles Pagefind indexed in this build, in the order of `bundles` (the others were copied from the cache). */
  indexed: string[];
  /** The cache folder, absolute. */
  cacheDir: string;
  /** Pagefind processes at once, at most, as set. */
  jobs: number;
  /** What Pagefind's processes used (Linux only; undefined elsewhere, or when nothing was indexed). */
  process: PagefindUsage | undefined;
}

type Page = ({ bytes: Buffer } | { file: string }) & { digest?: string };

/** The digest of what Pagefind is handed of a page (indexedPart), as a string or its UTF-8 bytes: the unit of a bundle's key, kept by the build cache for each page. */
export function searchDigest(part: string | Buffer): string {
  return createHash("sha256").update(part).digest("base64url");
}

interface Bundle {
  name: string;
  urls: readonly string[];
  /**
   * The page each URL gave: what Pagefind is handed of it (rendered in this build), as UTF-8 bytes — half the
   * memory of the string, and no hold on the whole page the string was cut from — or the file it is in; with its
   * digest (searchDigest) when known, so that the bundle's key needs no file read.
   */
  pages: Map<string, Page>;
  /** Every page is in: the bundle is queued, or being settled, or settled. */
  complete: boolean;
  /** Its index started before its last page came (settings.eager), once its first page came and a process was free. */
  eager?: EagerIndex;
}

/** A bundle's index fed as its pages come: `sent` of its first pages are in (or on their way, in `feeding`). */
interface EagerIndex {
  instance: number;
  index: Promise<SearchIndex>;
  sent: number;
  /** The pages sent so far, in order; rejected if one could not be. */
  feeding: Promise<void>;
}

/**
 * The search index of a content-mode build, in bundles (core/search-plan.ts:
 * one per year): each its own Pagefind index in `/pagefind/<bundle>/`, listed
 * newest first in `/pagefind/bundles.json`, which the search page loads and
 * merges in the browser (Pagefind's `mergeIndex`).
 *
 * Pages arrive as they are written, newest first; once every page of a bundle
 * is in, the bundle's key (search-cache.ts: a hash of exactly what Pagefind
 * would be handed) decides: an unchanged bundle is copied from the cache, a
 * changed one is indexed by Pagefind in its own process — on another core,
 * while this one renders the next pages — and stored in the cache. Up to
 * `jobs` bundles are indexed at once, each in its own process, stopped once
 * its bundle is written: Pagefind parses and indexes on one core per process,
 * so with two processes the index keeps pace with the rendering instead of
 * finishing long after it, and each process's memory is that of one bundle,
 * not of the site. A bundle that fails stops the others and their processes.
 *
 * Two ways in, for the build cache's warm builds:
 * - `add(url, html)`: a page rendered by this build (its HTML as written);
 * - `addWritten(url, file)`: a page not rendered again because the output
 *   folder already holds it (an earlier build's file, hard-linked or copied):
 *   the file is read only when its bundle is complete, to make the key and,
 *   if the key changed, to index it.
 * Every URL of `bundles` must come in by one of them before `write()`.
 */
export class BundledSearchIndex {
  private readonly byUrl = new Map<string, Bundle>();
  private readonly bundles: Bundle[];
  private readonly cache: SearchCache;
  private readonly jobs: number;
  private readonly indexed = new Set<Bundle>();
  private readonly meter = new PagefindMeter();
  /** Complete bundles not yet settled, oldest first. */
  private readonly queued: Bundle[] = [];
  /** The bundles being settled: each one's promise (never rejected: a failure goes to `failure`). */
  private readonly settling = new Set<Promise<void>>();
  /** Copies of Pagefind's Node API not in use (search-index.ts: one process each). */
  private readonly instances: number[];
  /** The Pagefind indexes being made (stopped by a failure or by `abandon`). */
  private readonly current = new Set<SearchIndex>();
  /** Every index this build started: their processes are waited for before `write` or `abandon` returns. */
  private readonly everyIndex = new Set<SearchIndex>();
  private finished = 0;
  private failure: Error | undefined;
  private writing: Promise<BundledReport> | undefined;
  private readonly started = performance.now();
  /** Bundles to feed as their pages come (settings.eager) that have not started yet. */
  private readonly eagerNames: Set<string>;
  /** The early index (settings.early), until a bundle takes it or the index is written or abandoned. */
  private early: EarlyIndex | undefined;

  constructor(private readonly settings: BundledSearchSettings) {
    this.jobs = settings.jobs ?? searchJobs(process.env.EDITORIALE_SEARCH_JOBS, availableParallelism());
    // Copy 0 is Pagefind's module as imported anywhere else; the others are loaded again, only if used.
    this.instances = Array.from({ length: this.jobs }, (_, i) => this.jobs - 1 - i);
    this.bundles = settings.bundles.map((b) => ({ name: b.name, urls: b.urls, pages: new Map(), complete: false }));
    this.eagerNames = new Set(settings.eager);
    for (const bundle of this.bundles) for (const url of bundle.urls) this.byUrl.set(url, bundle);
    const made = `pagefind ${pagefindVersion()}, editoriale ${editorialeVersion()}, language ${settings.language.slice(0, 2)}`;
    this.cache = new SearchCache(settings.cacheDir, made, settings.log);
    this.early = settings.early;
    // An earlier build's index (one bundle, or bundles this site no longer has) is replaced, never mixed in.
    const root = path.join(settings.outputDir, "pagefind");
    const names = new Set(this.bundles.map((b) => b.name));
    if (existsSync(root)) for (const entry of readdirSync(root)) if (!names.has(entry)) rmSync(path.join(root, entry), { recursive: true, force: true });
  }

  /**
   * A page rendered by this build; resolves to its search digest (for the build cache) after a turn of the event
   * loop (so that Pagefind's pipes keep flowing), or once a Pagefind process has room.
   */
  async add(url: string, html: string): Promise<string> {
    const part = indexedPart(html);
    const digest = searchDigest(part);
    this.take(url, { bytes: Buffer.from(part), digest });
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (!this.failure && this.queued.length > WAITING && this.settling.size > 0) await Promise.race(this.settling);
    return digest;
  }

  /** A page this build did not render: `file` holds it, from an earlier build; `digest`, when the build cache kept it, spares reading it unless its bundle changed. */
  addWritten(url: string, file: string, digest?: string): void {
    this.take(url, digest === undefined ? { file } : { file, digest });
  }

  /** Every bundle in place and the manifest written; asked twice, writes once. */
  write(): Promise<BundledReport> {
    this.writing ??= this.writeNow();
    return this.writing;
  }

  /** Stops without writing (the build failed): the bundles being indexed are dropped, Pagefind's processes stopped. */
  async abandon(): Promise<void> {
    await this.fail(new Error("the build stopped"));
    await this.idle();
    await this.stopEarly();
    this.meter.stop();
    await this.processesGone();
  }

  /** Each index's process, stopped once its bundle was written or dropped, reaped meanwhile: waited for once, at the end. */
  private async processesGone(): Promise<void> {
    await Promise.all([...this.everyIndex].map((index) => index.exited()));
  }

  private take(url: string, page: Page): void {
    if (this.writing) throw new Error(`Editoriale: ${url} reached the search index after it was written`);
    const bundle = this.byUrl.get(url);
    if (!bundle) throw new Error(`Editoriale: ${url} is not an article page of this build's search bundles`);
    bundle.pages.set(url, page);
    if (this.eagerNames.has(bundle.name) || bundle.eager) this.feed(bundle);
    if (bundle.pages.size === bundle.urls.length && !bundle.complete) {
      bundle.complete = true;
      // An eager bundle is settled with its own process; the others wait for one in the queue.
      if (bundle.eager) this.launch(bundle, bundle.eager.instance);
      else {
        this.queued.push(bundle);
        this.next();
      }
    }
  }

  /**
   * An eager bundle: its index is started with its first page (if a process is free; else it waits in the queue as
   * any other), and each page is sent once every page before it is in, so that Pagefind works while the rest of the
   * bundle is written.
   */
  private feed(bundle: Bundle): void {
    if (!bundle.eager) {
      this.eagerNames.delete(bundle.name);
      if (this.failure || this.instances.length === 0) return;
      const instance = this.instances.pop() as number;
      const index = this.startIndex(instance);
      bundle.eager = { instance, index, sent: 0, feeding: index.then(() => undefined) };
    }
    const eager = bundle.eager;
    eager.feeding = eager.feeding.then(async () => {
      const index = await eager.index;
      while (!this.failure && eager.sent < bundle.urls.length) {
        const url = bundle.urls[eager.sent] as string;
        if (!bundle.pages.has(url)) return;
        eager.sent++;
        await index.addIndexedPart(url, this.pageOf(bundle, url).bytes().toString());
      }
    });
    // Its failure is the bundle's to report, when it is settled.
    eager.feeding.catch(() => undefined);
  }

  /** Starts queued bundles while a Pagefind process is free. */
  private next(): void {
    while (!this.failure && this.queued.length > 0 && this.instances.length > 0) {
      this.launch(this.queued.shift() as Bundle, this.instances.pop() as number);
    }
  }

  /** Settles a bundle with copy `instance` of Pagefind's API, which is free again once it is settled. */
  private launch(bundle: Bundle, instance: number): void {
    const settled: Promise<void> = this.settle(bundle, instance)
      .catch((error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        this.settling.delete(settled);
        this.instances.push(instance);
        this.next();
      });
    this.settling.add(settled);
  }

  /** Stops the index of an eager bundle found unchanged after all (its pages were sent for nothing). */
  private async stopEager(eager: EagerIndex | undefined): Promise<void> {
    const index = await eager?.index.catch(() => undefined);
    if (!index) return;
    await index.abandon();
    this.meter.done(index.pid, undefined);
    this.current.delete(index);
  }

  private async stopEarly(): Promise<void> {
    const early = this.early;
    this.early = undefined;
    await stopEarlyIndex(early);
  }

  /** The first failure is the one reported; it stops every index being made, and no bundle starts after it. */
  private async fail(error: Error): Promise<void> {
    this.failure ??= error;
    this.queued.splice(0);
    await Promise.all([...this.current].map((index) => index.abandon()));
  }

  private async idle(): Promise<void> {
    while (this.settling.size > 0) await Promise.race(this.settling);
  }

  /** Copies the bundle from the cache when its key is unchanged, else indexes it (with copy `instance` of Pagefind's API) and stores it. */
  private async settle(bundle: Bundle, instance: number): Promise<void> {
    const eager = bundle.eager;
    // An eager bundle's pages are all sent first (the last one came with the call that settles it).
    if (eager) await eager.feeding.catch(() => undefined);
    const pages = bundle.urls.map((url) => this.pageOf(bundle, url));
    bundle.pages.clear();
    const key = this.cache.key(pages.map((page) => ({ url: page.url, digest: page.digest ?? searchDigest(page.bytes()) })));
    const target = path.join(this.settings.outputDir, "pagefind", bundle.name);
    const inPlace = this.settings.inPlace;
    let how: "indexed" | "reused" = "reused";
    if (inPlace && this.cache.sameAt(bundle.name, key, path.join(inPlace.folder, "pagefind", bundle.name))) {
      inPlace.reused.push(`pagefind/${bundle.name}/`);
      await this.stopEager(eager);
    } else if (this.cache.restore(bundle.name, key, target)) {
      await this.stopEager(eager);
    } else {
      how = "indexed";
      if (this.failure) throw this.failure;
      const index = await (eager ? eager.index : this.startIndex(instance));
      const scratch = this.cache.scratch(bundle.name);
      try {
        // An eager bundle's pages are in already: a failure to send one is thrown here.
        if (eager) await eager.feeding;
        else {
          for (const page of pages) {
            // Once stopped, nothing more is sent: Pagefind's Node API would start a new process for it.
            if (this.failure) throw this.failure;
            // As bytes until it is sent: half the memory of the string, for a whole bundle held while it is indexed.
            await index.addIndexedPart(page.url, page.bytes().toString());
          }
        }
        if (this.failure) throw this.failure;
        const report = await index.write(scratch);
        this.meter.done(index.pid, report.process);
        if (this.failure) throw this.failure;
        for (const file of readdirSync(scratch)) if (UNUSED.test(file)) rmSync(path.join(scratch, file));
        this.cache.seal(bundle.name, key, scratch, target);
      } catch (error) {
        await index.abandon();
        this.meter.done(index.pid, undefined);
        this.cache.drop(scratch);
        throw error;
      } finally {
        this.current.delete(index);
      }
      this.indexed.add(bundle);
    }
    this.settings.onBundle?.(bundle.name, ++this.finished, this.bundles.length, how);
  }

  /**
   * Pagefind's index with copy `instance` of its API (the early one for copy 0 while it is there, else a new one),
   * among those a failure stops and whose memory is measured; one that starts after a failure is stopped at once.
   */
  private async startIndex(instance: number): Promise<SearchIndex> {
    const early = instance === 0 ? this.early : undefined;
    if (early) this.early = undefined;
    const index = await (early ? early.index : SearchIndex.start(this.settings.language, instance));
    if (this.failure) {
      await index.abandon();
      throw this.failure;
    }
    this.current.add(index);
    this.everyIndex.add(index);
    this.meter.watch(index.pid);
    return index;
  }

  /**
   * A page of the bundle: its digest if known, and what Pagefind is handed of it (`<html lang>` and `<main>`,
   * search-index.ts) as UTF-8 bytes, from this build or read from its file once asked.
   */
  private pageOf(bundle: Bundle, url: string): { url: string; digest: string | undefined; bytes: () => Buffer } {
    const page = bundle.pages.get(url);
    if (!page) throw new Error(`Editoriale: ${url} never reached search bundle ${bundle.name}`);
    if ("bytes" in page) return { url, digest: page.digest, bytes: () => page.bytes };
    let bytes: Buffer | undefined;
    return { url, digest: page.digest, bytes: () => (bytes ??= Buffer.from(indexedPart(readFileSync(page.file, "utf8")))) };
  }

  private async writeNow(): Promise<BundledReport> {
    const missing = this.bundles.flatMap((b) => b.urls.filter((url) => !b.pages.has(url) && !b.complete).map((url) => `${url} (${b.name})`));
    if (missing.length > 0) {
      await this.abandon();
      throw new Error(`Editoriale: ${missing.length} article pages never reached the search index: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}`);
    }
    await this.idle();
    await this.stopEarly();
    this.meter.stop();
    await this.processesGone();
    if (this.failure) throw this.failure;
    writeManifest(this.settings.outputDir, this.bundles.map((b) => ({ name: b.name, path: `${b.name}/`, pages: b.urls.length })));
    return {
      pages: this.bundles.reduce((n, b) => n + b.urls.length, 0),
      seconds: (performance.now() - this.started) / 1000,
      bundles: this.bundles.length,
      indexed: this.bundles.filter((b) => this.indexed.has(b)).map((b) => b.name),
      cacheDir: this.cache.dir,
      jobs: this.jobs,
      process: this.meter.report(),
    };
  }
}

/** `/pagefind/bundles.json`: the bundles the search page loads, the first one first, the others merged into it. */
export function writeManifest(outputDir: string, bundles: readonly ManifestEntry[]): void {
  const folder = path.join(outputDir, "pagefind");
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, MANIFEST), `${JSON.stringify({ bundles })}\n`);
}

/** Editoriale's own version (part of the search cache's key): the package.json above this file, in the sources or in dist/. */
function editorialeVersion(): string {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (existsSync(file)) {
      const data = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
      if (data.name === "editoriale") return String(data.version);
    }
    if (path.dirname(dir) === dir) return "unknown";
  }
}

/**
 * The build's search line: pages and bundles, which bundles Pagefind indexed
 * and how many came from the cache, and what Pagefind's processes used (all
 * of them: CPU time; the largest one, and those running at once together:
 * peak memory; and the build's own memory with them), which a measurement of
 * the build misses (bench/run.ts reads them from this line).
 */
export function searchSummary(report: BundledReport, cacheDir: string): string {
  const reused = report.bundles - report.indexed.length;
  const names = report.indexed.length > 0 && report.indexed.length <= 10 ? ` (${report.indexed.join(", ")})` : "";
  const p = report.process;
  const mib = (kib: number) => `${Math.round(kib / 1024)} MiB`;
  const usage = p
    ? ` (Pagefind's processes: ${p.processes}, ${p.concurrent} at a time, ${p.cpuSeconds.toFixed(2)} s CPU, ${mib(p.largestKiB)} the largest, ${mib(p.togetherKiB)} together at most; with the build ${mib(p.withBuildKiB)} at most)`
    : "";
  return `search: ${report.pages} pages in ${report.bundles} bundles in ${report.seconds.toFixed(2)} s: indexed ${report.indexed.length}${names}, reused ${reused} from ${cacheDir}/${usage}`;
}
