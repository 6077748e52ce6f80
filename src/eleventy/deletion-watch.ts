import { createHash } from "node:crypto";
import { existsSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { EleventyConfig } from "./eleventy-config.ts";

/**
 * Eleventy 3's watcher only logs a deleted file (its `unlink` handler builds
 * nothing), so under `npm start` a deleted article stayed served and listed
 * until the next save. While serving or watching, this watches the content
 * folder for entries that vanish and then touches a file of ours that
 * Eleventy watches, which starts a rebuild: the content reader no longer finds
 * the article, and the writer removes its page and updates the lists and feeds
 * that showed it. A one-off build starts nothing.
 */
export function rebuildOnDeletion(config: EleventyConfig, contentDir: string): void {
  const runMode = process.env.ELEVENTY_RUN_MODE;
  const folder = path.resolve(contentDir);
  // A missing folder is reported by the content reader at the first build.
  if ((runMode !== "serve" && runMode !== "watch") || !existsSync(folder)) return;
  // One stamp per content folder, reused by every `npm start` of it: nothing piles up in the temporary folder.
  const stamp = path.join(tmpdir(), `editoriale-deleted-${createHash("sha1").update(folder).digest("hex").slice(0, 12)}.txt`);
  writeFileSync(stamp, "");
  // Declared while Eleventy reads the configuration, so that its watcher starts with it.
  config.addWatchTarget(stamp);
  const watcher = watch(folder, { recursive: true }, (_event, name) => {
    if (name && !existsSync(path.join(folder, name))) writeFileSync(stamp, `${Date.now()} ${name}\n`);
  });
  watcher.unref();
}
