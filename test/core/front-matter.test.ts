import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFrontMatter } from "../../src/core/front-matter.ts";
import { parseContentDate } from "../../src/core/dates.ts";

test("a date without time is midnight in Rome", () => {
  assert.is(parseContentDate("2018-03-29", "Europe/Rome")?.toISOString(), "2018-03-28T22:00:00.000Z");
  assert.is(parseContentDate("2018-01-29", "Europe/Rome")?.toISOString(), "2018-01-28T23:00:00.000Z");
  assert.is(parseContentDate("2018-03-29T09:30:00Z", "Europe/Rome")?.toISOString(), "2018-03-29T09:30:00.000Z");
});

test("impossible and unparseable dates are refused", () => {
  assert.is(parseContentDate("2023-02-30", "Europe/Rome"), null);
  assert.is(parseContentDate("29/03/2018", "Europe/Rome"), null);
  assert.is(parseContentDate("ieri", "Europe/Rome"), null);
});

test("front matter dates become Dates; bad ones become problems naming the field", () => {
  const ok = readFrontMatter("title: Ciao\ndate: 2020-05-01\n", "a.md", "Europe/Rome");
  assert.ok(ok.data.date instanceof Date);
  assert.is(ok.problems.length, 0);
  const bad = readFrontMatter("title: Ciao\ndate: 2023-02-30\n", "a.md", "Europe/Rome");
  assert.is(bad.problems[0]?.field, "date");
  assert.match(bad.problems[0]?.message ?? "", /"2023-02-30" is not a real date/);
});

test("broken YAML is a problem, not an exception", () => {
  const result = readFrontMatter('title: "Lecco: una\ndate: [', "b.md", "Europe/Rome");
  assert.is(result.problems[0]?.code, "FRONT_MATTER_SYNTAX");
  assert.is(result.problems[0]?.file, "b.md");
});

test("an empty front matter gives empty data", () => {
  assert.equal(readFrontMatter("", "c.md", "Europe/Rome"), { data: {}, problems: [] });
});

test.run();
