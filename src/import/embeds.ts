import { html } from "../core/html.ts";
import { decodeEntities } from "./entities.ts";

/**
 * Video embeds the site's CSP allows: YouTube through its privacy-enhanced
 * host (youtube-nocookie.com, no cookies until the reader plays) and
 * Vimeo's player with `dnt=1`. Any URL of a watch page, a short link or an
 * embed of either gives the one iframe address; anything else gives none.
 */

export interface Embed {
  provider: "youtube" | "vimeo";
  /** The iframe's `src`. */
  src: string;
}

const YOUTUBE_ID = /^[\w-]{6,20}$/;

export function videoEmbed(address: string): Embed | undefined {
  let url: URL;
  try {
    url = new URL(address.trim(), "https://invalid.invalid");
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  const host = url.hostname.toLowerCase().replace(/^(www\.|m\.)/, "");
  const path = url.pathname.split("/").filter(Boolean);
  let id: string | undefined;
  if (host === "youtube.com" || host === "youtube-nocookie.com") {
    if (path[0] === "watch") id = url.searchParams.get("v") ?? undefined;
    else if (path[0] === "embed" || path[0] === "shorts" || path[0] === "live") id = path[1];
  } else if (host === "youtu.be") {
    id = path[0];
  }
  if (id !== undefined) return YOUTUBE_ID.test(id) ? { provider: "youtube", src: `https://www.youtube-nocookie.com/embed/${id}` } : undefined;
  if (host === "vimeo.com" || host === "player.vimeo.com") {
    const video = host === "player.vimeo.com" ? (path[0] === "video" ? path[1] : undefined) : path.find((part) => /^\d+$/.test(part));
    if (video && /^\d+$/.test(video)) return { provider: "vimeo", src: `https://player.vimeo.com/video/${video}?dnt=1` };
  }
  return undefined;
}

/** The iframe address for an embed `src`, or undefined when its host is not allowed. */
export function embedSource(src: string): string | undefined {
  return videoEmbed(src)?.src;
}

/** Hosts WordPress embeds from a bare URL (its oEmbed providers) that the site cannot play itself: they become a link card. */
const OEMBED_HOSTS = [
  "twitter.com", "x.com", "flickr.com", "flic.kr", "soundcloud.com", "open.spotify.com", "slideshare.net", "ted.com",
  "dailymotion.com", "tiktok.com", "reddit.com", "tumblr.com", "issuu.com", "scribd.com", "mixcloud.com",
  "speakerdeck.com", "wordpress.tv", "kickstarter.com", "imgur.com", "pinterest.com", "cloudup.com", "animoto.com",
];

function isOembedProvider(address: string): boolean {
  try {
    const host = new URL(address).hostname.toLowerCase().replace(/^www\./, "");
    return OEMBED_HOSTS.some((known) => host === known || host.endsWith(`.${known}`));
  } catch {
    return false;
  }
}

const PROVIDER_NAMES: Record<Embed["provider"], string> = { youtube: "YouTube", vimeo: "Vimeo" };

/**
 * A privacy-friendly player for YouTube and Vimeo, a link card for anything
 * else; `title` names the iframe for screen readers (the caption, else the provider).
 */
export function embedMarkup(address: string, caption = ""): string {
  const video = videoEmbed(address);
  const figcaption = caption.trim() ? `<figcaption>${caption.trim()}</figcaption>` : "";
  if (video) {
    const title = htmlToTitle(caption) || PROVIDER_NAMES[video.provider];
    return `${html`<figure class="embed embed-${video.provider}"><iframe src="${video.src}" title="${title}" loading="lazy" allowfullscreen></iframe>`}${figcaption}</figure>`;
  }
  return `${html`<p class="embed-link"><a href="${address}">${address}</a></p>`}`;
}

function htmlToTitle(caption: string): string {
  return decodeEntities(caption.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim();
}

const EMBED_BLOCK = /<!--\s*wp:(?:core-)?embed(?:\/[\w-]+)?\s*(\{[\s\S]*?\})?\s*-->([\s\S]*?)<!--\s*\/wp:(?:core-)?embed(?:\/[\w-]+)?\s*-->/gi;

/** `wp:embed` blocks (and the older `wp:core-embed/youtube`): the URL of their attributes, or the one inside the wrapper. */
export function embedBlocks(content: string): string {
  return content.replace(EMBED_BLOCK, (whole, json: string | undefined, inner: string) => {
    let url = "";
    try {
      const attributes: unknown = json ? JSON.parse(json) : {};
      if (attributes && typeof attributes === "object" && "url" in attributes && typeof attributes.url === "string") url = attributes.url;
    } catch {
      // Broken attributes: the wrapper still holds the URL.
    }
    url ||= /https?:\/\/[^\s<>"]+/.exec(inner)?.[0] ?? "";
    if (!/^https?:\/\//i.test(url)) return whole;
    const caption = /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/i.exec(inner)?.[1] ?? "";
    return embedMarkup(decodeEntities(url), caption);
  });
}

const BARE_URL_LINE = /(<pre\b[\s\S]*?<\/pre>)|^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gim;
const EMBED_SHORTCODE = /\[embed\b[^\]]*\]\s*(https?:\/\/[^\s<>"[]+)\s*\[\/embed\]/gi;

/**
 * WordPress's auto-embeds: a URL alone on its line (outside `<pre>`) and
 * `[embed]URL[/embed]`. Only URLs WordPress would have embedded change; any
 * other URL on a line of its own stays as it is.
 */
export function autoEmbeds(content: string): string {
  return content
    .replace(EMBED_SHORTCODE, (_whole, url: string) => `\n${embedMarkup(decodeEntities(url))}\n`)
    .replace(BARE_URL_LINE, (whole, pre: string | undefined, url: string | undefined) => {
      if (pre || !url) return whole;
      const address = decodeEntities(url);
      return videoEmbed(address) || isOembedProvider(address) ? embedMarkup(address) : whole;
    });
}
