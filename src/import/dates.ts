import { DateTime } from "luxon";

const ZERO = /^0000-00-00/;

/**
 * A post's date as an ISO date-time with the offset of the site's time zone
 * (`2018-03-25T03:30:00+02:00`). The GMT column is the truth; WordPress
 * leaves it at `0000-00-00 00:00:00` for drafts and for some imported posts,
 * and then the local column is read in the site's time zone.
 * Returns undefined when neither column holds a date.
 */
export function wordpressDate(gmt: string, local: string, timeZone: string): string | undefined {
  if (gmt && !ZERO.test(gmt)) {
    const utc = DateTime.fromSQL(gmt, { zone: "utc" });
    if (utc.isValid) return iso(utc.setZone(timeZone));
  }
  if (local && !ZERO.test(local)) {
    const there = DateTime.fromSQL(local, { zone: timeZone });
    if (there.isValid) return iso(there);
  }
  return undefined;
}

function iso(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
}

/** The calendar year of an ISO date-time as written (its own offset). */
export function yearOf(isoDate: string): string {
  return isoDate.slice(0, 4);
}

/** Whether ISO date-time `a` is strictly later than `b`. */
export function isLater(a: string, b: string): boolean {
  return DateTime.fromISO(a).toMillis() > DateTime.fromISO(b).toMillis();
}
