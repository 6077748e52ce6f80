/**
 * WordPress shortcodes in post content. `[caption]` becomes an HTML figure;
 * any other shortcode is kept, verbatim, as text (and reported), because only
 * the old site's plugins knew what it meant.
 */

const CAPTION = /\[(caption|wp_caption)\b([^\]]*)\]([\s\S]*?)\[\/\1\]/gi;
const MEDIA = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i;

/** `key="value"`, `key='value'` and `key=value` pairs of a shortcode's opening tag. */
export function shortcodeAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g)) {
    const [, key = "", double, single, bare] = match;
    attributes[key.toLowerCase()] = double ?? single ?? bare ?? "";
  }
  return attributes;
}

/** `[caption …]<img …> Text[/caption]` → `<figure><img …><figcaption>Text</figcaption></figure>`. */
export function captionsToFigures(html: string): string {
  return html.replace(CAPTION, (whole, _name: string, attributeText: string, inner: string) => {
    const media = MEDIA.exec(inner);
    if (!media) return whole;
    const [, image = "", rest = ""] = media;
    // Before WordPress 3.4 the caption was an attribute; since, it follows the image.
    const attributes = shortcodeAttributes(attributeText);
    const caption = rest.trim() || attributes["caption"] || "";
    // `align="alignright"`: WordPress's class, which the sanitizer turns into the theme's.
    const align = /^align(left|right|center|none)$/.exec(attributes["align"] ?? "")?.[0];
    const open = align && align !== "alignnone" ? `<figure class="${align}">` : "<figure>";
    return caption ? `${open}${image}<figcaption>${caption.trim()}</figcaption></figure>` : `${open}${image}</figure>`;
  });
}

/** Any shortcode tag: `[name attrs]`, `[/name]`, `[name /]`, and escaped `[[name]]`. */
const SHORTCODE = /\[(\[?)(\/?)([A-Za-z][\w-]*)((?:\s[^\][]*)?)\](\]?)/g;

export interface ProtectedShortcodes {
  html: string;
  /** Names of the shortcodes found (without duplicates, in order of appearance). */
  names: string[];
  /** Puts the shortcodes back, verbatim (or through `clean`), into the Markdown made from `html`. */
  restore(markdown: string, clean?: (text: string) => string): string;
}

/**
 * Replaces each shortcode tag by a placeholder the HTML-to-Markdown step
 * leaves alone (it would otherwise escape the brackets), to be restored after.
 */
export function protectShortcodes(html: string): ProtectedShortcodes {
  const kept: string[] = [];
  const names: string[] = [];
  const out = html.replace(SHORTCODE, (whole, open: string, _slash: string, name: string, _attrs: string, close: string) => {
    if (open && close) {
      // [[gallery]] is how WordPress writes a shortcode as literal text.
      kept.push(whole.slice(1, -1));
    } else {
      if (open || close) return whole;
      kept.push(whole);
      if (!names.includes(name)) names.push(name);
    }
    return `\uE000${kept.length - 1}\uE001`;
  });
  return {
    html: out,
    names,
    restore: (markdown, clean = (text) => text) =>
      markdown.replace(/\uE000(\d+)\uE001/g, (whole, index: string) => clean(kept[Number(index)] ?? whole)),
  };
}

/** Text with shortcodes removed, as WordPress does for automatic excerpts. */
export function stripShortcodes(html: string): string {
  return html.replace(CAPTION, "").replace(SHORTCODE, (whole, open: string, _s: string, _n: string, _a: string, close: string) =>
    open && close ? whole.slice(1, -1) : "",
  );
}
