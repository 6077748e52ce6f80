import { remembered } from "./dates.ts";
import { cdata, escapeText, escapeTextAsHtmlInXml } from "./escape.ts";
import type { Enclosure, Feed, FeedItem } from "./feed.ts";

const rfc822Formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The RSS plugin's RFC 822 date (@11ty/eleventy-plugin-rss `dateToRfc822`),
 * with its formatter made once per time zone instead of once per call, and
 * each date remembered: one article is in many feeds. Made robust where the
 * plugin's is not: the year always has four digits (year 1 is "0001"), and the
 * offset is always ±HHMM. A zone's offset before standard time (Rome's local
 * mean time until 1893, +0:49:56) has seconds, which RFC 822 cannot write: such
 * a date is given in UTC (+0000), the same instant (decided over a rounded
 * offset, which would move the instant by seconds).
 */
export const rfc822: (date: Date, timeZone: string) => string = remembered(formatRfc822);

function formatRfc822(date: Date, timeZone: string): string {
  let format = rfc822Formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      weekday: "short", day: "2-digit", month: "short", year: "numeric",
      hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
      timeZone, timeZoneName: "longOffset",
    });
    rfc822Formats.set(timeZone, format);
  }
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of format.formatToParts(date)) part[type] = value;
  const zone = part.timeZoneName ?? "GMT";
  let offset = zone === "GMT" ? "+0000" : /^GMT([+-])(\d\d):(\d\d)$/.exec(zone)?.slice(1).join("");
  if (offset === undefined) {
    // In UTC the first hours of 1 January of year 1 in Rome fall in year 0, which RFC 822 cannot write:
    // those keep the local time with the offset rounded to the minute (+0049:56 → +0050).
    if (date.getUTCFullYear() >= 1) return formatRfc822(date, "UTC");
    const [, sign = "+", hh = "00", mm = "00", ss = "00"] = /^GMT([+-])(\d\d):(\d\d)(?::(\d\d))?$/.exec(zone) ?? [];
    const minutes = Number(hh) * 60 + Number(mm) + (Number(ss) >= 30 ? 1 : 0);
    offset = `${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}${String(minutes % 60).padStart(2, "0")}`;
  }
  return `${part.weekday}, ${part.day} ${part.month} ${(part.year ?? "").padStart(4, "0")} ${part.hour}:${part.minute}:${part.second} ${offset}`;
}

/**
 * Which text is read as what: readers show `<description>` (item and channel) as HTML — the RSS 2.0
 * spec allows "entity-encoded HTML" there and the RSS Advisory Board's profile and the W3C feed
 * validator say readers treat it so — so our plain-text excerpt is escaped for HTML and then for XML.
 * `<title>`, `<category>` and `<dc:creator>` are plain text in practice (the profile and the validator's
 * CharacterData note: no markup in them), so they are escaped once, for XML: a title "A & B" stays "A & B".
 */
const descriptionText = escapeTextAsHtmlInXml;

/**
 * One `<item>`. It depends only on the article (and the site's settings), so a
 * build that puts one article in many feeds can render it once.
 */
export function renderRssItem(item: FeedItem, timeZone: string, contentHtml: string, enclosure?: Enclosure): string {
  const e = escapeText;
  return `    <item>
      <title>${e(item.title)}</title>
      <link>${e(item.link)}</link>
      <guid isPermaLink="true">${e(item.guid)}</guid>
      <pubDate>${rfc822(item.date, timeZone)}</pubDate>
${item.creators.map((c) => `      <dc:creator>${e(c)}</dc:creator>\n`).join("")}${item.categories.map((c) => `      <category>${e(c)}</category>\n`).join("")}${enclosure ? `      <enclosure url="${e(enclosure.url)}" length="${enclosure.length}" type="${e(enclosure.type)}"/>\n` : ""}      <description>${descriptionText(item.description)}</description>
      <content:encoded>${cdata(contentHtml)}</content:encoded>
    </item>
`;
}

/** The text before the first item and after the last: a writer can put the items between without joining them. */
export function rssChannelEnds(feed: Feed, timeZone: string): [string, string] {
  const e = escapeText;
  const head = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${e(feed.title)}</title>
    <link>${e(feed.link)}</link>
    <description>${descriptionText(feed.description)}</description>
    <language>${e(feed.language)}</language>
    <lastBuildDate>${rfc822(feed.lastBuildDate, timeZone)}</lastBuildDate>
    <atom:link href="${e(feed.selfUrl)}" rel="self" type="application/rss+xml"/>
`;
  return [head, `  </channel>
</rss>
`];
}
