import { hash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { displayPath } from "./display-path.ts";

/** One item in the pack: its article (file), its key, where its bytes are, how many, and their hash (checked on every read). */
export type PackedItem = [owner: string, key: string, offset: number, length: number, sha1: string];

/** What the build cache keeps of the pack: its file's name and its items. */
export interface PackIndex {
  name: string;
  items: PackedItem[];
}

const PREFIX = "feed-items-";
const SUFFIX = ".pack";

/** Rewritten without its dead items once they are more than this share of the file (and at least a few MiB). */
const DEAD_SHARE = 0.5;
const DEAD_MIN_BYTES = 4 * 1024 * 1024;

/**
 * The feeds' `<item>`s of the last build, rendered, kept beside the build
 * cache (build-cache.ts) in one file of bytes: a build in a new process that
 * renders a feed again takes the items it can from here instead of rendering
 * each article's body again. An item is known by a key that changes whenever
 * anything it shows does (output-signatures.ts `feedItem`).
 *
 * Items are appended, one per article: an article's new item replaces its
 * old one, and the items of articles no longer in the site are dropped. The
 * index (kept in the build cache's file) says where each is, and a read is
 * checked against the item's hash: a damaged pack, or one cut short, gives
 * items rendered again, never wrong bytes. Once the dead bytes outweigh the
 * living, the pack is written again under a new name, and the old one is
 * removed when the cache is saved.
 */
export class FeedItemPack {
  /** An index as the build cache's file holds it, checked (anything else: no index, a new pack). */
  static index(value: unknown): PackIndex | undefined {
    if (typeof value !== "object" || value === null) return undefined;
    const { name, items } = value as Record<string, unknown>;
    if (typeof name !== "string" || !name.startsWith(PREFIX) || !name.endsWith(SUFFIX) || name.includes("/") || name.includes(path.sep) || !Array.isArray(items)) return undefined;
    const valid = items.every(
      (item) =>
        Array.isArray(item) && item.length === 5 && typeof item[0] === "string" && typeof item[1] === "string" && Number.isSafeInteger(item[2]) && item[2] >= 0 && Number.isSafeInteger(item[3]) && item[3] >= 0 && typeof item[4] === "string",
    );
    return valid ? { name, items: items as PackedItem[] } : undefined;
  }

  /** The item of each article (by file), as the last build left it and as this one updates it. */
  private readonly items: Map<string, PackedItem>;
  /** The articles of this build: the others' items are dropped when settled. */
  private owners: ReadonlySet<string> | undefined;
  private name: string;
  private readFd: number | undefined;
  private appendFd: number | undefined;
  /** The pack's length once opened for appending. */
  private end = 0;
  private damaged = false;

  constructor(
    private readonly dir: string,
    index: PackIndex | undefined,
    private readonly log: (line: string) => void,
  ) {
    this.items = new Map((index?.items ?? []).map((item) => [item[0], item]));
    // No index: a new pack (whatever an old one held is unknown, hence dead).
    this.name = index && this.items.size > 0 ? index.name : freshName();
  }

  /** The item kept for this article under `key`, if its bytes are still what was written. */
  get(owner: string, key: string): Buffer | undefined {
    const known = this.items.get(owner);
    if (!known || known[1] !== key) return undefined;
    const [, , offset, length, sha1] = known;
    const bytes = Buffer.allocUnsafe(length);
    try {
      this.readFd ??= openSync(this.file, "r");
      if (readSync(this.readFd, bytes, 0, length, offset) !== length || digest(bytes) !== sha1) return this.refuse(owner);
    } catch {
      return this.refuse(owner);
    }
    return bytes;
  }

  /** Keeps an article's item rendered by this build, for the next one (in place of its earlier one). */
  put(owner: string, key: string, bytes: Uint8Array): void {
    if (this.items.get(owner)?.[1] === key) return;
    if (this.appendFd === undefined) {
      mkdirSync(this.dir, { recursive: true });
      this.appendFd = openSync(this.file, this.items.size > 0 ? "a" : "w");
      this.end = statSync(this.file).size;
    }
    for (let at = 0; at < bytes.byteLength; ) at += writeSync(this.appendFd, bytes, at);
    this.items.set(owner, [owner, key, this.end, bytes.byteLength, digest(bytes)]);
    this.end += bytes.byteLength;
  }

  /** The articles (files) of this build: the items of any other are dropped from the index. */
  retain(owners: ReadonlySet<string>): void {
    this.owners = owners;
  }

  /** The index of this build's items, for the build cache to save; the pack is written again first when it is mostly dead. */
  settle(): PackIndex {
    this.close();
    const size = existing(this.file);
    const owners = this.owners;
    if (owners) for (const owner of this.items.keys()) if (!owners.has(owner)) this.items.delete(owner);
    const live = [...this.items.values()].reduce((n, item) => n + item[3], 0);
    if (size - live > DEAD_MIN_BYTES && size - live > size * DEAD_SHARE) this.compact();
    return { name: this.name, items: [...this.items.values()] };
  }

  /** Once the cache file names this pack: packs of other names (older ones, or left by a build that stopped) are removed. */
  tidy(): void {
    for (const entry of readdirSync(this.dir)) {
      if (entry.startsWith(PREFIX) && (entry.endsWith(SUFFIX) || entry.endsWith(`${SUFFIX}.tmp`)) && entry !== this.name) rmSync(path.join(this.dir, entry), { force: true });
    }
  }

  private get file(): string {
    return path.join(this.dir, this.name);
  }

  /** Copies the living items into a new pack, in order; an item that cannot be read is left out (rendered again next time). */
  private compact(): void {
    const from = openSync(this.file, "r");
    const name = freshName();
    const to = openSync(path.join(this.dir, `${name}.tmp`), "w");
    const kept = new Map<string, PackedItem>();
    let end = 0;
    try {
      for (const [owner, key, offset, length, sha1] of this.items.values()) {
        const bytes = Buffer.allocUnsafe(length);
        if (readSync(from, bytes, 0, length, offset) !== length || digest(bytes) !== sha1) continue;
        for (let at = 0; at < length; ) at += writeSync(to, bytes, at);
        kept.set(owner, [owner, key, end, length, sha1]);
        end += length;
      }
    } finally {
      closeSync(from);
      closeSync(to);
    }
    renameSync(path.join(this.dir, `${name}.tmp`), path.join(this.dir, name));
    this.name = name;
    this.items.clear();
    for (const [owner, item] of kept) this.items.set(owner, item);
  }

  private close(): void {
    if (this.readFd !== undefined) closeSync(this.readFd);
    if (this.appendFd !== undefined) closeSync(this.appendFd);
    this.readFd = this.appendFd = undefined;
  }

  /** An item that is not what its index says: forgotten (rendered again, and put anew), said once per build. */
  private refuse(owner: string): undefined {
    this.items.delete(owner);
    if (!this.damaged) this.log(`[editoriale] build cache: ${displayPath(this.file)} does not hold what its index says (damaged or cut short): its feed items are rendered again`);
    this.damaged = true;
    return undefined;
  }
}

function digest(bytes: Uint8Array): string {
  return hash("sha1", bytes, "base64url");
}

function freshName(): string {
  return `${PREFIX}${Date.now().toString(36)}-${process.pid}${SUFFIX}`;
}

function existing(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
