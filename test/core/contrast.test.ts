import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { contrastNotices, contrastRatio, contrastShortfalls, formatRatio, relativeLuminance, CONTRAST_PAIRS } from "../../src/core/contrast.ts";
import { BUNDLED_COLORS, BUNDLED_DARK_COLORS, PALETTE_PROPERTIES, type PaletteRole, type ResolvedPalette } from "../../src/core/look.ts";
import { resolveOptions } from "../../src/core/options.ts";

const none = { colors: {}, darkColors: {} };

test("relative luminance: black 0, white 1, #777 and its long form alike", () => {
  assert.is(relativeLuminance("#000"), 0);
  assert.is(relativeLuminance("#ffffff"), 1);
  assert.is(relativeLuminance("#777"), relativeLuminance("#777777"));
});

test("known ratios: 21 for black on white, #777 on #fff 4.48 (fails AA), #767676 4.54 (passes)", () => {
  assert.is(contrastRatio("#000", "#fff").toFixed(2), "21.00");
  assert.is(contrastRatio("#fff", "#000"), contrastRatio("#000", "#fff"), "the order does not matter");
  assert.is(contrastRatio("#123456", "#123456"), 1);
  assert.is(contrastRatio("#777", "#fff").toFixed(2), "4.48");
  assert.ok(contrastRatio("#777", "#fff") < 4.5);
  assert.is(contrastRatio("#767676", "#fff").toFixed(2), "4.54");
  assert.ok(contrastRatio("#767676", "#fff") >= 4.5);
});

test("a ratio just under the minimum is never shown rounded up to it", () => {
  assert.is(formatRatio(4.497, 4.5), "4.49");
  assert.is(formatRatio(4.478, 4.5), "4.48");
  assert.is(formatRatio(4.505, 4.5), "4.50");
  assert.is(formatRatio(2.996, 3), "2.99");
});

test("the bundled light and dark palettes pass every pair", () => {
  assert.equal(contrastShortfalls(none), []);
  assert.equal(contrastNotices(none), []);
  assert.equal(resolveOptions({ site: { title: "S", url: "https://s.example" } }).look.colors, {});
  for (const pair of CONTRAST_PAIRS) {
    for (const palette of [BUNDLED_COLORS, BUNDLED_DARK_COLORS]) {
      assert.ok(contrastRatio(palette[pair.foreground], palette[pair.background]) >= pair.minimum, `${pair.foreground} on ${pair.background}`);
    }
  }
});

test("the bundled palettes are the stylesheet's own values (light :root and the dark scheme)", () => {
  const css = readFileSync(path.join(import.meta.dirname, "../../_includes/assets/editoriale.css"), "utf8");
  const light = /:root \{([^}]*)\}/.exec(css)?.[1] ?? "";
  const dark = /@media \(prefers-color-scheme: dark\) \{\s*:root \{([^}]*)\}/.exec(css)?.[1] ?? "";
  const values = (block: string) => new Map([...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]?.trim()]));
  const check = (block: string, palette: ResolvedPalette, scheme: string) => {
    const found = values(block);
    for (const role of Object.keys(PALETTE_PROPERTIES) as PaletteRole[]) {
      const property = PALETTE_PROPERTIES[role][0] ?? "";
      // The dark scheme keeps the light footer focus colour: it is not restated there.
      const value = found.get(property) ?? (scheme === "dark" ? values(light).get(property) : undefined);
      assert.is(value, palette[role], `${scheme} ${role} (${property})`);
    }
  };
  check(light, BUNDLED_COLORS, "light");
  check(dark, BUNDLED_DARK_COLORS, "dark");
});

test("a low-contrast colour is one notice naming the option, both colours, the ratio and the fix", () => {
  const notices = contrastNotices({ colors: { muted: "#777" }, darkColors: {} });
  const fix = " Fix: darken or lighten one of the two until the ratio reaches 4.5:1, or keep it knowingly (docs/design.md, “Changing the colours”).";
  assert.equal(notices, [
    "look.colors.muted #777 on look.colors.background #fff (bundled) (dates, counts and bylines) has a contrast of 4.48:1, below the 4.5:1 WCAG 2.2 AA asks of text." + fix,
    "look.colors.muted #777 on look.colors.surface #f6f3ee (bundled) (the dossier box's position) has a contrast of 4.05:1, below the 4.5:1 WCAG 2.2 AA asks of text." + fix,
  ]);
  // #767676 passes on white but not on the bundled box colour (#f6f3ee): the dossier box's position.
  const boxed = contrastShortfalls({ colors: { muted: "#767676" }, darkColors: {} });
  assert.equal(boxed.map((s) => `${s.pair.foreground}/${s.pair.background} ${formatRatio(s.ratio, s.pair.minimum)}`), ["muted/surface 4.10"]);
});

test("every pair is checked, in both schemes, at 4.5 for text and 3 for focus rings", () => {
  // A background as dark as the text fails every pair drawn on it, and only those.
  const light = contrastShortfalls({ colors: { background: "#1c1b19" }, darkColors: {} });
  assert.equal(light.map((s) => `${s.pair.foreground}/${s.pair.background}:${s.pair.minimum}`), [
    "text/background:4.5", "secondaryText/background:4.5", "muted/background:4.5", "link/background:4.5",
    "label/background:4.5", "accent/background:4.5", "focus/background:3",
  ]);
  assert.ok(light.every((s) => s.option === "colors" && s.siteSet.background && !s.siteSet.foreground));
  const dark = contrastShortfalls({ colors: {}, darkColors: { accent: "#3b3834", footerFocus: "#333", accentText: "#1a0a09" } });
  assert.equal(dark.map((s) => `${s.option}.${s.pair.foreground}/${s.pair.background}`), [
    "darkColors.accent/background", "darkColors.accentText/accent", "darkColors.accent/surface", "darkColors.footerFocus/footerBackground",
  ]);
  assert.match(contrastNotices({ colors: {}, darkColors: { footerFocus: "#333" } })[0] ?? "", /^look\.darkColors\.footerFocus #333 on look\.darkColors\.footerBackground #0b0a0a \(bundled\) \(the keyboard focus ring in the footer in the dark scheme\) has a contrast of 1\.\d\d:1, below the 3:1 WCAG 2\.2 AA asks of a focus indicator\./);
});

test("secondary text follows the site's text: a site that sets only its text colour is checked with it", () => {
  const s = contrastShortfalls({ colors: { text: "#999" }, darkColors: {} });
  assert.equal(s.map((x) => `${x.pair.foreground}/${x.pair.background} ${x.foreground} set=${x.siteSet.foreground}`), [
    "text/background #999 set=true", "secondaryText/background #999 set=true", "text/surface #999 set=true", "secondaryText/surface #999 set=true",
  ]);
});

test.run();
