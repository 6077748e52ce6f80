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
