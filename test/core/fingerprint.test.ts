import { test } from "uvu";
import * as assert from "uvu/assert";
import { canonicalText, fingerprint } from "../../src/core/fingerprint.ts";

test("the same value in another key order: the same fingerprint", () => {
  assert.is(fingerprint({ a: 1, b: { c: [1, 2], d: "x" } }), fingerprint({ b: { d: "x", c: [1, 2] }, a: 1 }));
});

test("any change of a value changes it: a string, a number, the order of a list, a nested key", () => {
  const base = fingerprint({ site: { title: "Welforum" }, pageSize: 10, tags: ["Comuni", "Povertà"] });
  for (const other of [
    { site: { title: "Welforum " }, pageSize: 10, tags: ["Comuni", "Povertà"] },
    { site: { title: "Welforum" }, pageSize: 11, tags: ["Comuni", "Povertà"] },
    { site: { title: "Welforum" }, pageSize: 10, tags: ["Povertà", "Comuni"] },
    { site: { title: "Welforum", extra: undefined }, pageSize: 10, tags: ["Comuni", "Povertà"] },
  ]) {
    assert.is.not(fingerprint(other), base, JSON.stringify(other));
  }
});

test("a theme part passed as a function counts by its source text", () => {
  const card = (title: string) => `<article>${title}</article>`;
  const same = (title: string) => `<article>${title}</article>`;
  const other = (title: string) => `<article class="x">${title}</article>`;
  assert.is(fingerprint({ theme: { card } }), fingerprint({ theme: { card: same } }));
  assert.is.not(fingerprint({ theme: { card } }), fingerprint({ theme: { card: other } }));
});

test("strings are not confused with numbers, nulls, dates or regular expressions", () => {
  assert.is.not(fingerprint("1"), fingerprint(1));
  assert.is.not(fingerprint("null"), fingerprint(null));
  assert.is.not(fingerprint(undefined), fingerprint(null));
  assert.is(canonicalText(new Date("2018-03-29T00:00:00Z")), "date(2018-03-29T00:00:00.000Z)");
  assert.is(canonicalText(/a+/g), "regexp(/a+/g)");
  assert.is.not(fingerprint(/a+/g), fingerprint("/a+/g"));
});

test("a value that contains itself ends, and a value met twice (not a cycle) counts twice", () => {
  const loop: Record<string, unknown> = { name: "ciclo" };
  loop.self = loop;
  assert.is(canonicalText(loop), '{"name":"ciclo","self":(cycle)}');
  const shared = { x: 1 };
  assert.is(canonicalText({ a: shared, b: shared }), '{"a":{"x":1},"b":{"x":1}}');
});

test("maps and sets in any order", () => {
  assert.is(fingerprint(new Map([["a", 1], ["b", 2]])), fingerprint(new Map([["b", 2], ["a", 1]])));
  assert.is(fingerprint(new Set(["a", "b"])), fingerprint(new Set(["b", "a"])));
  assert.is.not(fingerprint(new Set(["a"])), fingerprint(["a"]));
});

test.run();
