import { DateTime } from "luxon";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses a front-matter date: `YYYY-MM-DD` (midnight in the site's zone) or an
 * ISO date-time (the site's zone unless it carries an offset). Impossible dates
 * such as 2023-02-30 give null, never a silently shifted day.
 */
export function parseContentDate(value: string, timeZone: string): Date | null {
  const text = value.trim();
  if (!DATE_ONLY.test(text) && !DATE_TIME.test(text)) return null;
  const parsed = DateTime.fromISO(text.replace(" ", "T"), { zone: timeZone });
  if (!parsed.isValid) return null;
  zoneTable(timeZone).set(parsed.toMillis(), parsed);
  return parsed.toJSDate();
}

/**
 * Dates as luxon DateTimes in a zone, by time. Working out a zone's offset is
 * most of luxon's cost; a date parsed from front matter has it already, and
 * its formats (long date, ISO) share it.
 */
const dateTimes = new Map<string, Map<number, DateTime>>();

function zoneTable(timeZone: string): Map<number, DateTime> {
  let table = dateTimes.get(timeZone);
  if (table === undefined) dateTimes.set(timeZone, (table = new Map()));
  return table;
}

function dateTimeIn(date: Date, timeZone: string): DateTime {
  const table = zoneTable(timeZone);
  let dateTime = table.get(date.getTime());
  if (dateTime === undefined) table.set(date.getTime(), (dateTime = DateTime.fromJSDate(date, { zone: timeZone })));
  return dateTime;
}

/**
 * Formatting with a time zone is costly in luxon and every date is shown on
 * many pages (cards, feeds, sitemap): each formatted date is kept, by time,
 * and by Date object too (an article's date is one object shown on every page
 * that lists it, and an object is found faster than a number). Dates are
 * never changed in place once read.
 */
export function remembered(format: (date: Date, timeZone: string, flag: boolean) => string) {
  type Table = { byTime: Map<number, string>; byDate: WeakMap<Date, string> };
  const tables = [new Map<string, Table>(), new Map<string, Table>()] as const;
  return (date: Date, timeZone: string, flag = false): string => {
    const byZone = tables[flag ? 1 : 0];
    let table = byZone.get(timeZone);
    if (table === undefined) byZone.set(timeZone, (table = { byTime: new Map(), byDate: new WeakMap() }));
    let text = table.byDate.get(date);
    if (text === undefined) {
      const time = date.getTime();
      text = table.byTime.get(time);
      if (text === undefined) table.byTime.set(time, (text = format(date, timeZone, flag)));
      table.byDate.set(date, text);
    }
    return text;
  };
}

/** "29 marzo 2018", or "29 Marzo 2018" when months are capitalised. */
export const formatLongDate = remembered((date, timeZone, capitalizeMonths) => {
  const text = dateTimeIn(date, timeZone).setLocale("it").toFormat("d LLLL yyyy");
  return capitalizeMonths ? text.replace(/ (\p{Ll})/u, (_, c: string) => " " + c.toUpperCase()) : text;
});

/** ISO 8601 with the site's offset, for `<time datetime>`, JSON-LD and sitemaps. */
export const isoDateTime = remembered(
  (date, timeZone) => dateTimeIn(date, timeZone).toISO({ suppressMilliseconds: true }) ?? date.toISOString(),
);
