import { test } from "uvu";
import * as assert from "uvu/assert";
import { decodeContent } from "../../src/core/decode-text.ts";

const bytes = (text: string, encoding: BufferEncoding) => new Uint8Array(Buffer.from(text, encoding));

test("UTF-8 is read as it is, with or without a BOM", () => {
  assert.equal(decodeContent(bytes("Povertà e welfare", "utf8"), "a.md"), { text: "Povertà e welfare" });
  assert.equal(decodeContent(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), "a.md"), { text: "A" });
});

test("regression: a Latin-1 file is refused naming its likely encoding (it published /perch-la-povert/)", () => {
  const result = decodeContent(bytes("---\ntitle: Perché la povertà\n", "latin1"), "./content/perche.md");
  assert.ok("problem" in result);
  if (!("problem" in result)) return;
  assert.is(result.problem.code, "FILE_ENCODING");
  assert.is(result.problem.file, "./content/perche.md");
  assert.is(result.problem.message, "the file is not UTF-8 text; it looks like Windows-1252/Latin-1 (accented letters stored as single bytes 0x80–0xFF) (the first such byte, 0xE9, is on line 2)");
  assert.match(result.problem.fix, /save it as UTF-8/);
});

test("UTF-16 is recognised by its BOM (either order) or by its NUL bytes", () => {
  const le = bytes("title: Welfare", "utf16le");
  for (const file of [new Uint8Array([0xff, 0xfe, ...le]), new Uint8Array([0xfe, 0xff, ...Buffer.from(le).swap16()]), le]) {
    const result = decodeContent(file, "u.md");
    assert.ok("problem" in result && result.problem.message === "the file is not UTF-8 text; it looks like UTF-16");
  }
});

test("a truncated UTF-8 sequence at the end is refused too", () => {
  assert.ok("problem" in decodeContent(new Uint8Array([0x61, 0xc3]), "t.md"));
});

test.run();
