import { copyFileSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { MEDIA_FOLDER } from "../core/site-files.ts";

/**
 * Publishes the content folder's `media/` (images, documents) at `/media/`,
 * file by file, copying only what is new or changed since the copy already in
 * the output (a rebuild under `npm start` copies nothing it did not have to).
 * Done by the builder rather than by an Eleventy passthrough copy: a
 * passthrough of a path inside the content folder, which Eleventy is told to
 * ignore, stopped its watcher from seeing any article change.
 */
export function copyMediaFiles(contentDir: string, outputDir: string): number {
  const from = path.join(contentDir, MEDIA_FOLDER);
  let entries: string[];
  try {
    entries = readdirSync(from, { recursive: true, encoding: "utf8" });
  } catch {
    return 0;
  }
  let copied = 0;
  for (const entry of entries) {
    const source = path.join(from, entry);
    const stat = statSync(source, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    const target = path.join(outputDir, MEDIA_FOLDER, entry);
    const existing = statSync(target, { throwIfNoEntry: false });
    if (existing && existing.size === stat.size && existing.mtimeMs >= stat.mtimeMs) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, target);
    copied++;
  }
  return copied;
}
