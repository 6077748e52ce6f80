import { test } from "uvu";
import * as assert from "uvu/assert";
import { pagefindBody } from "../../src/core/pagefind-body.ts";

const around = (body: string) => `<main><nav>Home</nav>${body}<aside class="related"><article class="card"><h3>Altro</h3></article></aside></main>`;

test("the data-pagefind-body element, through its own end tag, nested elements of its name included", () => {
  const body = '<article class="article" data-pagefind-body><h1>T</h1><article><p>dentro</p></article><p>dopo</p></article>';
  assert.is(pagefindBody(around(body)), body);
});

test("an end tag inside a comment, a script, a style or an attribute value closes nothing", () => {
  const body = '<article data-pagefind-body><!-- </article> --><script>"</article>"</script><style>/* </article> */</style><a title="</article> > x">link</a><p>fine</p></article>';
  assert.is(pagefindBody(around(body)), body);
  const upper = '<article data-pagefind-body><SCRIPT>"</article>"</SCRIPT><p>fine</p></article>';
  assert.is(pagefindBody(around(upper)), upper);
});

test("the attribute counts as an attribute, not as text in a value; in any case, with or without a value", () => {
  assert.is(pagefindBody('<main><div title="data-pagefind-body">x</div></main>'), undefined);
  assert.is(pagefindBody('<main><DIV Data-Pagefind-Body="">x</DIV></main>'), '<DIV Data-Pagefind-Body="">x</DIV>');
  assert.is(pagefindBody('<main><div data-pagefind-bodyx>x</div></main>'), undefined);
  assert.is(pagefindBody('<main><div title= data-pagefind-body>x</div></main>'), undefined);
  assert.is(pagefindBody("<main><p>data-pagefind-body in testo</p></main>"), undefined);
});

test("no element, two, or one never closed: undefined (the whole main part is handed instead)", () => {
  assert.is(pagefindBody("<main><p>x</p></main>"), undefined);
  assert.is(pagefindBody("<main><div data-pagefind-body>a</div><div data-pagefind-body>b</div></main>"), undefined);
  assert.is(pagefindBody("<main><article data-pagefind-body><p>x</p></main>"), undefined);
  assert.is(pagefindBody("<main><img data-pagefind-body src=x></main>"), undefined);
});

test.run();
