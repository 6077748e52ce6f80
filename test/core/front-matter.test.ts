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

const refusal = (value: string) => readFrontMatter(`title: Ciao\ndate: ${value}\n`, "a.md", "Europe/Rome").problems;

test("regression: year 0000 is refused with a sentence (it gave the RSS date “01 Jan 1 … +0049:56”); years 0001 and 9999 are kept", () => {
  const [problem] = refusal("0000-01-01");
  assert.is(problem?.field, "date");
  assert.is(problem?.message, '"0000-01-01" is outside the years 1–9999 that dates may have');
  assert.is(parseContentDate("0001-01-01", "Europe/Rome")?.getUTCFullYear(), 0);
  assert.is(parseContentDate("9999-12-31T23:59", "Europe/Rome")?.toISOString(), "9999-12-31T22:59:00.000Z");
  // An offset that moves the instant out of the range is refused too.
  assert.is(refusal("0001-01-01T00:00+05:00")[0]?.message, '"0001-01-01T00:00+05:00" is outside the years 1–9999 that dates may have');
  assert.is(refusal("9999-12-31T23:00-05:00")[0]?.message, '"9999-12-31T23:00-05:00" is outside the years 1–9999 that dates may have');
});

test("regression: hour 24 is refused, not moved to the next day; 23:59 and 00:00 are kept", () => {
  const [problem] = refusal("2024-02-29T24:00");
  assert.is(problem?.message, '"2024-02-29T24:00" has hour 24, which is the next day\'s midnight');
  assert.is(problem?.fix, "write 00:00 of the next day (e.g. date: 2024-03-01T00:00)");
  assert.is(parseContentDate("2024-02-29T23:59", "Europe/Rome")?.toISOString(), "2024-02-29T22:59:00.000Z");
  assert.is(parseContentDate("2024-03-01T00:00", "Europe/Rome")?.toISOString(), "2024-02-29T23:00:00.000Z");
});

test("regression: a local time in the summer-time gap is refused naming the gap; its edges are kept", () => {
  const [problem] = refusal("2024-03-31T02:30");
  assert.is(problem?.message, '"2024-03-31T02:30" does not exist in Europe/Rome: on 2024-03-31 the clocks jump from 02:00 to 03:00');
  assert.is(problem?.fix, "write a time outside the gap (e.g. 2024-03-31T03:00), or give the offset (e.g. 2024-03-31T02:30+01:00)");
  assert.is(refusal("2024-03-31T02:00").length, 1);
  assert.is(refusal("2024-03-31T02:59").length, 1);
  assert.is(parseContentDate("2024-03-31T01:59", "Europe/Rome")?.toISOString(), "2024-03-31T00:59:00.000Z");
  assert.is(parseContentDate("2024-03-31T03:00", "Europe/Rome")?.toISOString(), "2024-03-31T01:00:00.000Z");
  // With its own offset a time is an instant, in no gap; the autumn's repeated hour is kept (luxon takes its second pass, winter time).
  assert.is(parseContentDate("2024-03-31T02:30+01:00", "Europe/Rome")?.toISOString(), "2024-03-31T01:30:00.000Z");
  assert.is(parseContentDate("2024-10-27T02:30", "Europe/Rome")?.toISOString(), "2024-10-27T01:30:00.000Z");
});

test.run();
