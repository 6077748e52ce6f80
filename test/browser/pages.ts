import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { htmlFiles, urlOf } from "../output/build-site.ts";

export interface PageToCheck {
  /** What kind of page it is, e.g. "tag archive". */
  kind: string;
  url: string;
}

/** The seed page of the project (area "Terzo settore" × tag "Comuni") and its dossier. */
export const SEED = {
  tag: "/tag/comuni/",
  intersection: "/area/terzo-settore/tag/comuni/",
  dossier: "/il-punto/coprogettazione-e-non-solo/",
  article: "/il-punto/coprogettazione-e-non-solo/lecco-una-storia-di-coprogettazione/",
};

const isArticle = (out: string, file: string) => readFileSync(path.join(out, file), "utf8").includes('<meta property="og:type" content="article">');

/** One page of every type the build writes (two where a type has a variant), each checked to exist. */
export function pagesOfEveryType(out: string): PageToCheck[] {
  const files = htmlFiles(out);
  const first = (pattern: RegExp, kind: string): string => {
    const file = files.find((f) => pattern.test(f));
    if (!file) throw new Error(`No ${kind} page in the build (looked for ${pattern})`);
    return urlOf(file);
  };
  const pages: PageToCheck[] = [
    { kind: "home", url: "/" },
    { kind: "home, page 2", url: first(/^page\/2\/index\.html$/, "home page 2") },
    { kind: "tag archive", url: SEED.tag },
    { kind: "area archive", url: first(/^area\/[^/]+\/index\.html$/, "area archive") },
    { kind: "section archive", url: first(/^sezione\/[^/]+\/index\.html$/, "section archive") },
    { kind: "author archive", url: first(/^autori\/[^/]+\/index\.html$/, "author archive") },
    { kind: "intersection area × tag", url: SEED.intersection },
    { kind: "intersection area × section", url: first(/^area\/[^/]+\/sezione\/[^/]+\/index\.html$/, "area × section") },
    { kind: "archive, page 2", url: first(/^tag\/[^/]+\/page\/2\/index\.html$/, "tag page 2") },
    { kind: "dossier", url: SEED.dossier },
    { kind: "article in a dossier", url: SEED.article },
    { kind: "article", url: urlOf(files.find((f) => !f.startsWith("il-punto/") && isArticle(out, f)) ?? "missing-article") },
    { kind: "term index", url: "/tag/" },
    { kind: "dossier index", url: "/il-punto/" },
    { kind: "page", url: "/chi-siamo/" },
    { kind: "404", url: "/404.html" },
    { kind: "search", url: "/cerca/?q=comuni&area=Anziani" },
  ];
  for (const p of pages) {
    const pathOnly = p.url.split("?")[0] ?? p.url;
    const file = pathOnly.endsWith("/") ? `${pathOnly.slice(1)}index.html` : pathOnly.slice(1);
    if (!existsSync(path.join(out, file))) throw new Error(`The ${p.kind} page ${p.url} is not in the build`);
  }
  return pages;
}
