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
          cached = store ? readThroughStore(file, stat, store, readFrontMatter, reading) : { mtimeMs: stat.mtimeMs, size: stat.size, hash: "", ...readSource(file, readFileSync(file), readFrontMatter) };
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
  const bytes = readFileSync(file);
  // The bytes are read anyway (to know that they are the same): compared by hash, whatever the file's time says.
  const hash = hashOf(bytes);
  if (kept?.hash === hash) {
    const entry = { ...kept, mtimeMs: stat.mtimeMs, size: stat.size };
    // What the store keeps is what it had: its body is not read (it would be decoded), as the store strips it anyway.
    store.keep(file, { ...entry, source: kept.source && { ...kept.source, markdown: "" } });
    return { ...entry, source: kept.source && withLazyBody(kept.source, file, bytes) };
  }
  const entry: CachedSource = { mtimeMs: stat.mtimeMs, size: stat.size, hash, ...readSource(file, bytes, readFrontMatter, hash) };
  const source = entry.source;
  // Read as an article here rather than by the site model, so that the store keeps it for the next build.
  if (reading && source?.kind === "article" && source.data[PROBLEMS_KEY] === undefined) {
    const read = readArticleFields(source, reading.taxonomies, reading.md);
    source.articleRead = read;
    // Of an article read without a problem, the next build needs no data but what the reader and the site model look at besides the article.
    if (read.problems.length === 0) {
      store.keep(file, { ...entry, source: { ...source, data: dataBesidesArticle(source.data) } });
      return entry;
    }
  }
  store.keep(file, entry);
  return entry;
}

function dataBesidesArticle(data: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of ["draft", PERMALINK_KEY, KIND_KEY]) if (data[key] !== undefined) kept[key] = data[key];
  return kept;
}

/** The entry as the store keeps it, its body left out without reading it (a lazy body would be decoded; the store strips the body anyway). */
function withoutBody(entry: CachedSource): CachedSource {
  if (!entry.source) return entry;
  const source: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(Object.getOwnPropertyDescriptors(entry.source))) if (key !== "markdown") source[key] = value.value;
  return { ...entry, source: { ...(source as Omit<ModelSource, "markdown">), markdown: "" } };
}

/** What reading an article takes besides its file: the site's taxonomies and Markdown renderer (see readArticleFields). */
export interface ArticleReading {
  taxonomies: readonly Taxonomy[];
  md: MarkdownRenderer;
}

/**
 * A kept source whose body is decoded when first read. Most of a warm build's reading was decoding
 * and cleaning bodies that nothing renders; the signatures know a kept body by `knownBody`.
 */
function withLazyBody(kept: Omit<ModelSource, "markdown">, absolute: string, bytes: Buffer): ModelSource {
  let left: Buffer | undefined = bytes;
  let body = "";
  const source = { ...kept, markdown: "" };
  Object.defineProperty(source, "markdown", {
    enumerable: true,
    get(): string {
      if (left !== undefined) {
        // The same bytes were read without a problem by the build that kept them (under the same code: the cache's key).
        body = splitFrontMatter(textOf(absolute, left)).body;
        left = undefined;
      }
      return body;
    },
  });
  return source;
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

/** `hash`: the bytes' hash when a store keeps what is read (the build cache), so that the body is known by it in later builds. */
function readSource(absolute: string, bytes: Buffer, readFrontMatter: FrontMatterReader, hash = ""): { source: ModelSource | undefined; notices: string[] } {
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
  const source: ModelSource = { kind, file, url, data, markdown: split.body };
  // The file's bytes fix its body: their hash tells one body from another as well as the body's own would.
  if (hash) {
    source.knownBody = { token: `file:${hash}`, mayShowImage: mayShowImage(split.body) };
    // Filled by the signatures, later in the build, and saved with the file then: the store keeps this very object.
    if (kind === "article") source.relatedMemo = {};
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
