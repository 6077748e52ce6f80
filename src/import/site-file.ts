import { decodeEntities } from "./entities.ts";
import type { WxrChannel } from "./wxr-types.ts";

/**
 * A new site's `site.json`, from what the export's channel says of the old
 * one: written only into a data folder that has none, so a new site can be
 * started from an export without the sample site's data.
 */
export function starterSite(channel: WxrChannel, timeZone: string): string {
  return `${JSON.stringify(starterSiteData(channel, timeZone), null, 2)}\n`;
}

/** What `starterSite` writes, as data: the site the import's options are resolved for when there is no site.json yet. */
export function starterSiteData(channel: WxrChannel, timeZone: string): { title: string; url: string; description: string; language: string; timeZone: string } {
  return {
    title: decodeEntities(channel.title).trim() || "Sito",
    url: (channel.link || channel.baseBlogUrl || "https://example.org").replace(/\/+$/, ""),
    description: decodeEntities(channel.description).trim(),
    language: channel.language.trim() || "it-IT",
    timeZone,
  };
}
