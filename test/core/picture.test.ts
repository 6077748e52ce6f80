import { test } from "uvu";
import * as assert from "uvu/assert";
import { imagePathProblem, imageSitePath, imageTreatment, localMediaPath } from "../../src/core/image-path.ts";
import { bodyImagePaths, pictureHtml, rewriteBodyImages, type ImageSet } from "../../src/core/picture.ts";

const SET: ImageSet = {
  src: "/media/a.jpg",
  sources: [{ type: "image/webp", files: [{ url: "/img/a-400.webp", width: 400, height: 300, bytes: 10 }, { url: "/img/a-800.webp", width: 800, height: 600, bytes: 20 }] }],
  fallback: { type: "image/jpeg", files: [{ url: "/img/a-400.jpeg", width: 400, height: 300, bytes: 11 }, { url: "/img/a-800.jpeg", width: 800, height: 600, bytes: 21 }] },
};
const SETS = new Map([["/media/a.jpg", SET]]);

test("local media paths: /media/… and media/… are the site's, decoded; anything else is left alone", () => {
  assert.is(localMediaPath("/media/a.jpg"), "/media/a.jpg");
  assert.is(localMediaPath("media/2018/03/a%20b.jpg"), "/media/2018/03/a b.jpg");
  for (const other of ["https://x.example/media/a.jpg", "//x.example/media/a.jpg", "../media/a.jpg", "./media/a.jpg", "/media/../secret.jpg", "/media/a.jpg?w=1", "/media/a.jpg#x", "data:image/png;base64,AA", "/img/a.jpg", "mediateca/a.jpg", "/media/%zz.jpg"]) {
    assert.is(localMediaPath(other), undefined, other);
  }
});

test("featured image paths: relative or site paths inside the content folder; other sites and .. refused with a reason", () => {
  assert.is(imagePathProblem("media/2018/03/lecco.jpg"), undefined);
  assert.is(imagePathProblem("/media/2018/03/lecco.jpg"), undefined);
  assert.is(imageSitePath("media/a.jpg"), "/media/a.jpg");
  assert.is(imageSitePath("/media/a.jpg"), "/media/a.jpg");
  assert.match(imagePathProblem("https://x.example/a.jpg") ?? "", /another site/);
  assert.match(imagePathProblem("//x.example/a.jpg") ?? "", /another site/);
  assert.match(imagePathProblem("media/../../etc/passwd") ?? "", /leaves the content folder/);
  assert.match(imagePathProblem("media\\a.jpg") ?? "", /backslash/);
  assert.match(imagePathProblem("media//a.jpg") ?? "", /empty segment/);
});

test("SVG and GIF pass through; raster photos are made responsive", () => {
  assert.equal(["/m/a.JPG", "/m/a.jpeg", "/m/a.png", "/m/a.webp", "/m/a.svg", "/m/a.gif", "/m/a.pdf"].map(imageTreatment), ["responsive", "responsive", "responsive", "responsive", "as-is", "as-is", "as-is"]);
});

test("the picture: sources then a fallback img with the largest file's size, lazy unless eager", () => {
  assert.is(
    pictureHtml(SET, { alt: "Un \"grafico\"", sizes: "100vw" }).value,
    '<picture><source type="image/webp" srcset="/img/a-400.webp 400w, /img/a-800.webp 800w" sizes="100vw"><img src="/img/a-800.jpeg" srcset="/img/a-400.jpeg 400w, /img/a-800.jpeg 800w" sizes="100vw" width="800" height="600" alt="Un &quot;grafico&quot;" loading="lazy" decoding="async"></picture>',
  );
  assert.match(pictureHtml(SET, { alt: "", sizes: "100vw", eager: true }).value, / alt="" loading="eager" fetchpriority="high"><\/picture>$/);
});

test("body rewrite: double, single and unquoted attributes, entities decoded and escaped again, other attributes kept", () => {
  const body = `<p><img src="/media/a.jpg" alt="A &amp; B"></p>\n<img class='destra' src='media/a.jpg' alt='x' width=10 loading=eager/>\n<img src=/media/a.jpg>`;
  assert.equal(bodyImagePaths(body), ["/media/a.jpg"]);
  const page = rewriteBodyImages(body, SETS, "page", "100vw");
  assert.is(page.split("<picture>").length - 1, 3);
  assert.match(page, /alt="A &amp; B" loading="lazy"/);
  assert.match(page, /height="600" alt="x" class="destra" loading="lazy"/);
  assert.not.match(page, /width="10"|loading="eager"/);
  // No alt written, none invented.
  assert.match(page, /height="600" loading="lazy" decoding="async"><\/picture>$/);
  assert.is(rewriteBodyImages(body, SETS, "feed", "100vw"), `<p><img src="/img/a-800.jpeg" width="800" height="600" alt="A &amp; B"></p>\n<img src="/img/a-800.jpeg" width="800" height="600" alt="x" class="destra">\n<img src="/img/a-800.jpeg" width="800" height="600">`);
});

test("body rewrite leaves alone: comments, an existing <picture>, remote, SVG, images it has no set for, and text that only looks like a tag", () => {
  const body = [
    "<!-- <img src=\"/media/a.jpg\"> -->",
    '<picture><source srcset="/media/a.webp"><img src="/media/a.jpg" alt="già fatto"></picture>',
    '<img src="https://x.example/media/a.jpg" alt="">',
    '<img src="/media/logo.svg" alt="">',
    '<img src="/media/b.jpg" alt="senza set">',
    "<code>&lt;img src=\"/media/a.jpg\"&gt;</code>",
    '<img alt="a > b" src="/media/c.jpg">',
  ].join("\n");
  assert.equal(bodyImagePaths(body), ["/media/b.jpg", "/media/c.jpg"]);
  assert.is(rewriteBodyImages(body, SETS, "page", "100vw"), body);
});

test.run();
