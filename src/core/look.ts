import { z } from "zod";

const color = z.string().regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "a colour as #rrggbb or #rgb");
const link = z.strictObject({ label: z.string().min(1), url: z.string().min(1) });

/** The colours a site may set, each a custom property of the stylesheet (light scheme; `dark` for the dark one). */
const palette = z.strictObject({
  /** Page background (`--paper`). */
  background: color.optional(),
  /** Body text (`--ink`). */
  text: color.optional(),
  /** Secondary text: dates, counts (`--muted`). */
  muted: color.optional(),
  /** Links in the text (`--link`). */
  link: color.optional(),
  /** Rubrics, buttons, the active page (`--accent`) and the text on it (`--accent-ink`). */
  accent: color.optional(),
  accentText: color.optional(),
  /** The label taxonomy's kicker on cards and articles (`--area`). */
  label: color.optional(),
  /** Rules and borders (`--rule`). */
  rule: color.optional(),
  /** Footer background and text (`--footer-bg`, `--footer-ink`). */
  footerBackground: color.optional(),
  footerText: color.optional(),
});

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
        /** CSS font-family lists, e.g. "Inter, system-ui, sans-serif". */
        text: z.string().min(1).optional(),
        headings: z.string().min(1).optional(),
      })
      .default({}),
    /** Font files to publish with @font-face: a path in node_modules (e.g. "@fontsource/inter/files/inter-latin-400-normal.woff2") or in the project. */
    fontFiles: z
      .array(
        z.strictObject({
          family: z.string().min(1),
          file: z.string().min(1),
          weight: z.union([z.number().int(), z.string()]).default(400),
          style: z.enum(["normal", "italic"]).default("normal"),
        }),
      )
      .default([]),
    /** An image shown in the header instead of the site's name as text (which stays its accessible name). */
    logo: z
      .strictObject({
        file: z.string().min(1),
        width: z.number().int().positive(),
        height: z.number().int().positive(),
      })
      .optional(),
    /** The header's navigation; without it, the label taxonomy's terms (the areas). */
    navigation: z.array(link).optional(),
    /** The footer's columns of links, after the site's own lists. */
    footerColumns: z.array(z.strictObject({ heading: z.string().min(1), links: z.array(link).min(1) })).default([]),
  })
  .default({ colors: {}, darkColors: {}, fonts: {}, fontFiles: [], footerColumns: [] });

export type Look = z.output<typeof lookSchema>;
