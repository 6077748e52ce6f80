import { hash } from "node:crypto";
import { readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { readArticleFields, shortenedSlugNotice } from "../core/article.ts";
import { decodeContent } from "../core/decode-text.ts";
import { EditorialeError, type Problem } from "../core/errors.ts";
import { stripForbiddenCharacters } from "../core/escape.ts";
import { splitFrontMatter } from "../core/front-matter-split.ts";
import { missingFrontMatter, PERMALINK_KEY, PROBLEMS_KEY } from "../core/front-matter.ts";
import type { MarkdownRenderer } from "../core/markdown.ts";
import { silentProgress, type Progress } from "../core/progress.ts";
import { PHASES } from "../core/progress-text.ts";
import type { ModelSource } from "../core/site-model.ts";
import type { Taxonomy } from "../core/taxonomy.ts";
import { KIND_KEY } from "./front-matter-engine.ts";
import { displayPath } from "./display-path.ts";
import { mayShowImage } from "./output-signatures.ts";

/** Reads one file's front matter into data, the way the front-matter engine does for Eleventy. */
export type FrontMatterReader = (yamlText: string, engineOptions: { filePath: string }) => Record<string, unknown>;

/** What is kept of one content file: its length, time and hash, and what was read from it. */
export interface CachedSource {
  mtimeMs: number;
  size: number;
  /** A hash of its bytes; empty when only this process keeps it (`npm start`). */
  hash: string;
  source: ModelSource | undefined;
  /** The build's notices about this file (a shortened slug), shown on every build. */
  notices: string[];
}

/** What the build cache keeps of a file: all but its body, which is read again from the file (cheaper than keeping it). */
export interface KeptSource extends Omit<CachedSource, "source"> {
  source: Omit<ModelSource, "markdown"> | undefined;
}

/**
 * What an earlier process read of the content files (the build cache): a file
 * whose bytes are unchanged since (by hash: a fresh checkout has new times) is
 * not parsed again (its front matter, its first paragraph).
 */
export interface SourceStore {
  kept(file: string): KeptSource | undefined;
  keep(file: string, entry: CachedSource): void;
  /**
   * When the build that kept the files began reading them (ms since the epoch). A file with the kept length
   * and time, last modified well before then, is taken as unchanged without being read (see `trusted`).
   */
  readonly lastReadAt?: number | undefined;
}

/**
 * How long before the last build's reading a file must have been modified for its length and time to be
 * trusted: a file saved during that reading, or within a coarse file system's time step of it (two seconds on
 * FAT), may have changed after it was read, with the same length and time; it is read again, as Git does.
 */
const RACY_MS = 3000;

/** Whether a file with this stat is the one the store kept, by length and time alone (see SourceStore.lastReadAt). */
function trusted(kept: KeptSource, stat: Stats, lastReadAt: number | undefined): boolean {
  return lastReadAt !== undefined && kept.hash !== "" && kept.mtimeMs === stat.mtimeMs && kept.size === stat.size && stat.mtimeMs < lastReadAt - RACY_MS;
}

/**
 * Reads every Markdown file of the content folder, once per change: a file
 * whose size and modification time are unchanged since the last build is not
 * read again (this is what makes `npm start` rebuilds fast). Folders whose name
 * starts with `_` or `.` and node_modules are skipped. A file or folder that
 * cannot be read, or is not UTF-8, is one problem line each; all of them are
 * thrown together, before the site is built.
 */
export function contentReader(readFrontMatter: FrontMatterReader, reading?: ArticleReading) {
  const cache = new Map<string, CachedSource>();
  return (inputDir: string, runMode: string, progress: Progress = silentProgress, store?: SourceStore): ModelSource[] => {
    const sources: ModelSource[] = [];
    const seen = new Set<string>();
    const problems: Problem[] = [];
    const files = markdownFiles(inputDir, problems);
    progress.start(PHASES.reading, files.length);
    for (const file of files) {
      seen.add(file);
      progress.advance();
      let cached = cache.get(file);
      try {
        const stat = statSync(file);
        // A pipe named .md would block the build for ever, a device would read without end.
        if (stat.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
        if (!stat.isFile()) throw Object.assign(new Error("not a regular file"), { code: "ENOTREG" });
        if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
          const holding: BodyHolding = runMode === "build" ? "file" : "bytes";
          cached = store ? readThroughStore(file, stat, store, readFrontMatter, reading) : readWithoutStore(file, stat, readFrontMatter, holding, reading);
          cache.set(file, cached);
        } else store?.keep(file, withoutBody(cached));
      } catch (error) {
        cache.delete(file);
        problems.push(fileSystemProblem(error, file, "file"));
        continue;
      }
      for (const notice of cached.notices) progress.above(() => console.log(`[editoriale] ${notice}`));
      const source = cached.source;
      if (!source) continue;
      // Drafts are shown by `npm start` and never written by `npm run build`.
      if (source.data.draft === true && runMode === "build") continue;
      sources.push(source);
    }
    for (const file of cache.keys()) if (!seen.has(file)) cache.delete(file);
    if (problems.length > 0) throw new EditorialeError(problems);
    progress.end();
    return sources;
  };
}

/**
 * A file the store kept with the same bytes is taken from it, its body decoded from the bytes only if
 * something reads it (a page or feed rendered again); any other is parsed and kept.
 */
function readThroughStore(file: string, stat: Stats, store: SourceStore, readFrontMatter: FrontMatterReader, reading: ArticleReading | undefined): CachedSource {
  const kept = store.kept(file);
  const fromStore = (entry: KeptSource): CachedSource => {
    const now = { ...entry, mtimeMs: stat.mtimeMs, size: stat.size };
    // What the store keeps is what it had: its body is not read (it would be decoded), as the store strips it anyway.
    store.keep(file, { ...now, source: entry.source && bodiless(entry.source) });
    return { ...now, source: entry.source && withBodyFromFile(entry.source, file, entry.hash) };
  };
  if (kept && trusted(kept, stat, store.lastReadAt)) return fromStore(kept);
  // Any other file is read, and compared by hash (a fresh checkout has new times).
  const bytes = readFileSync(file);
  const hash = hashOf(bytes);
  if (kept?.hash === hash) return fromStore(kept);
  const entry: CachedSource = { mtimeMs: stat.mtimeMs, size: stat.size, hash, ...readSource(file, bytes, readFrontMatter, { hash, holding: "file", known: true }) };
  const source = entry.source;
  // Read as an article here rather than by the site model, so that the store keeps it for the next build.
  const article = source && readArticleNow(source, reading);
  // Of an article read without a problem, the next build needs no data but what the reader and the site model look at besides the article.
  if (source && article && article.problems.length === 0) store.keep(file, { ...entry, source: { ...bodiless(source), data: dataBesidesArticle(source.data) } });
  else store.keep(file, entry);
  return entry;
}

/** A file read with no build cache: by a one-off build (its body read again when asked) or by `npm start` (its body kept). */
function readWithoutStore(file: string, stat: Stats, readFrontMatter: FrontMatterReader, holding: BodyHolding, reading: ArticleReading | undefined): CachedSource {
  const bytes = readFileSync(file);
  const hash = holding === "file" ? hashOf(bytes) : "";
  const entry: CachedSource = { mtimeMs: stat.mtimeMs, size: stat.size, hash: "", ...readSource(file, bytes, readFrontMatter, { hash, holding, known: false }) };
  if (entry.source && holding === "file") readArticleNow(entry.source, reading);
  return entry;
}

/**
 * An article's fields read now, while its body is at hand (its excerpt), rather than by the site model;
 * then a body read again from its file when asked is let go (withBodyFromFile).
 */
function readArticleNow(source: ModelSource, reading: ArticleReading | undefined): ModelSource["articleRead"] {
  if (reading && source.kind === "article" && source.data[PROBLEMS_KEY] === undefined) source.articleRead = readArticleFields(source, reading.taxonomies, reading.md);
  const held = heldBodies.get(source);
  if (held) held.body = undefined;
  return source.articleRead;
}

function dataBesidesArticle(data: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of ["draft", PERMALINK_KEY, KIND_KEY]) if (data[key] !== undefined) kept[key] = data[key];
  return kept;
}

/** The entry as the store keeps it, its body left out without reading it (a lazy body would be decoded; the store strips the body anyway). */
function withoutBody(entry: CachedSource): CachedSource {
  return entry.source ? { ...entry, source: bodiless(entry.source) } : entry;
}

/** A copy of the source with an empty body, made without reading its body (a spread would decode it). */
function bodiless(source: Omit<ModelSource, "markdown">): ModelSource {
  const copy: Record<string, unknown> = {};
  // Every value read but the body's: reading `markdown` would call its getter. (Descriptors took 20 µs a file.)
  for (const key of Object.keys(source)) if (key !== "markdown") copy[key] = (source as Record<string, unknown>)[key];
  copy.markdown = "";
  return copy as unknown as ModelSource;
}

/**
 * A source whose body is held as UTF-8 bytes and decoded each time it is read. The text a body is cut from
 * is UTF-16 as soon as it has one typographic apostrophe, so held as a string it took twice the memory, with
 * the front matter besides; a build reads a body a few times (its excerpt, its page, perhaps a feed).
 */
function withBodyAsBytes(source: Omit<ModelSource, "markdown">, body: string): ModelSource {
  const bytes = Buffer.from(body, "utf8");
  return Object.defineProperty(bodiless(source), "markdown", { enumerable: true, get: (): string => bytes.toString("utf8") });
}

/** What reading an article takes besides its file: the site's taxonomies and Markdown renderer (see readArticleFields). */
export interface ArticleReading {
  taxonomies: readonly Taxonomy[];
  md: MarkdownRenderer;
}

/**
 * A source whose body is read again from its file each time it is asked for (a one-off build: a page and
 * perhaps a feed ask), instead of being held for the whole build: the bodies are most of a site's text.
 * The bytes must still be those read at first (their hash): a file saved during the build stops it.
 */
function withBodyFromFile(source: Omit<ModelSource, "markdown">, absolute: string, hash: string, read?: string): ModelSource {
  const made = bodiless(source);
  // The body as read at first serves while the file is being read (an article's excerpt): see readArticleNow.
  const held = read === undefined ? undefined : { body: read };
  if (held) heldBodies.set(made, held);
  return Object.defineProperty(made, "markdown", { enumerable: true, get: (): string => held?.body ?? bodyReadAgain(absolute, hash) });
}

/** Bodies held while their file is being read, by source. */
const heldBodies = new WeakMap<ModelSource, { body: string | undefined }>();

function bodyReadAgain(absolute: string, hash: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    throw new EditorialeError([fileSystemProblem(error, absolute, "file")]);
  }
  if (hashOf(bytes) !== hash) {
    throw new EditorialeError([
      {
        code: "FILE_CHANGED",
        file: displayPath(absolute),
        field: "(file)",
        message: "the file changed while the site was being built, after it had been read",
        fix: "build again once it is saved (no editor, import or sync tool writing it during the build)",
      },
    ]);
  }
  // The same bytes were read without a problem at the start of this build, or by the build that kept them (under the same code: the cache's key).
  return splitFrontMatter(textOf(absolute, bytes)).body;
}


function hashOf(bytes: Buffer): string {
  return hash("sha1", bytes, "base64url");
}

/** The file's text as every later step reads it: UTF-8 checked, control characters and noncharacters removed. */
function textOf(absolute: string, bytes: Buffer): string {
  const decoded = decodeContent(bytes, displayPath(absolute));
  // Thrown to the reader's loop, which reports it with the file-system problems.
  if ("problem" in decoded) throw new ContentProblem(decoded.problem);
  // Control characters and noncharacters never reach a page or a feed: removed once, here, from the
  // whole file (front matter and body), as escapeText and cdata remove them from what they write.
  return stripForbiddenCharacters(decoded.text);
}

/**
 * How a source's body is held: read again from its file when asked ("file", a one-off build, which reads each
 * body once or twice), or kept as UTF-8 bytes ("bytes", `npm start`, whose files change between its builds).
 */
type BodyHolding = "file" | "bytes";

/**
 * `hash`: the bytes' hash (for a body read again from the file); `known`: a store keeps what is read (the
 * build cache), so that the body is known by that hash in later builds.
 */
function readSource(absolute: string, bytes: Buffer, readFrontMatter: FrontMatterReader, body: { hash: string; holding: BodyHolding; known: boolean }): { source: ModelSource | undefined; notices: string[] } {
  const { hash } = body;
  const file = displayPath(absolute);
  const text = textOf(absolute, bytes);
  const split = splitFrontMatter(text);
  if (split.yaml === undefined) {
    const problem = missingFrontMatter(file, text.trim() === "");
    return { source: { kind: "article", file, url: "", data: { [PROBLEMS_KEY]: [problem] }, markdown: split.body }, notices: [] };
  }
  const data = readFrontMatter(split.yamlAtFileLines ?? split.yaml, { filePath: file });
  const kind = data[KIND_KEY] === "dossier" || data[KIND_KEY] === "page" ? data[KIND_KEY] : "article";
  const url = typeof data.permalink === "string" ? data.permalink : "";
  const notice = kind === "article" ? shortenedSlugNotice(file, data) : undefined;
  const source = body.holding === "file" ? withBodyFromFile({ kind, file, url, data }, absolute, hash, split.body) : withBodyAsBytes({ kind, file, url, data }, split.body);
  // The file's bytes fix its body: their hash tells one body from another as well as the body's own would.
  if (body.known) {
    source.knownBody = { token: `file:${hash}`, mayShowImage: mayShowImage(split.body) };
    // Filled by the signatures, later in the build, and saved with the file then: the store keeps this very object.
    if (kind === "article") source.signatureMemo = {};
  }
  return { source, notices: notice ? [notice] : [] };
}

/** A problem found while reading a file, carried out of readSource. */
class ContentProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/** What the editor or maintainer reads for a failed read: the file, what the system said, what to do. */
function fileSystemProblem(error: unknown, absolute: string, what: "file" | "folder"): Problem {
  if (error instanceof ContentProblem) return error.problem;
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  const reason: Record<string, [string, string]> = {
    EACCES: [`the ${what} cannot be read: permission denied (EACCES)`, `give the user who builds the site permission to read it (e.g. chmod a+r${what === "folder" ? "x" : ""} "${absolute}")`],
    EPERM: [`the ${what} cannot be read: operation not permitted (EPERM)`, "give the user who builds the site permission to read it"],
    EISDIR: [`a folder is where a .md file was expected (EISDIR)`, "rename it so that its name does not end in .md, or delete the link"],
    ENOENT: [
      what === "folder" ? "the content folder does not exist (ENOENT)" : "the file vanished while it was read, or is a link to nothing (ENOENT)",
      what === "folder" ? "check --input (or the plugin's input folder) and the current folder, or create it" : "build again; if it is a symbolic link, point it at an existing file or delete it",
    ],
    ELOOP: ["a symbolic link points, through other links, back to itself (ELOOP)", "point the link at a real file or delete it"],
    ENOTDIR: [`a file is where a folder was expected (ENOTDIR)`, "check --input: it must name the content folder"],
    ENOTREG: ["this is not a regular file but a pipe, socket or device", "replace it with a plain text file, or delete it"],
    ENAMETOOLONG: ["the path is too long for the file system (ENAMETOOLONG)", "give the file or its folders shorter names"],
  };
  const [message, fix] = reason[code] ?? [
    `the ${what} cannot be read${code ? ` (${code})` : ""}: ${error instanceof Error ? error.message : String(error)}`,
    "check that the build can read it, then build again",
  ];
  return { code: "FILE_UNREADABLE", file: displayPath(absolute), field: "(file)", message, fix };
}


/**
 * The `.md` entries under `dir`, sorted: files, and links and pipes that the reader checks (a link
 * that leads nowhere or in a loop is a problem). A folder that cannot be listed is a problem.
 */
function markdownFiles(dir: string, problems: Problem[]): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch (error) {
      problems.push(fileSystemProblem(error, path.resolve(folder), "folder"));
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name.startsWith("_") || entry.name === "node_modules") continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      // Links are followed to files only (a linked folder could lead back up the tree); anything else named .md is read, or reported.
      else if (entry.name.endsWith(".md")) files.push(path.resolve(full));
    }
  };
  walk(dir);
  return files;
}
