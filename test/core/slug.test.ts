import { test } from "uvu";
import * as assert from "uvu/assert";
import { slugify } from "../../src/core/slug.ts";

const examples: Array<[string, string]> = [
  ["D.Lgs. 117/2017", "d-lgs-117-2017"],
  ["Salute & benessere", "salute-benessere"],
  ["Povertà", "poverta"],
  ["L’Aquila", "laquila"],
  ["L'Aquila", "laquila"],
  [
    "L’articolo 55 del Codice del terzo settore come opportunità",
    "larticolo-55-del-codice-del-terzo-settore-come-opportunita",
  ],
  [
    "Comune di Bra, Terzo Settore e politiche di contrasto alla povertà",
    "comune-di-bra-terzo-settore-e-politiche-di-contrasto-alla-poverta",
  ],
  ["Lecco. Una storia di coprogettazione", "lecco-una-storia-di-coprogettazione"],
  ["«Welfare» – “comunitario” — oggi", "welfare-comunitario-oggi"],
  ["  Terzo   settore  ", "terzo-settore"],
  ["Perché? Sì!", "perche-si"],
  ["Straße", "strasse"],
  ["già_fatto", "gia_fatto"],
  ["Un <script>alert(1)</script> &amp; fine", "un-alert1-fine"],
  ["Un <script>alert(1)</script> &amp; fine", "un-alert1-fine"],
];

for (const [input, expected] of examples) {
  test(`slugify(${JSON.stringify(input)})`, () => {
    assert.is(slugify(input), expected);
  });
}

test("punctuation only gives an empty slug", () => {
  assert.is(slugify("?!… «»"), "");
  assert.is(slugify(""), "");
});

test("a script without transliteration gives an empty slug", () => {
  assert.is(slugify("福祉"), "");
});

test.run();
