import { test } from "uvu";
import * as assert from "uvu/assert";
import { open, seal } from "../../src/core/cache-envelope.ts";

const payload = Buffer.from("articoli sul reddito di cittadinanza e sui servizi sociali dei comuni", "utf8");
const KEY = "k1";

test("what is sealed opens with the same key, byte for byte", () => {
  const opened = open(seal(KEY, payload), KEY);
  assert.ok("payload" in opened);
  assert.ok(Buffer.from(opened.payload).equals(payload));
});

test("an empty payload is a payload", () => {
  const opened = open(seal(KEY, new Uint8Array(0)), KEY);
  assert.ok("payload" in opened && opened.payload.byteLength === 0);
});

test("another key: refused as made by another version or options", () => {
  assert.equal(open(seal("k2", payload), KEY), { refused: "it was made by another version of Editoriale or Node, or with other options or theme" });
});

test("every length cut short, and one byte more: refused", () => {
  const sealed = seal(KEY, payload);
  const header = sealed.indexOf(0x0a) + 1;
  for (let length = 0; length < sealed.length; length++) {
    const opened = open(sealed.subarray(0, length), KEY);
    assert.ok("refused" in opened, `cut at ${length} of ${sealed.length}`);
    if (length > header) assert.is(opened.refused, `it is cut short or too long (${length - header} bytes of ${payload.length}): half written or damaged`);
  }
  assert.ok("refused" in open(Buffer.concat([sealed, Buffer.from("x")]), KEY));
});

test("any byte of the payload changed: refused by the checksum", () => {
  const sealed = seal(KEY, payload);
  const header = sealed.indexOf(0x0a) + 1;
  for (let at = header; at < sealed.length; at++) {
    const damaged = Buffer.from(sealed);
    damaged[at] = (damaged[at] ?? 0) ^ 0x01;
    assert.equal(open(damaged, KEY), { refused: "its content does not match its checksum: damaged" }, `byte ${at}`);
  }
});

test("a file that is not a cache: refused as not of this format", () => {
  for (const text of ["", "ciao\n", "editoriale-cache/2 k1 3 abc\nabc", `${"x".repeat(2000)}\n`, "editoriale-cache/1 k1 3\nabc"]) {
    assert.equal(open(Buffer.from(text), KEY), { refused: "it is not a cache file of this format" }, JSON.stringify(text.slice(0, 40)));
  }
});

test.run();
