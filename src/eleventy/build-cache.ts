import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import { createHash } from "node:crypto";
import { open, sealHeader } from "../core/cache-envelope.ts";
import { fingerprint } from "../core/fingerprint.ts";
import type { ResolvedOptions } from "../core/options.ts";
import { OUTPUT_MARKER } from "../core/site-files.ts";
import type { Article } from "../core/article.ts";
import type { CachedSource, KeptSource, SourceStore } from "./content-files.ts";
import { displayPath } from "./display-path.ts";
import { FeedItemPack } from "./feed-item-pack.ts";
import { fromColumns, toColumns, type KeptOutputColumns } from "./kept-output-columns.ts";
import type { KeptOutput, PreviousBuild } from "./output-writer.ts";
import type { PublishedStats } from "./published-stats.ts";

/** Where `npm run build` keeps what it learned (git-ignored; `images/` and `search/` beside it belong to others). */
export const BUILD_CACHE_DIR = ".cache/editoriale/build";
const FILE = "build.cache";

/** Editoriale's own files: the package's version and code, the theme with them. */
const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface CacheContext {
  options: ResolvedOptions;
  /** The content folder and Eleventy's path prefix: a cache for one is no use for another. */
  input: string;
  pathPrefix: string;
}

interface Payload {
  sources: Array<[string, KeptSource]>;
  /** What every output was, as columns (kept-output-columns.ts). */
  outputs: KeptOutputColumns;
  /** When that build began reading the content files (ms since the epoch): see SourceStore.lastReadAt. */
  readAt: number;
  /** The feeds' items that build rendered, in a pack beside the cache file (feed-item-pack.ts). */
  feedItems?: unknown;
}

/**
 * The persistent build cache of `npm run build`: per content file what was
 * read from it (content-files.ts), per output a hash of its signature and of
 * its bytes (output-writer.ts), so that a build in a new process renders only
 * the outputs whose signature changed and takes the others from the previous
 * build's folder. One file, written whole (temporary file, then rename); made
 * for one version of Editoriale and of Node, one set of options, theme and
 * code (the key in its first line): any other cache, or one cut short or
 * damaged, is ignored with one notice and replaced at the end of the build.
 * Safe to delete at any time.
 */
export class BuildCache implements SourceStore {
  private readonly sources: Map<string, KeptSource>;
  private readonly outputs: Map<string, KeptOutput>;
  private readonly nextSources = new Map<string, KeptSource>();
  /** The file of each source by the name the model gives it (its display path). */
  private readonly fileByName = new Map<string, string>();
  private readonly nextOutputs = new Map<string, KeptOutput>();
  /** The names (display paths) of the sources whose bytes the previous build did not keep: new or changed files. */
  private readonly changedNames = new Set<string>();

  /** The feeds' rendered items, kept between builds. */
  readonly feedItems: FeedItemPack;

  private constructor(
    private readonly dir: string,
    private readonly key: string,
    loaded: Loaded | undefined,
    log: (line: string) => void,
  ) {
    this.sources = new Map(loaded?.payload.sources);
    this.outputs = loaded?.outputs ?? new Map();
    this.lastReadAt = loaded?.payload.readAt;
    this.feedItems = new FeedItemPack(dir, FeedItemPack.index(loaded?.payload.feedItems), log);
  }

  /** When the build that saved this cache began reading the content files; undefined for an empty cache. */
  readonly lastReadAt: number | undefined;
  /** This build's own reading begins as soon as its cache is loaded. */
  private readonly readAt = Date.now();

  /** The cache in `dir` if it is usable; else an empty one, after one notice line saying why the file was ignored. */
  static load(dir: string, context: CacheContext, log: (line: string) => void): BuildCache {
    const key = cacheKey(context);
    const file = path.join(dir, FILE);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return new BuildCache(dir, key, undefined, log);
    }
    const opened = open(bytes, key);
    const ignored = (why: string) => {
      log(`[editoriale] build cache ${displayPath(file)} ignored: ${why}; everything is rendered, and the cache written again`);
      return new BuildCache(dir, key, undefined, log);
    };
    if ("refused" in opened) return ignored(opened.refused);
    let payload: unknown;
    try {
      payload = deserialize(opened.payload);
    } catch (error) {
      return ignored(`it cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    const loaded = loadedFrom(payload);
    if (!loaded) return ignored("it does not hold what a build cache holds");
    return new BuildCache(dir, key, loaded, log);
  }

  /** The paths of the outputs the previous build left here. */
  get outputPaths(): string[] {
    return [...this.outputs.keys()];
  }

  /** How many outputs the previous build left here. */
  get outputsKept(): number {
    return this.outputs.size;
  }

  kept(file: string): KeptSource | undefined {
    return this.sources.get(file);
  }

  keep(file: string, entry: CachedSource): void {
    if (!entry.source) {
      this.nextSources.set(file, { ...entry, source: undefined });
      return;
    }
    // The body is read again from the file: keeping it would make the cache several times larger.
    const { markdown: _body, ...source } = entry.source;
    this.nextSources.set(file, { ...entry, source });
    this.fileByName.set(source.file, file);
    if (this.sources.get(file)?.hash !== entry.hash) this.changedNames.add(source.file);
  }

  /** Whether this source file (by the name the model gives it) is new or changed since the previous build: all are, with an empty cache. */
  changed(name: string): boolean {
    return this.changedNames.has(name);
  }

  /** Keeps each article's first paragraph (its default excerpt), which the next build then need not parse out of the body. */
  keepExcerpts(articles: readonly Article[]): void {
    for (const article of articles) {
      if (article.excerptGiven) continue;
      const file = this.fileByName.get(article.file);
      const entry = file === undefined ? undefined : this.nextSources.get(file);
      if (entry?.source) entry.source = { ...entry.source, firstParagraph: article.excerpt };
    }
  }

  /**
   * The writer's view: outputs of the previous build, reused from `folder` (the published site, when it is ours);
   * `inPlace`: the paths of those left where they are, for a build that will update `folder` in place.
   */
  previousBuild(folder: string | undefined, inPlace?: string[], stats?: PublishedStats): PreviousBuild {
    return {
      kept: (p) => this.outputs.get(p),
      keep: (p, entry) => void this.nextOutputs.set(p, entry),
      folder,
      ...(stats && folder ? { stat: (p: string) => stats.of(p) } : {}),
      ...(inPlace && folder ? { inPlace } : {}),
    };
  }

  /** Writes what this build read and wrote, for the next one: a temporary file renamed over the old one. */
  save(): void {
    mkdirSync(this.dir, { recursive: true });
    const payload: Payload = { sources: [...this.nextSources], outputs: toColumns(this.nextOutputs), readAt: this.readAt, feedItems: this.feedItems.settle() };
    const file = path.join(this.dir, FILE);
    const temporary = `${file}.${process.pid}.tmp`;
    removeLeftovers(this.dir);
    try {
      const bytes = serialize(payload);
      const fd = openSync(temporary, "w");
      try {
        writeSync(fd, sealHeader(this.key, bytes));
        for (let at = 0; at < bytes.byteLength; ) at += writeSync(fd, bytes, at);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, file);
      this.feedItems.tidy();
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }
}

/** What `npm run build` asks of the build cache. */
export interface CacheRequest {
  dir: string;
  /** The previous build's published folder, to reuse files from. */
  previousOutput: string | undefined;
  /** The build will update that folder in place (src/cli/update-in-place.ts): reused files stay there, listed in REUSED_LIST. */
  inPlace: boolean;
}

/**
 * The cache `npm run build` asked for (scripts/build.ts sets EDITORIALE_BUILD_CACHE to its folder, or
 * passes "off" on), and the previous build's folder to reuse files from, only if it bears Editoriale's marker;
 * EDITORIALE_UPDATE_IN_PLACE=1 when scripts/build.ts will update that folder rather than replace it.
 */
export function cacheRequest(env: NodeJS.ProcessEnv = process.env): CacheRequest | undefined {
  const dir = env.EDITORIALE_BUILD_CACHE;
  if (!dir || dir === "off") return undefined;
  const previous = env.EDITORIALE_PREVIOUS_OUTPUT;
  const previousOutput = previous && existsSync(path.join(previous, OUTPUT_MARKER)) ? path.resolve(previous) : undefined;
  return { dir: path.resolve(dir), previousOutput, inPlace: previousOutput !== undefined && env.EDITORIALE_UPDATE_IN_PLACE === "1" };
}

/** What a cache is made for: anything else that could change a byte of the output is in the signatures. */
export function cacheKey(context: CacheContext): string {
  return fingerprint({
    editoriale: packageVersion(),
    node: process.versions.node.split(".")[0],
    code: codeHash(),
    options: context.options,
    input: path.resolve(context.input),
    cwd: process.cwd(),
    // Dates are read in the site's zone, not the machine's; kept in the key all the same, at no cost.
    tz: process.env.TZ ?? "",
    pathPrefix: context.pathPrefix,
  });
}

let code: string | undefined;
/** A hash of Editoriale's code and theme (src/, _includes/, or dist/ of the package): an edited theme part is a new cache. */
function codeHash(): string {
  if (code !== undefined) return code;
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) hash.update(`${path.relative(PACKAGE_ROOT, full)}\0`).update(readFileSync(full)).update("\0");
    }
  };
  for (const folder of ["src", "_includes", "dist"]) walk(path.join(PACKAGE_ROOT, folder));
  code = hash.digest("base64url");
  return code;
}

function packageVersion(): string {
  try {
    const json = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version?: unknown };
    return String(json.version);
  } catch {
    return "unknown";
  }
}

/** Temporary files of builds that were killed while saving (their process is gone). */
function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    const match = /^build\.cache\.(\d+)\.tmp$/.exec(name);
    if (!match || alive(Number(match[1]))) continue;
    const file = path.join(dir, name);
    if (statSync(file).isFile()) rmSync(file, { force: true });
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A payload as read from the file, with its outputs out of their columns; undefined when it is not one. */
interface Loaded {
  payload: Payload;
  outputs: Map<string, KeptOutput>;
}

function loadedFrom(value: unknown): Loaded | undefined {
  if (!isPayload(value)) return undefined;
  const outputs = fromColumns(value.outputs);
  return outputs ? { payload: value, outputs } : undefined;
}

function isPayload(value: unknown): value is Payload {
  if (typeof value !== "object" || value === null) return false;
  const { sources, readAt } = value as Record<string, unknown>;
  return typeof readAt === "number" && Number.isFinite(readAt) && Array.isArray(sources) && sources.every(isPair);
}

function isPair(value: unknown): boolean {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "object" && value[1] !== null;
}
