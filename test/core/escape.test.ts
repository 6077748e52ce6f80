import { test } from "uvu";
import * as assert from "uvu/assert";
import { cdata, escapeText, escapeTextAsHtmlInXml, stripForbiddenCharacters } from "../../src/core/escape.ts";

const C1 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)).join("");
const FDD = Array.from({ length: 32 }, (_, i) => String.fromCharCode(0xfdd0 + i)).join("");
const PLANES = Array.from({ length: 17 }, (_, plane) => String.fromCodePoint(plane * 0x10000 + 0xfffe, plane * 0x10000 + 0xffff)).join("");

test("C1 controls are stripped from text (U+0080–U+009F, both ends)", () => {
  assert.is(escapeText(`Welfare${C1} locale`), "Welfare locale");
  assert.is(cdata(`a\u0080b\u009Fc`), "<![CDATA[abc]]>");
  // Just outside the range: U+007E is kept, U+00A0 (no-break space) is kept.
  assert.is(escapeText("~\u00A0à"), "~\u00A0à");
});

test("noncharacters are stripped in every plane: U+FDD0–U+FDEF and each U+xFFFE/U+xFFFF", () => {
  assert.is(stripForbiddenCharacters(`x${FDD}y`), "xy");
  assert.is(escapeText(`x${PLANES}y`), "xy");
  assert.is(cdata(`x${PLANES}${FDD}y`), "<![CDATA[xy]]>");
  // Neighbours stay: U+FDCF, U+FDF0, U+1FFFD and an emoji.
  const kept = "\uFDCF\uFDF0" + String.fromCodePoint(0x1fffd) + "🎉";
  assert.is(escapeText(kept), kept);
});

test("lone surrogates go, pairs stay", () => {
  assert.is(escapeText("a\uD83Db\uDE00c😀"), "abc😀");
});

test("text read as HTML inside XML is escaped twice", () => {
  assert.is(escapeTextAsHtmlInXml("<<Il welfare è di tutti>> & altro"), "&amp;lt;&amp;lt;Il welfare è di tutti&amp;gt;&amp;gt; &amp;amp; altro");
});

test.run();
