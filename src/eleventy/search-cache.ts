import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The folder that keeps each bundle's index files between builds (EDITORIALE_SEARCH_CACHE: another one, e.g. a test's own). */
export const SEARCH_CACHE_DIR = ".cache/editoriale/search";

/** Part of every key: a change to what a record says or how pages are fed to Pagefind makes every bundle again. */
const FORMAT = 2;
const RECORD = "record.json";
/** Where the entry's files were last put, and each one's size, time and inode there (see `sameAt`). */
const PLACED = "placed.json";

interface PlacedRecord {
  key: string;
  files: Array<[string, number, number, number]>;
}

interface CacheRecord {
  format: number;
  /** What made the files besides the pages (Pagefind's and Editoriale's versions, the language). */
  made: string;
  key: string;
  /** Path (with "/"), size and SHA-256 of every file of the bundle. */
  files: Array<[string, number, string]>;
}

/**
 * Each search bundle's Pagefind files, kept in `<dir>/<bundle>/files/` with a
 * record of its key and of every file's size and hash. The key is a hash of
 * exactly what Pagefind is handed (each page's URL and bytes, in order) and of
 * everything else that shapes its output (Pagefind's and Editoriale's
 * versions, the language): equal keys, equal index files. An entry is written
 * in a temporary folder and renamed into place, so that a build stopped
 * half-way leaves no entry rather than half of one; and an entry that is
 * unreadable, from another version or whose files do not match its record is
 * never used: the bundle is indexed again, with one notice line.
 */
export class SearchCache {
  readonly dir: string;
  private swept = false;

  /** `made`: Pagefind's and Editoriale's versions and the language, in one line (part of every key). */
  constructor(dir: string, private readonly made: string, private readonly log: (line: string) => void) {
    this.dir = path.resolve(dir);
  }

  /** A bundle's key from its pages, in order: each URL and the digest of what Pagefind is handed of it (search-bundles.ts searchDigest). */
  key(pages: Iterable<{ url: string; digest: string }>): string {
    const hash = createHash("sha256");
    hash.update(`editoriale-search ${FORMAT}\0${this.made}\0`);
    for (const page of pages) hash.update(`${page.url}\0${page.digest}\0`);
    return hash.digest("hex");
  }

  /**
   * Puts the cached files of `bundle` into `target` when the entry has this
   * key and every file matches its record (files already there and equal are
   * kept; others are replaced, never written through, since the output may
   * hold hard links to an earlier build). False: index it.
   */
  restore(bundle: string, key: string, target: string): boolean {
    const entry = path.join(this.dir, bundle);
    const record = readRecord(path.join(entry, RECORD));
    if (record === undefined) {
      if (existsSync(entry)) this.notice(bundle, "its record is missing or unreadable");
      return false;
    }
    if (record.format !== FORMAT || record.made !== this.made) return this.notice(bundle, `it was made by another version (${record.made})`);
    if (record.key !== key) return false;
    try {
      const wrong = place(path.join(entry, "files"), record.files, target);
      if (wrong !== undefined) return this.notice(bundle, `${wrong} does not match its record`);
      notePlaced(entry, key, target, record.files);
      return true;
    } catch (error) {
      return this.notice(bundle, `it could not be read (${(error as Error).message})`);
    }
  }

  /**
   * Whether `folder` (the published site's copy of the bundle, for a build that updates the site in place)
   * already holds exactly the entry of this key: the same files, each of its recorded size and hash, and no other.
   * Nothing is said when not: the bundle is then restored or indexed as usual.
   */
  sameAt(bundle: string, key: string, folder: string): boolean {
    const record = readRecord(path.join(this.dir, bundle, RECORD));
    if (record === undefined || record.format !== FORMAT || record.made !== this.made || record.key !== key) return false;
    try {
      const names = filesUnder(folder);
      if (names.length !== record.files.length) return false;
      // The files this build's predecessor put there, untouched since (size, time and inode): no need to read them.
      if (samePlaced(readPlaced(path.join(this.dir, bundle, PLACED)), key, names, folder)) return true;
      const wanted = new Map(record.files.map(([name, size, sha]) => [name, { size, sha }]));
      const same = names.every((name) => {
        const file = wanted.get(name);
        return file !== undefined && sameFile(path.join(folder, name), file.size, file.sha);
      });
      // Read and found equal (placed there by a build with another cache folder, or copied): known there by a stat from now on.
      if (same) notePlaced(path.join(this.dir, bundle), key, folder, record.files);
      return same;
    } catch {
      return false;
    }
  }

  /** A fresh folder for Pagefind to write a bundle into, inside the cache folder so that `seal` can rename it into place. */
  scratch(bundle: string): string {
    this.sweep();
    const folder = path.join(this.dir, `.tmp-${bundle}-${process.pid}-${Date.now()}`);
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(path.join(folder, "files"), { recursive: true });
    return path.join(folder, "files");
  }

  /**
   * Puts the files Pagefind wrote in `files` (a folder from `scratch`) into
   * `target`, then records them under `key` and puts the entry in place of the old one.
   */
  seal(bundle: string, key: string, files: string, target: string): void {
    const folder = path.dirname(files);
    const record: CacheRecord = { format: FORMAT, made: this.made, key, files: [] };
    // Each file is read once, to be hashed for the record, and put in the target as a hard link to the entry's
    // file (no copy: the entry is never written through, nor is the target, whose files are removed first),
    // or from the same bytes across file systems.
    const folders = new Set<string>();
    for (const name of filesUnder(files)) {
      const from = path.join(files, name);
      const bytes = readFileSync(from);
      const sha = sha256(bytes);
      record.files.push([name, bytes.length, sha]);
      const to = path.join(target, name);
      if (existsSync(to) && sameFile(to, bytes.length, sha)) continue;
      // Removed first, never written through: the output may hold hard links to an earlier build's files.
      rmSync(to, { force: true });
      const dir = path.dirname(to);
      if (!folders.has(dir)) mkdirSync(dir, { recursive: true });
      folders.add(dir);
      try {
        linkSync(from, to);
      } catch {
        writeFileSync(to, bytes);
      }
    }
    const wanted = new Set(record.files.map(([name]) => name));
    for (const name of filesUnder(target)) if (!wanted.has(name)) rmSync(path.join(target, name), { force: true });
    writeFileSync(path.join(folder, RECORD), `${JSON.stringify(record)}\n`);
    notePlaced(folder, key, target, record.files);
    const entry = path.join(this.dir, bundle);
    rmSync(entry, { recursive: true, force: true });
    try {
      renameSync(folder, entry);
    } catch {
      // Another build sealed the same bundle meanwhile: its entry is as good as this one.
      rmSync(folder, { recursive: true, force: true });
    }
  }

  /** Removes a folder from `scratch` that will not be sealed (indexing failed). */
  drop(files: string): void {
    rmSync(path.dirname(files), { recursive: true, force: true });
  }

  /** Removes the temporary folders of builds that were stopped half-way (their process is gone). */
  private sweep(): void {
    if (this.swept || !existsSync(this.dir)) return;
    this.swept = true;
    for (const name of readdirSync(this.dir)) {
      const pid = /^\.tmp-.+-(\d+)-\d+$/.exec(name)?.[1];
      if (pid !== undefined && !isRunning(Number(pid))) rmSync(path.join(this.dir, name), { recursive: true, force: true });
    }
  }

  private notice(bundle: string, why: string): false {
    this.log(`[editoriale] search cache: bundle ${bundle} ignored, ${why}; indexing it again`);
    return false;
  }
}

/**
 * Copies the files of a record from `from` into `target`, keeping those
 * already there and equal, replacing the others (removed first, never written
 * through: the output may hold hard links to an earlier build's files), and
 * removing files of `target` the record does not list. Each copy is checked
 * where it landed. Returns the first file that does not match, if any.
 */
function place(from: string, files: CacheRecord["files"], target: string): string | undefined {
  const wanted = new Set<string>();
  for (const [name, size, sha] of files) {
    wanted.add(name);
    const to = path.join(target, name);
    if (existsSync(to) && sameFile(to, size, sha)) continue;
    rmSync(to, { force: true });
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(from, name), to);
    if (!sameFile(to, size, sha)) return name;
  }
  for (const name of filesUnder(target)) if (!wanted.has(name)) rmSync(path.join(target, name), { force: true });
  return undefined;
}

/**
 * Records where an entry's files were just put (the build folder, which becomes the published site by renames,
 * which keep a file's inode and time): the next build updating that site in place knows them there by a stat each.
 */
function notePlaced(entry: string, key: string, target: string, files: CacheRecord["files"]): void {
  const placed: PlacedRecord = { key, files: [] };
  for (const [name] of files) {
    const stat = statSync(path.join(target, name));
    placed.files.push([name, stat.size, stat.mtimeMs, stat.ino]);
  }
  writeFileSync(path.join(entry, PLACED), `${JSON.stringify(placed)}\n`);
}

function readPlaced(file: string): PlacedRecord | undefined {
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<PlacedRecord>;
    if (typeof data.key !== "string" || !Array.isArray(data.files)) return undefined;
    const files = data.files.filter((f): f is [string, number, number, number] => Array.isArray(f) && typeof f[0] === "string" && f.slice(1).every((n) => typeof n === "number"));
    return files.length === data.files.length ? { key: data.key, files } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `folder` holds exactly the files placed under this key, each with the size, time and inode it had when placed. */
function samePlaced(placed: PlacedRecord | undefined, key: string, names: readonly string[], folder: string): boolean {
  if (!placed || placed.key !== key || placed.files.length !== names.length) return false;
  const byName = new Map(placed.files.map(([name, size, mtimeMs, ino]) => [name, { size, mtimeMs, ino }]));
  return names.every((name) => {
    const was = byName.get(name);
    if (!was) return false;
    const stat = statSync(path.join(folder, name));
    return stat.size === was.size && stat.mtimeMs === was.mtimeMs && stat.ino === was.ino;
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user has that pid; it is running.
    return (error as { code?: unknown }).code === "EPERM";
  }
}

function readRecord(file: string): CacheRecord | undefined {
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<CacheRecord>;
    if (typeof data.format !== "number" || typeof data.made !== "string" || typeof data.key !== "string" || !Array.isArray(data.files)) return undefined;
    const files = data.files.filter((f): f is [string, number, string] => Array.isArray(f) && typeof f[0] === "string" && typeof f[1] === "number" && typeof f[2] === "string");
    // A name that leaves the entry (`..`, absolute) is a corrupt record, not a file to copy.
    if (files.length !== data.files.length || files.some(([name]) => name.startsWith("/") || name.split("/").includes(".."))) return undefined;
    return { format: data.format, made: data.made, key: data.key, files };
  } catch {
    return undefined;
  }
}

function sameFile(file: string, size: number, sha: string): boolean {
  const bytes = readFileSync(file);
  return bytes.length === size && sha256(bytes) === sha;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Every file under `dir`, as sorted "/"-separated paths relative to it; none when it does not exist. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join("/"))
    .sort();
}
