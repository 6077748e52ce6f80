import { test } from "uvu";
import * as assert from "uvu/assert";
import { rfc822 } from "../../src/core/rss.ts";

test("RFC 822 dates in the site's zone, ±HHMM offsets, summer and winter", () => {
  assert.is(rfc822(new Date(Date.UTC(2020, 0, 1, 12)), "Europe/Rome"), "Wed, 01 Jan 2020 13:00:00 +0100");
  assert.is(rfc822(new Date(Date.UTC(2020, 6, 1, 12)), "Europe/Rome"), "Wed, 01 Jul 2020 14:00:00 +0200");
  assert.is(rfc822(new Date(Date.UTC(2020, 6, 1, 12)), "Asia/Kolkata"), "Wed, 01 Jul 2020 17:30:00 +0530");
  assert.is(rfc822(new Date(Date.UTC(2020, 6, 1, 12)), "UTC"), "Wed, 01 Jul 2020 12:00:00 +0000");
});

test("regression: a date before standard time prints in UTC, never Rome's local mean time +0049:56", () => {
  const old = new Date(Date.UTC(1880, 0, 1, 0, 0, 0));
  assert.is(rfc822(old, "Europe/Rome"), "Thu, 01 Jan 1880 00:00:00 +0000");
  // Rome took CET on 1 November 1893: from then on its own offset.
  assert.is(rfc822(new Date(Date.UTC(1893, 10, 1, 0, 0, 0)), "Europe/Rome"), "Wed, 01 Nov 1893 01:00:00 +0100");
  for (const year of [1, 999, 1880, 1899]) {
    const date = new Date(Date.UTC(2000, 5, 1));
    date.setUTCFullYear(year);
    assert.match(rfc822(date, "Europe/Rome"), /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/);
  }
});

test("regression: the year has four digits (year 1 gave “01 Jan 1”)", () => {
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(1);
  assert.is(rfc822(date, "Europe/Rome"), "Mon, 01 Jan 0001 00:00:00 +0000");
  // 0001-01-01 at midnight in Rome is year 0 in UTC: local time, the offset rounded to the minute.
  assert.is(rfc822(new Date(date.getTime() - (49 * 60 + 56) * 1000), "Europe/Rome"), "Mon, 01 Jan 0001 00:00:00 +0050");
});

test.run();
