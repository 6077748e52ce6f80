import { test } from "uvu";
import * as assert from "uvu/assert";
import { createMarkdown } from "../../src/core/markdown.ts";
import { resolveOptions } from "../../src/core/options.ts";
import { buildSiteModel, type ModelSource } from "../../src/core/site-model.ts";

// Index pages and term archives list terms alphabetically in the site's language, not always in Italian:
// Swedish puts Å and Ö after Z, Italian next to A and O.
const NAMES = ["Zona franca", "Örebro", "Oslo", "Åre"];

function termOrder(language: string): { index: string[]; archives: string[] } {
  const options = resolveOptions({
    site: { title: "Sito", url: "https://s.example", language },
    taxonomies: [{ key: "luogo", field: "luoghi", base: "luogo" }],
  });
  const sources: ModelSource[] = NAMES.map((name, i) => ({
    kind: "article", file: `content/a${i}.md`, url: `/a${i}/`, data: { title: `Articolo ${i}`, date: new Date(Date.UTC(2024, 0, i + 1)), luoghi: [name] }, markdown: "Testo.",
  }));
  const model = buildSiteModel(sources, options, createMarkdown());
  return {
    index: model.indexes.find((l) => l.url === "/luogo/")?.entries.map((e) => e.name) ?? [],
    archives: model.archives.filter((a) => a.kind === "term").map((a) => a.term?.name ?? ""),
  };
}

test("Italian: Åre and Örebro next to A and O", () => {
  const order = ["Åre", "Örebro", "Oslo", "Zona franca"];
  assert.equal(termOrder("it-IT"), { index: order, archives: order });
});

test("Swedish: Å and Ö after Z", () => {
  const order = ["Oslo", "Zona franca", "Åre", "Örebro"];
  assert.equal(termOrder("sv"), { index: order, archives: order });
});

test.run();
