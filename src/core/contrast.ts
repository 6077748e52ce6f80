import { BUNDLED_COLORS, BUNDLED_DARK_COLORS, resolvePalette, type Look, type Palette, type PaletteRole, type ResolvedPalette } from "./look.ts";

/** A colour pair the theme draws, and the contrast WCAG 2.2 AA asks of it. */
export interface ContrastPair {
  foreground: PaletteRole;
  background: PaletteRole;
  /** 4.5 for text (1.4.3, normal size), 3 for the focus ring (1.4.11, non-text). */
  minimum: number;
  /** Where the theme draws it, in the maintainer's words. */
  where: string;
}

/** Every pair of the palette that editoriale.css puts one on the other. */
export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  { foreground: "text", background: "background", minimum: 4.5, where: "body text" },
  { foreground: "secondaryText", background: "background", minimum: 4.5, where: "standfirsts, breadcrumbs and byline links" },
  { foreground: "muted", background: "background", minimum: 4.5, where: "dates, counts and bylines" },
  { foreground: "link", background: "background", minimum: 4.5, where: "links in the text" },
  { foreground: "label", background: "background", minimum: 4.5, where: "the label on cards and the article's kicker" },
  { foreground: "accent", background: "background", minimum: 4.5, where: "rubrics, “Leggi” links and the current page in the navigation" },
  { foreground: "accentText", background: "accent", minimum: 4.5, where: "buttons" },
  { foreground: "text", background: "surface", minimum: 4.5, where: "text in boxes (code)" },
  { foreground: "secondaryText", background: "surface", minimum: 4.5, where: "the dossier box's links" },
  { foreground: "muted", background: "surface", minimum: 4.5, where: "the dossier box's position" },
  { foreground: "accent", background: "surface", minimum: 4.5, where: "the dossier box's label and links" },
  { foreground: "footerText", background: "footerBackground", minimum: 4.5, where: "the footer's text and links" },
  { foreground: "focus", background: "background", minimum: 3, where: "the keyboard focus ring" },
  { foreground: "focus", background: "surface", minimum: 3, where: "the keyboard focus ring in boxes" },
  { foreground: "footerFocus", background: "footerBackground", minimum: 3, where: "the keyboard focus ring in the footer" },
];

/** One colour pair below its minimum, in one scheme. */
export interface ContrastShortfall {
  option: "colors" | "darkColors";
  pair: ContrastPair;
  foreground: string;
  background: string;
  ratio: number;
  /** Which of the two colours the site set (the others are the bundled ones). */
  siteSet: { foreground: boolean; background: boolean };
}

/** WCAG 2.x relative luminance of an sRGB colour written #rgb or #rrggbb. */
export function relativeLuminance(hex: string): number {
  const digits = hex.replace(/^#/, "");
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  const channel = (i: number) => {
    const c = Number.parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** The contrast ratio of two colours, from 1 (same luminance) to 21 (black on white); the order does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** A ratio with two decimals, never rounded up to the minimum it misses (4.497 is "4.49", not "4.50"). */
export function formatRatio(ratio: number, minimum: number): string {
  const rounded = ratio.toFixed(2);
  return ratio < minimum && Number(rounded) >= minimum ? (Math.floor(ratio * 100) / 100).toFixed(2) : rounded;
}

/** Every pair of the resolved light and dark palettes below its minimum. */
export function contrastShortfalls(look: Pick<Look, "colors" | "darkColors">): ContrastShortfall[] {
  const schemes: Array<[ContrastShortfall["option"], Palette, ResolvedPalette]> = [
    ["colors", look.colors, resolvePalette(look.colors, BUNDLED_COLORS)],
    ["darkColors", look.darkColors, resolvePalette(look.darkColors, BUNDLED_DARK_COLORS)],
  ];
  const found: ContrastShortfall[] = [];
  for (const [option, site, palette] of schemes) {
    for (const pair of CONTRAST_PAIRS) {
      const ratio = contrastRatio(palette[pair.foreground], palette[pair.background]);
      if (ratio >= pair.minimum) continue;
      found.push({
        option, pair, ratio,
        foreground: palette[pair.foreground],
        background: palette[pair.background],
        siteSet: { foreground: isSet(site, pair.foreground), background: isSet(site, pair.background) },
      });
    }
  }
  return found;
}

/**
 * The build's notices for colours below WCAG AA: one line a pair, naming the
 * options, the colours, the ratio and the fix. Notices, not errors: a site may
 * accept a shortfall knowingly (a brand colour on large type only).
 */
export function contrastNotices(look: Pick<Look, "colors" | "darkColors">): string[] {
  return contrastShortfalls(look).map((s) => {
    const name = (role: PaletteRole, set: boolean, value: string) => `look.${s.option}.${role} ${value}${set ? "" : " (bundled)"}`;
    const scheme = s.option === "darkColors" ? " in the dark scheme" : "";
    const kind = s.pair.minimum === 3 ? "of a focus indicator" : "of text";
    return (
      `${name(s.pair.foreground, s.siteSet.foreground, s.foreground)} on ${name(s.pair.background, s.siteSet.background, s.background)}` +
      ` (${s.pair.where}${scheme}) has a contrast of ${formatRatio(s.ratio, s.pair.minimum)}:1, below the ${s.pair.minimum}:1 WCAG 2.2 AA asks ${kind}.` +
      ` Fix: darken or lighten one of the two until the ratio reaches ${s.pair.minimum}:1, or keep it knowingly (docs/design.md, “Changing the colours”).`
    );
  });
}

function isSet(site: Palette, role: PaletteRole): boolean {
  // Secondary text follows the site's text when only that is set (resolvePalette).
  return site[role] !== undefined || (role === "secondaryText" && site.text !== undefined);
}
