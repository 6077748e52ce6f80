import { copyFile, mkdir, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { MediaIndex, MediaItem } from "./media-index.ts";
import { originalOf, uploadPath } from "./media-references.ts";
import { MEDIA_FOLDER } from "../core/site-files.ts";

/**
 * Moves the old site's media into the new one: from a copy of
 * wp-content/uploads (`--uploads DIR`) or over HTTP from the old site
 * (`--download`), into `<content>/media/<path under uploads>`, served at
 * `/media/<path>`. Each file is fetched once per import, whoever uses it.
 */
export type MediaSource = { kind: "uploads"; dir: string } | { kind: "download" };

export interface MediaTarget {
  /** Path under uploads, and so under media/ ("2021/03/a.jpg"). */
  path: string;
  /** Where it comes from: a file under the uploads copy, or a URL. */
  from: string;
  /** The site path the body links to: "/media/2021/03/a.jpg". */
  sitePath: string;
  /** The reference as the body had it, for the report. */
  url: string;
}

export class MediaMover {
  private readonly byFile = new Map<string, MediaItem>();
  private readonly done = new Map<string, Promise<boolean>>();
  readonly copied: string[] = [];

  constructor(
    private readonly source: MediaSource,
    private readonly contentDir: string,
    private readonly hosts: ReadonlySet<string>,
    media: MediaIndex,
  ) {
    for (const item of media.values()) if (item.file) this.byFile.set(item.file, item);
  }

  /** The target of a reference to the old uploads; undefined for any other URL. */
  plan(url: string): MediaTarget | undefined {
    const path = uploadPath(url, this.hosts);
    if (!path) return undefined;
    // The attachment's own file when the export has it (a resized copy points to its original).
    const item = this.byFile.get(path) ?? this.byFile.get(originalOf(path));
    const file = item?.file ?? path;
    const from = this.source.kind === "uploads" ? join(this.source.dir, ...file.split("/")) : item?.url || url;
    return { path: file, from, sitePath: `/${MEDIA_FOLDER}/${file}`, url };
  }

  /** True once the file is in media/ (copied, downloaded, or already there); false when it cannot be had. */
  fetch(target: MediaTarget): Promise<boolean> {
    let pending = this.done.get(target.path);
    if (!pending) {
      pending = this.bring(target);
      this.done.set(target.path, pending);
    }
    return pending;
  }

  /** Whether a fetch of this file was tried and failed. */
  async failed(target: MediaTarget): Promise<boolean> {
    const pending = this.done.get(target.path);
    return pending ? !(await pending) : false;
  }

  private async bring(target: MediaTarget): Promise<boolean> {
    const dest = join(this.contentDir, MEDIA_FOLDER, ...target.path.split("/"));
    if (await exists(dest)) return true;
    try {
      if (this.source.kind === "uploads") {
        if (!(await exists(target.from))) return false;
        await mkdir(dirname(dest), { recursive: true });
        await copyFile(target.from, dest);
      } else {
        const response = await fetch(target.from, { redirect: "follow" });
        if (!response.ok) return false;
        const bytes = new Uint8Array(await response.arrayBuffer());
        await mkdir(dirname(dest), { recursive: true });
        await writeFile(dest, bytes);
      }
    } catch {
      return false;
    }
    this.copied.push(target.path);
    return true;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
