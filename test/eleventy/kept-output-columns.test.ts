import { test } from "uvu";
import * as assert from "uvu/assert";
import { deserialize, serialize } from "node:v8";
import { fromColumns, toColumns } from "../../src/eleventy/kept-output-columns.ts";
import type { KeptOutput } from "../../src/eleventy/output-writer.ts";

const OUTPUTS = new Map<string, KeptOutput>([
  ["nidi-gratis/index.html", { signature: "c2lnbmF0dXJh", hash: "aGFzaA==", size: 22112, mtimeMs: 1796416895622.687, searchDigest: "3Md2nhSJFokTWd2s" }],
  ["tag/comuni/feed.xml", { signature: "YWx0cmE=", hash: "Ynl0ZXM=", size: 0, mtimeMs: 0 }],
  ["tag/città/index.html", { signature: "dGVyemE=", hash: "dGVyem8=", size: 1, mtimeMs: 1.5 }],
]);

test("outputs come back from their columns as they were, through Node's serializer", () => {
  const back = fromColumns(deserialize(serialize(toColumns(OUTPUTS))));
  assert.equal(back && [...back], [...OUTPUTS]);
  // An output outside the search index has no digest, not an empty one.
  assert.not.ok(back && "searchDigest" in (back.get("tag/comuni/feed.xml") as KeptOutput));
});

test("no outputs: empty columns, and back", () => {
  const back = fromColumns(toColumns(new Map()));
  assert.is(back?.size, 0);
});

test("columns of different lengths, or of other types, are refused (a damaged or foreign cache)", () => {
  const good = toColumns(OUTPUTS);
  assert.is(fromColumns({ ...good, hashes: "uno\u0000due" }), undefined);
  assert.is(fromColumns({ ...good, sizes: new Float64Array(2) }), undefined);
  assert.is(fromColumns({ ...good, mtimes: [0, 0, 0] }), undefined);
  assert.is(fromColumns({ ...good, paths: 3 }), undefined);
  assert.is(fromColumns({ ...toColumns(new Map()), paths: "a" }), undefined);
  assert.is(fromColumns([["a", {}]]), undefined);
  assert.is(fromColumns(null), undefined);
});

test.run();
