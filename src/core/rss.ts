import { dateToRfc822 } from "@11ty/eleventy-plugin-rss";
import { cdata, escapeText } from "./escape.ts";
import type { Feed, FeedItem } from "./feed.ts";

const rfc822Cache = new Map<string, string>();

/** The RSS plugin's RFC 822 date, remembered: one article is in many feeds, and each call builds an Intl formatter. */
function rfc822(date: Date, timeZone: string): string {
  const key = `${date.getTime()}|${timeZone}`;
  let text = rfc822Cache.get(key);
  if (text === undefined) rfc822Cache.set(key, (text = dateToRfc822(date, timeZone)));
  return text;
}

/** RSS 2.0 with atom:link, dc:creator and content:encoded. `contentHtml` gives an item's full HTML with absolute URLs. */
export function renderRss(feed: Feed, timeZone: string, contentHtml: (item: FeedItem) => string): string {
  const e = escapeText;
  const items = feed.items
    .map(
      (item) => `    <item>
      <title>${e(item.title)}</title>
      <link>${e(item.link)}</link>
      <guid isPermaLink="true">${e(item.guid)}</guid>
      <pubDate>${rfc822(item.date, timeZone)}</pubDate>
${item.creators.map((c) => `      <dc:creator>${e(c)}</dc:creator>\n`).join("")}${item.categories.map((c) => `      <category>${e(c)}</category>\n`).join("")}      <description>${e(item.description)}</description>
      <content:encoded>${cdata(contentHtml(item))}</content:encoded>
    </item>
`,
    )
    .join("");
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${e(feed.title)}</title>
    <link>${e(feed.link)}</link>
    <description>${e(feed.description)}</description>
    <language>${e(feed.language)}</language>
    <lastBuildDate>${rfc822(feed.lastBuildDate, timeZone)}</lastBuildDate>
    <atom:link href="${e(feed.selfUrl)}" rel="self" type="application/rss+xml"/>
${items}  </channel>
</rss>
`;
}
