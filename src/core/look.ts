import { z } from "zod";

const color = z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "a colour as #rrggbb or #rgb");
// A site path, a fragment or a web, mail or phone address: never `javascript:` or `data:` in the site's own menus.
const link = z.strictObject({
  label: z.string().min(1),
  url: z.string().regex(/^(\/|#|https?:\/\/|mailto:|tel:)/, "a site path such as `/chi-siamo/`, or an https://, mailto: or tel: address"),
});
// Written into the stylesheet as they are: nothing that could end the declaration or the rule.
const fontList = z.string().regex(/^[^;{}<>\\\n\r]+$/, "a CSS font-family list such as `Inter, system-ui, sans-serif`");

/** The colours a site may set, each a custom property of the stylesheet (light scheme; `darkColors` for the dark one). */
const palette = z.strictObject({
  /** Page background (`--paper`). */
  background: color.optional(),
  /** Body text (`--ink`, and the strong rules `--rule-strong`). */
  text: color.optional(),
  /** Standfirsts, breadcrumbs, byline links (`--ink-2`); the site's `text` when only that is given. */
  secondaryText: color.optional(),
  /** Secondary text: dates, counts (`--muted`). */
  muted: color.optional(),
  /** Links in the text (`--link`). */
  link: color.optional(),
  /** Rubrics, "Leggi" links, buttons, the active page (`--accent`) and the text on it (`--accent-ink`). */
  accent: color.optional(),
  accentText: color.optional(),
  /** The label taxonomy's kicker on cards and articles (`--area`). */
  label: color.optional(),
  /** Boxes on the page: the dossier box, the home's dossier, code (`--paper-2`). */
  surface: color.optional(),
  /** Rules and borders (`--rule`). */
  rule: color.optional(),
  /** The keyboard focus ring on the page (`--focus`). */
  focus: color.optional(),
  /** Footer background and text (`--footer-bg`, `--footer-ink`) and its focus ring (`--footer-focus`). */
  footerBackground: color.optional(),
  footerText: color.optional(),
  footerFocus: color.optional(),
});

export type Palette = z.output<typeof palette>;
export type PaletteRole = keyof Palette;
export type ResolvedPalette = Required<Palette>;

/** The custom properties of _includes/assets/editoriale.css that each colour sets. */
export const PALETTE_PROPERTIES: Readonly<Record<PaletteRole, readonly string[]>> = {
  background: ["--paper"],
  text: ["--ink", "--rule-strong"],
  secondaryText: ["--ink-2"],
  muted: ["--muted"],
  link: ["--link"],
  accent: ["--accent"],
  accentText: ["--accent-ink"],
  label: ["--area"],
  surface: ["--paper-2"],
  rule: ["--rule"],
  focus: ["--focus"],
  footerBackground: ["--footer-bg"],
  footerText: ["--footer-ink"],
  footerFocus: ["--footer-focus"],
};

/** The bundled light scheme: the values of editoriale.css's `:root` (a test keeps the two equal). */
export const BUNDLED_COLORS: ResolvedPalette = {
  background: "#fff",
  text: "#1c1b19",
  secondaryText: "#3d3a35",
  muted: "#5e5a53",
  link: "#8e1317",
  accent: "#a4161a",
  accentText: "#fff",
  label: "#0f5e66",
  surface: "#f6f3ee",
  rule: "#d9d4cb",
  focus: "#0b57d0",
  footerBackground: "#1c1b19",
  footerText: "#eeeae3",
  footerFocus: "#ffd25a",
};

/** The bundled dark scheme: editoriale.css's `@media (prefers-color-scheme: dark)` values. */
export const BUNDLED_DARK_COLORS: ResolvedPalette = {
  background: "#151413",
  text: "#ece8e1",
  secondaryText: "#d3cec5",
  muted: "#aaa49a",
  link: "#ffaaa2",
  accent: "#ff8f85",
  accentText: "#1a0a09",
  label: "#79cfd6",
  surface: "#211f1d",
  rule: "#3b3834",
  focus: "#8ab4ff",
  footerBackground: "#0b0a0a",
  footerText: "#e6e1d9",
  footerFocus: "#ffd25a",
};

/**
 * A site's look without code: palette (light and dark), font stacks and font
 * files from npm packages, a logo, the header's navigation and the footer's
 * columns. Every field is optional; the bundled look is the default.
 */
export const lookSchema = z
  .strictObject({
    colors: palette.default({}),
    darkColors: palette.default({}),
    fonts: z
      .strictObject({
        /** The face of all text (`--sans` and `--serif`), e.g. "Inter, system-ui, sans-serif". */
        text: fontList.optional(),
        /** The face of headings and the site's name (`--headings`); the text's face when only that is given. */
        headings: fontList.optional(),
      })
      .default({}),
    /** Font files to publish with @font-face: a path in node_modules (e.g. "@fontsource/inter/files/inter-latin-400-normal.woff2") or in the project. */
    fontFiles: z
      .array(
        z.strictObject({
          family: z.string().regex(/^[^"\\;{}<>\n\r]+$/, "a font family name such as `Inter`, without quotes"),
          file: z.string().min(1),
          /** A weight (400), or a range for a variable font ("100 900"). */
          weight: z.union([z.number().int().min(1).max(1000), z.string().regex(/^(\d{1,4}( \d{1,4})?|normal|bold)$/, "a weight such as 400, or a range such as \"100 900\"")]).default(400),
          style: z.enum(["normal", "italic"]).default("normal"),
        }),
      )
      .default([]),
    /** An image shown in the header instead of the site's name as text (the name stays its text alternative). */
    logo: z
      .strictObject({
        file: z.string().min(1),
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        /** Keep the site's name as visible text beside the logo (the image is then decorative: alt=""). */
        showName: z.boolean().default(false),
      })
      .optional(),
    /** The header's navigation; without it, the label taxonomy's terms (the areas). */
    navigation: z.array(link).optional(),
    /** The footer's columns of links, after the site's own lists. */
    footerColumns: z.array(z.strictObject({ heading: z.string().min(1), links: z.array(link).min(1) })).default([]),
  })
  .default({ colors: {}, darkColors: {}, fonts: {}, fontFiles: [], footerColumns: [] });

export type Look = z.output<typeof lookSchema>;

/**
 * The palette the pages end up with: the site's colours over the bundled
 * ones; secondary text follows the site's text unless set, so that a site
 * that changes only its text colour does not keep the bundled grey beside it.
 */
export function resolvePalette(site: Palette, bundled: ResolvedPalette): ResolvedPalette {
  return { ...bundled, ...(site.text !== undefined ? { secondaryText: site.text } : {}), ...definedOnly(site) };
}

/** The colours a site set, with the ones that follow them (secondary text after text): what the stylesheet must override. */
export function paletteOverrides(site: Palette): Palette {
  return { ...(site.text !== undefined ? { secondaryText: site.text } : {}), ...definedOnly(site) };
}

function definedOnly(p: Palette): Palette {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Palette;
}
