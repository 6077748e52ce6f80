import { test } from "uvu";
import * as assert from "uvu/assert";
import { lookCss } from "../../src/core/look-css.ts";
import { lookSchema } from "../../src/core/look.ts";

const look = (input: unknown) => lookSchema.parse(input);

test("the bundled look adds nothing to the stylesheet", () => {
  assert.is(lookCss(look(undefined), []), "");
  assert.is(lookCss(look({ navigation: [{ label: "Chi siamo", url: "/chi-siamo/" }] }), []), "");
});

test("palette, fonts and font files make one block, in a fixed order, with exact text", () => {
  const css = lookCss(
    look({
      colors: { background: "#fdfbf7", text: "#102030", accent: "#7a1f5c" },
      darkColors: { background: "#0d1b2a", link: "#ffd1a8" },
      fonts: { text: "Atkinson, system-ui, sans-serif", headings: "Fraunces, Georgia, serif" },
      fontFiles: [
        { family: "Atkinson", file: "@fontsource/atkinson/files/atkinson-latin-400-normal.woff2" },
        { family: "Fraunces", file: "fonts/fraunces.ttf", weight: "100 900", style: "italic" },
      ],
    }),
    ["fonts/atkinson-latin-400-normal.0123456789.woff2", "fonts/fraunces.abcdef0123.ttf"],
  );
  assert.is(
    css,
    `
/* ---------- The site's look (options \`look\`) ---------- */
@font-face {
  font-family: "Atkinson";
  src: url("fonts/atkinson-latin-400-normal.0123456789.woff2") format("woff2");
  font-weight: 400;
  font-style: normal;
  font-display: swap;
}
@font-face {
  font-family: "Fraunces";
  src: url("fonts/fraunces.abcdef0123.ttf") format("truetype");
  font-weight: 100 900;
  font-style: italic;
  font-display: swap;
}
:root {
  --serif: Atkinson, system-ui, sans-serif;
  --sans: Atkinson, system-ui, sans-serif;
  --headings: Fraunces, Georgia, serif;
}
@media screen and (prefers-color-scheme: light) {
  :root {
    --paper: #fdfbf7;
    --ink: #102030;
    --rule-strong: #102030;
    --ink-2: #102030;
    --accent: #7a1f5c;
  }
}
@media screen and (prefers-color-scheme: dark) {
  :root {
    --paper: #0d1b2a;
    --link: #ffd1a8;
  }
}
`,
  );
});

test("only headings: the text keeps the theme's faces; only a dark colour: no light block", () => {
  assert.is(lookCss(look({ fonts: { headings: "Georgia, serif" } }), []), "\n/* ---------- The site's look (options `look`) ---------- */\n:root {\n  --headings: Georgia, serif;\n}\n");
  const dark = lookCss(look({ darkColors: { footerFocus: "#ffe08a" } }), []);
  assert.not.match(dark, /prefers-color-scheme: light/);
  assert.match(dark, /@media screen and \(prefers-color-scheme: dark\) \{\n  :root \{\n    --footer-focus: #ffe08a;\n  \}\n\}\n$/);
});

test("values that could end a CSS rule are refused by the schema", () => {
  assert.not.ok(lookSchema.safeParse({ fonts: { text: "Inter; } body { display: none" } }).success);
  assert.not.ok(lookSchema.safeParse({ fontFiles: [{ family: 'Inter"', file: "x.woff2" }] }).success);
  assert.not.ok(lookSchema.safeParse({ colors: { text: "red" } }).success);
  assert.not.ok(lookSchema.safeParse({ colors: { text: "#12345" } }).success);
  assert.not.ok(lookSchema.safeParse({ fontFiles: [{ family: "Inter", file: "x.woff2", weight: "400; color: red" }] }).success);
  assert.ok(lookSchema.safeParse({ colors: { text: "#ABC" }, fontFiles: [{ family: "Inter", file: "x.woff2", weight: "bold" }] }).success);
});

test("a font file without a published URL is a programming error, not silence", () => {
  assert.throws(() => lookCss(look({ fontFiles: [{ family: "Inter", file: "x.woff2" }] }), []), /look\.fontFiles\[0\]/);
});

test.run();
