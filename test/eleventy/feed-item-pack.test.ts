import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FeedItemPack, type PackIndex } from "../../src/eleventy/feed-item-pack.ts";

// The feeds' rendered items between builds (src/eleventy/feed-item-pack.ts): each build a new pack object,
// given the index the previous one settled, as the build cache's file carries it from process to process.

const work = mkdtempSync(path.join(tmpdir(), "editoriale-feed-item-pack-"));
const item = (n: number, size = 40) => Buffer.from(`<item><title>Articolo ${n}</title>${"é".repeat(size)}</item>`);
const packs = (dir: string) => readdirSync(dir).filter((name) => name.startsWith("feed-items-")).sort();

function fresh(name: string): { dir: string; notices: string[]; open: (index: PackIndex | undefined) => FeedItemPack } {
  const dir = path.join(work, name);
  const notices: string[] = [];
  return { dir, notices, open: (index) => new FeedItemPack(dir, index, (line) => notices.push(line)) };
}

test("items put by one build are there for the next, byte for byte; another key of the same article is not", () => {
  const { dir, notices, open } = fresh("round-trip");
  const one = open(undefined);
  one.put("a.md", "ka", item(1));
  one.put("b.md", "kb", item(2));
  one.put("a.md", "ka", item(99));
  const index = one.settle();
  one.tidy();
  assert.equal(packs(dir), [index.name]);
  assert.equal(index.items.map(([owner, key]) => `${owner} ${key}`), ["a.md ka", "b.md kb"]);
  const two = open(index);
  assert.equal(two.get("a.md", "ka"), item(1), "the same key again is not written twice");
  assert.equal(two.get("b.md", "kb"), item(2));
  assert.is(two.get("a.md", "kb"), undefined);
  assert.is(two.get("c.md", "ka"), undefined);
  assert.equal(notices, []);
});

test("an article's new item replaces its old one; items not used by a build stay for the next; a deleted article's go", () => {
  const { open } = fresh("owners");
  const one = open(undefined);
  for (let n = 0; n < 5; n++) one.put(`${n}.md`, `k${n}`, item(n));
  const two = open(one.settle());
  two.put("1.md", "k1-edited", item(71));
  two.retain(new Set(["0.md", "1.md", "2.md", "3.md"]));
  const index = two.settle();
  assert.equal(index.items.map(([owner, key]) => `${owner} ${key}`).sort(), ["0.md k0", "1.md k1-edited", "2.md k2", "3.md k3"]);
  const three = open(index);
  assert.equal(three.get("1.md", "k1-edited"), item(71));
  assert.is(three.get("1.md", "k1"), undefined);
  assert.equal(three.get("3.md", "k3"), item(3), "not used by the second build, still kept");
  assert.is(three.get("4.md", "k4"), undefined, "its article is gone");
  // A build that renders no feed at all keeps every item.
  const four = open(three.settle());
  assert.equal(four.get("2.md", "k2"), item(2));
});

test("a changed byte or a pack cut short: one notice, the item is rendered again (undefined) and put anew, the others still read", () => {
  const { dir, notices, open } = fresh("damaged");
  const one = open(undefined);
  one.put("a.md", "ka", item(1));
  one.put("b.md", "kb", item(2));
  const index = one.settle();
  const file = path.join(dir, index.name);
  const bytes = readFileSync(file);
  bytes[5] = (bytes[5] ?? 0) ^ 0xff;
  writeFileSync(file, bytes);
  const two = open(index);
  assert.is(two.get("a.md", "ka"), undefined);
  assert.equal(two.get("b.md", "kb"), item(2));
  two.put("a.md", "ka", item(1));
  const again = two.settle();
  assert.equal(open(again).get("a.md", "ka"), item(1), "put anew after the damaged copy");
  writeFileSync(file, readFileSync(file).subarray(0, 10));
  assert.is(open(again).get("b.md", "kb"), undefined);
  assert.is(notices.length, 2, notices.join("\n"));
  assert.match(notices[0] ?? "", /build cache: .*feed-items-.*\.pack does not hold what its index says \(damaged or cut short\): its feed items are rendered again/);
  rmSync(file);
  assert.is(open(again).get("a.md", "ka"), undefined, "a pack gone: rendered again");
});

test("an index that is not one (wrong shape, a name that leaves the folder): a new pack", () => {
  assert.is(FeedItemPack.index({ name: "../feed-items-x.pack", items: [] }), undefined);
  assert.is(FeedItemPack.index({ name: "feed-items-x.pack", items: [["a.md", "a", -1, 3, "h"]] }), undefined);
  assert.is(FeedItemPack.index({ name: "feed-items-x.pack", items: [["a.md", "a", 0, 1.5, "h"]] }), undefined);
  assert.is(FeedItemPack.index({ name: "feed-items-x.pack", items: [["a", 0, 3, "h"]] }), undefined);
  assert.is(FeedItemPack.index("feed-items-x.pack"), undefined);
  assert.equal(FeedItemPack.index({ name: "feed-items-x.pack", items: [["a.md", "a", 0, 3, "h"]] }), { name: "feed-items-x.pack", items: [["a.md", "a", 0, 3, "h"]] });
});

test("mostly dead: written again under a new name with the living items only, the old pack removed once the cache names the new", () => {
  const { dir, open } = fresh("compact");
  const one = open(undefined);
  // About 8 MiB of items, of which two articles stay.
  for (let n = 0; n < 200; n++) one.put(`${n}.md`, `k${n}`, item(n, 20_000));
  const first = one.settle();
  one.tidy();
  const before = statSync(path.join(dir, first.name)).size;
  assert.ok(before > 7_000_000, `${before} bytes`);
  const two = open(first);
  two.retain(new Set(["3.md", "150.md"]));
  const second = two.settle();
  assert.is.not(second.name, first.name);
  assert.equal(packs(dir), [first.name, second.name].sort(), "the old pack stays until the cache file names the new one");
  two.tidy();
  assert.equal(packs(dir), [second.name]);
  assert.is(statSync(path.join(dir, second.name)).size, item(3, 20_000).length + item(150, 20_000).length);
  const three = open(second);
  assert.equal(three.get("150.md", "k150"), item(150, 20_000));
  assert.equal(three.get("3.md", "k3"), item(3, 20_000));
});

test("a little dead weight is left as it is (no rewrite for every build)", () => {
  const { open } = fresh("little");
  const one = open(undefined);
  for (let n = 0; n < 10; n++) one.put(`${n}.md`, `k${n}`, item(n));
  const first = one.settle();
  const two = open(first);
  two.put("1.md", "k1-edited", item(11));
  assert.is(two.settle().name, first.name);
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
