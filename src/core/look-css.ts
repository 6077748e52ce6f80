import { PALETTE_PROPERTIES, paletteOverrides, type Look, type Palette, type PaletteRole } from "./look.ts";

/** url() of each of `look.fontFiles`, in order, relative to the stylesheet (so that a path prefix changes nothing). */
export type FontSources = readonly string[];

const FORMATS: Readonly<Record<string, string>> = { ".woff2": "woff2", ".woff": "woff", ".ttf": "truetype", ".otf": "opentype" };

/** The font file extensions @font-face can name a format for. */
export const FONT_EXTENSIONS = Object.keys(FORMATS);

/**
 * The stylesheet's part made from a site's `look`: @font-face rules, font
 * stacks, and the palette's custom properties; "" for the bundled look.
 * Appended after the theme's rules, so that it wins over them. The colours
 * are scoped to the screen's scheme: a light colour written plainly in
 * `:root` would also override the theme's dark scheme and its print colours,
 * which come earlier in the file.
 */
export function lookCss(look: Pick<Look, "colors" | "darkColors" | "fonts" | "fontFiles">, fontSources: FontSources): string {
  const parts: string[] = [];
  look.fontFiles.forEach((font, i) => {
    const src = fontSources[i];
    if (src === undefined) throw new Error(`lookCss: no published file for look.fontFiles[${i}] (${font.file})`);
    const format = FORMATS[extensionOf(src)];
    parts.push(
      `@font-face {\n  font-family: "${font.family}";\n  src: url("${src}")${format ? ` format("${format}")` : ""};\n` +
        `  font-weight: ${font.weight};\n  font-style: ${font.style};\n  font-display: swap;\n}\n`,
    );
  });
  const fonts: Array<[string, string]> = [];
  if (look.fonts.text !== undefined) fonts.push(["--serif", look.fonts.text], ["--sans", look.fonts.text]);
  if (look.fonts.headings !== undefined) fonts.push(["--headings", look.fonts.headings]);
  if (fonts.length > 0) parts.push(rootBlock(fonts, ""));
  const light = declarations(look.colors);
  if (light.length > 0) parts.push(`@media screen and (prefers-color-scheme: light) {\n${rootBlock(light, "  ")}}\n`);
  const dark = declarations(look.darkColors);
  if (dark.length > 0) parts.push(`@media screen and (prefers-color-scheme: dark) {\n${rootBlock(dark, "  ")}}\n`);
  return parts.length > 0 ? `\n/* ---------- The site's look (options \`look\`) ---------- */\n${parts.join("")}` : "";
}

function declarations(palette: Palette): Array<[string, string]> {
  const set = paletteOverrides(palette);
  return (Object.keys(PALETTE_PROPERTIES) as PaletteRole[]).flatMap((role) => {
    const value = set[role];
    return value === undefined ? [] : PALETTE_PROPERTIES[role].map((property): [string, string] => [property, value]);
  });
}

function rootBlock(declarations: ReadonlyArray<[string, string]>, indent: string): string {
  return `${indent}:root {\n${declarations.map(([p, v]) => `${indent}  ${p}: ${v};\n`).join("")}${indent}}\n`;
}

function extensionOf(file: string): string {
  const dot = file.lastIndexOf(".");
  return dot < 0 ? "" : file.slice(dot).toLowerCase();
}
