import { test } from "uvu";
import * as assert from "uvu/assert";
import { paginate, pageUrl } from "../../src/core/paginate.ts";

const list = (n: number) => Array.from({ length: n }, (_, i) => i);

for (const [n, pages, lastSize] of [[0, 1, 0], [1, 1, 1], [10, 1, 10], [11, 2, 1], [21, 3, 1]] as const) {
  test(`${n} items at 10 a page → ${pages} page(s), the last with ${lastSize}`, () => {
    const result = paginate(list(n), 10);
    assert.is(result.length, pages);
    assert.is(result[result.length - 1]?.items.length, lastSize);
    assert.ok(result.every((p) => p.totalPages === pages && p.total === n));
    assert.equal(result.flatMap((p) => p.items), list(n));
    assert.equal(result.map((p) => p.pageNumber), list(pages).map((i) => i + 1));
  });
}

test("a bad page size fails with a sentence", () => {
  assert.throws(() => paginate([1], 0), /page size must be a whole number of at least 1, not 0/);
  assert.throws(() => paginate([1], 2.5), /not 2.5/);
});

test("page URLs follow WordPress: page 1 is the archive root", () => {
  assert.is(pageUrl("/tag/comuni/", 1), "/tag/comuni/");
  assert.is(pageUrl("/tag/comuni/", 2), "/tag/comuni/page/2/");
  assert.is(pageUrl("/", 3), "/page/3/");
});

test("pagination cost is linear: each item is copied once", () => {
  let reads = 0;
  const items = new Proxy(list(10_000), {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  paginate(items, 10);
  assert.ok(reads <= 10_000, `read ${reads} items for 10,000`);
});

test.run();
