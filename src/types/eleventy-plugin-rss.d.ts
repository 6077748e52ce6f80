declare module "@11ty/eleventy-plugin-rss" {
  /** RFC 822 date as RSS 2.0 wants it, in the given IANA time zone. */
  export function dateToRfc822(value: Date | string | number, timeZone?: string): string;
  /** Rewrites every URL in an HTML fragment to be absolute against `base`. */
  export function convertHtmlToAbsoluteUrls(html: string, base: string): Promise<string>;
  /** Resolves one URL against a base; returns the input when it cannot. */
  export function absoluteUrl(url: string, base: string): string;
  const rssPlugin: unknown;
  export default rssPlugin;
}
