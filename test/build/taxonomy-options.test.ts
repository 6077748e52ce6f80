import { test } from "uvu";
import * as assert from "uvu/assert";
import { allFiles, buildFixture, feed, page, text } from "../helpers/build.ts";

// test/fixtures/region declares a `region` taxonomy and a region × tag intersection in _data/editoriale.json only.
const build = buildFixture("region");

test("a taxonomy declared in options gets archives, pages, feeds and intersections", () => {
  assert.is(build.status, 0, build.output);
  const files = allFiles(build.out).filter((f) => f.startsWith("regione/"));
  assert.equal(files, [
    "regione/emilia-romagna/feed.xml", "regione/emilia-romagna/index.html",
    "regione/index.html",
    "regione/lombardia/feed.xml", "regione/lombardia/index.html", "regione/lombardia/page/2/index.html",
    "regione/lombardia/tag/comuni/feed.xml", "regione/lombardia/tag/comuni/index.html", "regione/lombardia/tag/comuni/page/2/index.html",
  ]);
  assert.is(text(page(build.out, "/regione/lombardia/").querySelector("h1")), "Regione: Lombardia");
  assert.is(feed(build.out, "regione/lombardia/feed.xml").channel.title, "Piccolo » Lombardia Feed della regione");
  assert.is(page(build.out, "/regione/lombardia/page/2/").querySelector('nav.pager a[rel="prev"]')?.getAttribute("href"), "/regione/lombardia/");
  assert.not.ok(allFiles(build.out).some((f) => f.startsWith("area/")), "taxonomies not declared are not built");
});

const refs = buildFixture("unknown-refs");

test("an unknown dossier and an unknown term stop the build, naming file, field and fix", () => {
  assert.is.not(refs.status, 0);
  assert.match(refs.output, /unknown-refs\/content\/orfano\.md → dossier: there is no dossier “non-esiste”.*Fix: /);
  assert.match(refs.output, /unknown-refs\/content\/area-ignota\.md → area: “Giovani” is not one of the site's .*Fix: .*_data\/terms\.json/);
  assert.not.match(refs.output, /Original error stack trace/);
});

test.run();
