import sanitizeHtml from "sanitize-html";
import { embedSource } from "./embeds.ts";

/**
 * The allow-list every imported body passes through before it becomes
 * Markdown. Raw HTML in Markdown is published as it is, on hosts that may
 * not send the site's CSP header, so only elements and attributes with a
 * known, harmless meaning are kept: no event handlers, no `srcdoc`, no
 * scripts, styles, forms, `<meta>`, `<base>`, `<object>`/`<embed>` (plugin
 * content no browser plays; their fallback text stays), `<svg>`/`<math>`
 * (their text stays), and URLs only over http(s), mailto and tel — never
 * `javascript:`, `vbscript:` or `data:`, however written. Iframes only for
 * the embed hosts the CSP allows (YouTube through youtube-nocookie.com,
 * Vimeo's player); any other iframe becomes a link to what it showed.
 */

/** WordPress's alignment classes → the theme's. */
const ALIGN_CLASSES: Readonly<Record<string, string>> = {
  alignleft: "align-left",
  alignright: "align-right",
  aligncenter: "align-center",
  alignwide: "align-wide",
  alignfull: "align-full",
};

const TEXT_ALIGN = ["left", "center", "right"] as const;

/** Every class an imported body may carry (docs/wordpress-migration.md lists them for the CSS). */
export const THEME_CLASSES: readonly string[] = [
  ...Object.values(ALIGN_CLASSES),
  ...TEXT_ALIGN.map((side) => `has-text-align-${side}`),
];

/** Classes the importer writes itself (galleries, embeds, covers). */
const OWN_CLASSES: readonly string[] = ["gallery", "embed", "embed-youtube", "embed-vimeo", "embed-link", "cover"];

/** Every class the Markdown keeps (and so HTML around it). */
export const KEPT_CLASSES: readonly string[] = [...THEME_CLASSES, ...OWN_CLASSES];

const INLINE = ["a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u"];
const BLOCK = [
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "ul", "ol", "li", "dl", "dt", "dd",
  "figure", "figcaption", "img", "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
  "iframe", "video", "audio", "source", "track",
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...INLINE, ...BLOCK],
  allowedAttributes: {
    a: ["href", "title"],
    abbr: ["title"],
    q: ["cite"],
    blockquote: ["cite"],
    del: ["cite", "datetime"],
    ins: ["cite", "datetime"],
    time: ["datetime"],
    ol: ["start", "reversed", "type"],
    li: ["value"],
    img: ["src", "alt", "title", "width", "height", "loading"],
    th: ["colspan", "rowspan", "scope", "align"],
    td: ["colspan", "rowspan", "align"],
    col: ["span"],
    colgroup: ["span"],
    iframe: ["src", "title", "width", "height", "loading", "allowfullscreen"],
    video: ["src", "poster", "controls", "width", "height", "preload", "loop", "muted", "playsinline"],
    audio: ["src", "controls", "preload", "loop"],
    source: ["src", "type"],
    track: ["src", "kind", "srclang", "label", "default"],
    "*": ["class"],
  },
  allowedClasses: {
    "*": [...THEME_CLASSES],
    figure: [...THEME_CLASSES, "gallery", "embed", "embed-youtube", "embed-vimeo", "cover"],
    p: [...THEME_CLASSES, "embed-link"],
    code: ["language-*"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: {},
  // Said in full: sanitize-html's default list differs between versions (2.17 checks only href, src, cite).
  allowedSchemesAppliedToAttributes: ["href", "src", "cite", "poster", "action", "formaction", "xlink:href", "data", "background", "srcset"],
  allowProtocolRelative: true,
  allowedIframeHostnames: ["www.youtube-nocookie.com", "player.vimeo.com"],
  allowIframeRelativeUrls: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "template", "xmp", "noembed", "noframes", "iframe", "select"],
  parseStyleAttributes: false,
  allowedStyles: {},
};

export interface Sanitized {
  html: string;
  /** `style` attributes dropped, as `<tag style="…">`, in order, without duplicates. */
  styles: string[];
  /** Iframes from hosts not allowed, turned into links: their `src`. */
  iframes: string[];
}

/** A body's HTML through the allow-list; what it changed that a reader could miss is returned for the report. */
export function sanitizeBody(html: string): Sanitized {
  const styles = new Set<string>();
  const iframes: string[] = [];
  const clean = sanitizeHtml(html, {
    ...OPTIONS,
    transformTags: {
      iframe: (tagName, attribs): sanitizeHtml.Tag => {
        const src = attribs["src"] ?? "";
        const embed = embedSource(src);
        if (embed) {
          const title = attribs["title"]?.trim() || "Video";
          return { tagName, attribs: { src: embed, title, loading: "lazy", allowfullscreen: "" } };
        }
        if (/^(https?:)?\/\//i.test(src.trim())) {
          iframes.push(src);
          return { tagName: "a", attribs: { href: src }, text: src };
        }
        return { tagName: "dropped-iframe", attribs: {} };
      },
      "*": (tagName, attribs): sanitizeHtml.Tag => {
        const style = attribs["style"];
        const classes = themeClasses(tagName, attribs["class"] ?? "", style ?? "");
        const next: sanitizeHtml.Attributes = { ...attribs };
        delete next["style"];
        if (style !== undefined && !onlyTextAlign(style)) styles.add(`<${tagName} style="${style.trim()}">`);
        if (classes) next["class"] = classes;
        else delete next["class"];
        return { tagName, attribs: next };
      },
    },
  });
  return { html: clean, styles: [...styles], iframes };
}

/** WordPress classes and `text-align` turned into the theme's classes; others dropped. */
function themeClasses(tagName: string, classAttribute: string, style: string): string {
  const out: string[] = [];
  for (const name of classAttribute.split(/\s+/)) {
    // The language of a code block (`language-php`) is what its fence says.
    const language = tagName === "code" && /^language-[\w+-]+$/.test(name) ? name : undefined;
    const mapped = ALIGN_CLASSES[name] ?? (THEME_CLASSES.includes(name) || OWN_CLASSES.includes(name) ? name : language);
    if (mapped && !out.includes(mapped)) out.push(mapped);
  }
  const align = /(?:^|;)\s*text-align\s*:\s*(left|center|right)\b/i.exec(style)?.[1]?.toLowerCase();
  if (align && !out.some((name) => name.startsWith("has-text-align-"))) out.push(`has-text-align-${align}`);
  return out.join(" ");
}

/** A style that said nothing but text alignment is not reported: its class says it. */
function onlyTextAlign(style: string): boolean {
  return style
    .split(";")
    .map((rule) => rule.trim())
    .filter(Boolean)
    .every((rule) => /^text-align\s*:\s*(left|center|right)$/i.test(rule));
}

/** A fragment of text that may hold markup (a shortcode kept verbatim), made safe the same way. */
export function sanitizeFragment(text: string): string {
  return text.includes("<") ? sanitizeBody(text).html : text;
}
