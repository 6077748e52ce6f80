/**
 * Publishing a warm build by updating the published site in place, instead of
 * swapping in a whole new folder.
 *
 * With the build cache, a build after one edit renders a few dozen files and
 * takes the other tens of thousands from the published site. Swapping folders
 * would mean creating every folder and link of the site again and deleting the
 * old ones, most of the build's time. So `npm run build`, when the output is a
 * finished site of ours, asks the builder to leave those files where they are:
 * the build folder then holds only what this build wrote (changed pages,
 * Eleventy's own files, assets, media, search bundles) and a list of the
 * published files it reused (REUSED_LIST). Once the build has succeeded, the
 * published site is updated: files of the old site that the new one does not
 * have are deleted, and the build's files are renamed into place, each rename
 * atomic. The folder is incomplete only for the time of those renames; the
 * marker says "updating" meanwhile, so a build killed then is followed by a
 * full build, which trusts no published file it has not checked.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import { REUSED_LIST } from "../core/site-files.ts";
import { OURS_INSIDE, present } from "./atomic-output.ts";
import { MARKER, writeMarker } from "./output-marker.ts";

/** What a build reused from the published site: files, and whole folders (written with a final "/"). */
export interface Reused {
  files: readonly string[];
  folders: readonly string[];
}

/** What the build folder holds, relative, with "/" between names: its files and its folders. */
export interface BuildTree {
  files: string[];
  folders: string[];
}

/** The list the builder left in the build folder (then removed from it), or undefined for a build that reused nothing in place. */
export function takeReusedList(building: string): Reused | undefined {
  const file = path.join(building, REUSED_LIST);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  rmSync(file);
  const lines = text.split("\n").filter((line) => line !== "");
  return { files: lines.filter((l) => !l.endsWith("/")), folders: lines.filter((l) => l.endsWith("/")).map((l) => l.slice(0, -1)) };
}

/** Every file and folder of the build folder but the marker. */
export function buildTree(building: string): BuildTree {
  const found = scan(building, (name, top) => top && name === MARKER);
  return { files: [...found.files], folders: found.folders };
}

/** Whether updating pays: more files reused in place than files to move (else the reused files are linked in and the folders swapped). */
export function updatePays(reused: Reused, tree: BuildTree): boolean {
  return reused.files.length + reused.folders.length > 0 && reused.files.length >= tree.files.length;
}

/**
 * Links the reused files into the build folder, which becomes a whole site
 * again (for a swap): hard links, or copies across file systems.
 */
export function linkReused(target: string, building: string, reused: Reused): void {
  const made = new Set<string>();
  const put = (relative: string) => {
    const to = path.join(building, relative);
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const from = path.join(target, relative);
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  };
  refuseMissing(scan(target, () => false, new Set(reused.folders)), reused);
  for (const file of reused.files) put(file);
  for (const folder of reused.folders) for (const file of scan(path.join(target, folder), () => false).files) put(`${folder}/${file}`);
}

/**
 * The published site's files and folders as an update would find them: everything but the marker, the build
 * folders of ours inside it and the kept entries, reused folders entered too. Taken while the build runs
 * (scripts/build.ts: the build does not touch the published site, and the walk, tens of thousands of folders,
 * then costs no time on the core Eleventy does not use), and handed to `updateInPlace`.
 */
export function publishedTree(target: string, building: string, keep: readonly string[]): Scanned {
  const skipTop = new Set([MARKER, path.basename(building), ...keep]);
  return scan(target, (name, top) => top && (skipTop.has(name) || OURS_INSIDE.test(name)));
}

/**
 * Updates the published site `target` to the build: see the file's comment.
 * Throws, having changed nothing, when a reused file is no longer there (the
 * published site changed while the build ran). `found`: the site as `publishedTree` found it during the build;
 * without it, the site is walked now.
 */
export function updateInPlace(target: string, building: string, reused: Reused, tree: BuildTree, keep: readonly string[], found?: Scanned): { kept: string[]; moved: number; removed: number } {
  const published = withoutReusedFolders(found ?? publishedTree(target, building, keep), new Set(reused.folders));
  refuseMissing(published, reused);
  const newFiles = new Set([...reused.files, ...tree.files]);
  const newFolders = new Set(tree.folders);
  // Tens of thousands of reused files, most in a folder already seen: the walk up stops at the first one known.
  const reusedParents = new Set<string>();
  for (const file of [...reused.files, ...reused.folders]) {
    for (let dir = parentOf(file); dir !== "" && !reusedParents.has(dir); dir = parentOf(dir)) {
      reusedParents.add(dir);
      newFolders.add(dir);
    }
  }
  writeMarker(target, [], { updating: process.pid });
  // The old site's files the new one lacks, then the folders that held only such files (deepest first).
  // A file already gone (removed by hand since the site was walked) is no reason to stop halfway.
  let removed = 0;
  for (const file of published.files) {
    if (newFiles.has(file)) continue;
    rmSync(path.join(target, file), { force: true });
    removed++;
  }
  for (const folder of published.folders.filter((f) => !newFolders.has(f)).reverse()) {
    removeEmptyFolder(path.join(target, folder));
    removed++;
  }
  // Then the build's own files, each renamed over the old one (folders made first, parents before children).
  for (const folder of tree.folders) {
    const at = path.join(target, folder);
    if (!present(at)) mkdirSync(at);
  }
  for (const file of tree.files) renameSync(path.join(building, file), path.join(target, file));
  writeMarker(target);
  return { kept: keep.filter((name) => present(path.join(target, name))), moved: tree.files.length, removed };
}

/** The folder of a relative path with "/" ("" at the top): path.posix.dirname without its "." and its cost. */
function parentOf(entry: string): string {
  const slash = entry.lastIndexOf("/");
  return slash < 0 ? "" : entry.slice(0, slash);
}

/** Removes a folder that should be empty by now; one already gone is fine, one that is not empty stops the update (never emptied here). */
function removeEmptyFolder(folder: string): void {
  try {
    rmdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/**
 * A site's tree as an update sees it: the reused folders (search bundles left in place) are listed in
 * `keptFolders`, and what they hold is neither removed nor checked.
 */
function withoutReusedFolders(tree: Scanned, reusedFolders: ReadonlySet<string>): Scanned {
  if (reusedFolders.size === 0) return tree;
  const keptFolders = new Set<string>();
  // Reused folders are search bundles (pagefind/2019): an entry under another top folder is not looked at further.
  const tops = new Set([...reusedFolders].map((folder) => folder.split("/")[0] as string));
  const inReused = (entry: string): boolean => {
    const slash = entry.indexOf("/");
    if (slash < 0 || !tops.has(entry.slice(0, slash))) return false;
    for (let dir = parentOf(entry); dir !== ""; dir = parentOf(dir)) if (reusedFolders.has(dir)) return true;
    return false;
  };
  const folders: string[] = [];
  for (const folder of tree.folders) {
    if (reusedFolders.has(folder)) keptFolders.add(folder);
    else if (!inReused(folder)) folders.push(folder);
  }
  const files = new Set<string>();
  for (const file of tree.files) if (!inReused(file)) files.add(file);
  return { files, folders, keptFolders };
}

export interface Scanned {
  files: Set<string>;
  /** Parents before children. */
  folders: string[];
  /** The reused folders found (listed, not entered). */
  keptFolders: Set<string>;
}

/** A folder's files and folders, relative with "/", but the entries skipped; the reused folders found are not entered. */
function scan(root: string, skip: (name: string, top: boolean) => boolean, reusedFolders: ReadonlySet<string> = new Set()): Scanned {
  const found = { files: new Set<string>(), folders: [] as string[], keptFolders: new Set<string>() };
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (skip(entry.name, prefix === "")) continue;
      const name = prefix + entry.name;
      if (!entry.isDirectory()) found.files.add(name);
      else if (reusedFolders.has(name)) found.keptFolders.add(name);
      else {
        found.folders.push(name);
        walk(path.join(dir, entry.name), `${name}/`);
      }
    }
  };
  walk(root, "");
  return found;
}

/** Refuses to go on when reused files or folders are not in the published site (changed while the build ran). */
function refuseMissing(published: Scanned, reused: Reused): void {
  const missing = [...reused.files.filter((f) => !published.files.has(f)), ...reused.folders.filter((f) => !published.keptFolders.has(f)).map((f) => `${f}/`)];
  if (missing.length === 0) return;
  const shown = missing.slice(0, 3).join(", ") + (missing.length > 3 ? `, and ${missing.length - 3} more` : "");
  const one = missing.length === 1;
  throw new Error(`${missing.length} published ${one ? "file" : "files"} that the build reused ${one ? "is" : "are"} gone (${shown}): the output changed while the build ran; nothing was changed. Fix: build again`);
}
