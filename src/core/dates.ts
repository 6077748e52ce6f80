import { DateTime, FixedOffsetZone } from "luxon";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A front-matter date read, or why it is refused and how to write it instead. */
export type DateReading = { date: Date } | { refused: string; fix?: string };

/**
 * Parses a front-matter date: `YYYY-MM-DD` (midnight in the site's zone) or an
 * ISO date-time (the site's zone unless it carries an offset). Impossible dates
 * such as 2023-02-30 give null, never a silently shifted day.
 */
export function parseContentDate(value: string, timeZone: string): Date | null {
  const reading = readContentDate(value, timeZone);
  return "date" in reading ? reading.date : null;
}

/**
 * parseContentDate with the reason for a refusal, for the writer. Besides dates that do not parse,
 * it refuses what luxon would silently move: years outside 1–9999 (year 0 gave the RSS date
 * "Sat, 01 Jan 1 00:00:00 +0049:56"), hour 24 (the next day's midnight) and a local time that the
 * switch to summer time skips (2024-03-31T02:30 in Rome, which luxon makes 03:30).
 */
export function readContentDate(value: string, timeZone: string): DateReading {
  const text = value.trim();
  const shown = JSON.stringify(String(value));
  const notReal: DateReading = { refused: `${shown} is not a real date` };
  if (!DATE_ONLY.test(text) && !DATE_TIME.test(text)) return notReal;
  const year = Number(text.slice(0, 4));
  if (year < 1) return { refused: `${shown} is outside the years 1–9999 that dates may have`, fix: "write the real year, with four digits (e.g. date: 2018-03-29)" };
  const clock = /[T ](\d{2}):(\d{2})/.exec(text);
  const hour = Number(clock?.[1] ?? 0);
  const minute = Number(clock?.[2] ?? 0);
  if (hour === 24) {
    const nextDay = DateTime.fromISO(text.slice(0, 10), { zone: "UTC" }).plus({ days: 1 }).toISODate();
    return {
      refused: `${shown} has hour 24, which is the next day's midnight`,
      fix: `write 00:00 of the next day${nextDay ? ` (e.g. date: ${nextDay}T00:00)` : ""}`,
    };
  }
  const parsed = DateTime.fromISO(text.replace(" ", "T"), { zone: timeZone });
  if (!parsed.isValid) return notReal;
  const ownOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
  // With its own offset, 0001-01-01T00:00+05:00 is an instant of year 0: refused like year 0.
  const utcYear = parsed.toUTC().year;
  if (ownOffset && (utcYear < 1 || utcYear > 9999)) {
    return { refused: `${shown} is outside the years 1–9999 that dates may have`, fix: "write a later (or earlier) date, or leave out the offset" };
  }
  if (clock && !ownOffset && (parsed.hour !== hour || parsed.minute !== minute)) {
    const gap = summerTimeGap(parsed);
    return {
      refused: `${shown} does not exist in ${timeZone}: ${gap ? `on ${text.slice(0, 10)} the clocks jump from ${gap.from} to ${gap.to}` : "the clocks skip that time"}`,
      fix: `write a time outside the gap${gap ? ` (e.g. ${text.slice(0, 10)}T${gap.to}), or give the offset (e.g. ${text.slice(0, 16)}${gap.offsetBefore})` : ""}`,
    };
  }
  zoneTable(timeZone).set(parsed.toMillis(), parsed);
  return { date: parsed.toJSDate() };
}

/** The local times either side of the clock change just before `moved` (luxon's instant after a skipped time): 02:00 → 03:00, and the offset before it. */
function summerTimeGap(moved: DateTime): { from: string; to: string; offsetBefore: string } | undefined {
  let low = moved.minus({ hours: 6 }).toMillis();
  let high = moved.toMillis();
  const offsetBefore = moved.minus({ hours: 6 }).offset;
  if (offsetBefore === moved.offset) return undefined;
  // The change is the first instant with the later offset: found to the minute.
  while (high - low > 60_000) {
    const middle = low + Math.floor((high - low) / 2);
    if (DateTime.fromMillis(middle, { zone: moved.zone }).offset === offsetBefore) low = middle;
    else high = middle;
  }
  const change = DateTime.fromMillis(high, { zone: moved.zone }).startOf("minute");
  const before = change.setZone(FixedOffsetZone.instance(offsetBefore));
  return { from: before.toFormat("HH:mm"), to: change.toFormat("HH:mm"), offsetBefore: before.toFormat("ZZ") };
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

const longDates = new Map<string, ReturnType<typeof remembered>>();

/** "29 marzo 2018" in Italian (or "29 Marzo 2018" when months are capitalised), "29 March 2018" in English: luxon's locale `locale`. */
export function formatLongDate(date: Date, timeZone: string, capitalizeMonths = false, locale = "it"): string {
  let format = longDates.get(locale);
  if (format === undefined) {
    format = remembered((d, zone, capitalize) => {
      const text = dateTimeIn(d, zone).setLocale(locale).toFormat("d LLLL yyyy");
      return capitalize ? text.replace(/ (\p{Ll})/u, (_, c: string) => " " + c.toUpperCase()) : text;
    });
    longDates.set(locale, format);
  }
  return format(date, timeZone, capitalizeMonths);
}

/** ISO 8601 with the site's offset, for `<time datetime>`, JSON-LD and sitemaps. */
export const isoDateTime = remembered(
  (date, timeZone) => dateTimeIn(date, timeZone).toISO({ suppressMilliseconds: true }) ?? date.toISOString(),
);
