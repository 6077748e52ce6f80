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
  return parsed.isValid ? parsed.toJSDate() : null;
}

/**
 * Formatting with a time zone is costly in luxon and every date is shown on
 * many pages (cards, feeds, sitemap): each formatted date is kept.
 */
function remembered(format: (date: Date, timeZone: string, flag: boolean) => string) {
  const cache = new Map<string, string>();
  return (date: Date, timeZone: string, flag = false): string => {
    const key = `${date.getTime()}|${timeZone}|${flag}`;
    let text = cache.get(key);
    if (text === undefined) cache.set(key, (text = format(date, timeZone, flag)));
    return text;
  };
}

/** "29 marzo 2018", or "29 Marzo 2018" when months are capitalised. */
export const formatLongDate = remembered((date, timeZone, capitalizeMonths) => {
  const text = DateTime.fromJSDate(date, { zone: timeZone }).setLocale("it").toFormat("d LLLL yyyy");
  return capitalizeMonths ? text.replace(/ (\p{Ll})/u, (_, c: string) => " " + c.toUpperCase()) : text;
});

/** ISO 8601 with the site's offset, for `<time datetime>`, JSON-LD and sitemaps. */
export const isoDateTime = remembered(
  (date, timeZone) => DateTime.fromJSDate(date, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ?? date.toISOString(),
);
