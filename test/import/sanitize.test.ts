import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { createMarkdown } from "../../src/core/markdown.ts";
import { importWxr } from "../../src/import/index.ts";
import { readMarkdown, tempDir } from "./helpers/tree.ts";

/**
 * Hostile bodies imported through the real importer (WXR → Markdown file),
 * then rendered by the build's own Markdown renderer: nothing that runs
 * script, loads another document or changes where links go may survive in
 * either. `markdown` is the exact body written, so that a sanitizer that
 * drops too much fails too.
 */
const CASES: ReadonlyArray<{ name: string; html: string; markdown: string }> = [
  { name: "onerror-img", html: '<p>Grafico <img src="https://www.welforum.it/g.png" alt="G" onerror="alert(1)"> fine</p>', markdown: "Grafico ![G](https://www.welforum.it/g.png) fine" },
  { name: "onload-iframe", html: '<iframe src="https://www.youtube.com/embed/abcdef123" onload="alert(1)" width="560"></iframe>', markdown: '<iframe src="https://www.youtube-nocookie.com/embed/abcdef123" title="Video" loading="lazy" allowfullscreen=""></iframe>' },
  { name: "vimeo-iframe", html: '<iframe src="https://player.vimeo.com/video/76979871" title="Intervista" onmouseover="x()"></iframe>', markdown: '<iframe src="https://player.vimeo.com/video/76979871?dnt=1" title="Intervista" loading="lazy" allowfullscreen=""></iframe>' },
  { name: "srcdoc", html: '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;" src="https://mappe.example.org/comuni"></iframe>', markdown: "[https://mappe.example.org/comuni](https://mappe.example.org/comuni)" },
  { name: "iframe-javascript", html: '<p>Prima</p><iframe src="javascript:alert(1)"></iframe><p>Dopo</p>', markdown: "Prima\n\nDopo" },
  { name: "href-tab-entity", html: '<p><a href="jav&#x09;ascript:alert(1)">uno</a></p>', markdown: "uno" },
  { name: "href-case-space", html: '<p><a href="  JaVaScRiPt:alert(1)">due</a></p>', markdown: "due" },
  { name: "href-decimal-entity", html: '<p><a href="&#106;&#97;vascript:alert(1)">tre</a></p>', markdown: "tre" },
  { name: "href-newline", html: '<p><a href="java\nscript:alert(1)">quattro</a></p>', markdown: "quattro" },
  { name: "href-vbscript", html: '<p><a href="vbscript:msgbox(1)">cinque</a></p>', markdown: "cinque" },
  { name: "href-data", html: '<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">sei</a></p>', markdown: "sei" },
  { name: "img-data", html: '<p>Logo <img src="data:image/svg+xml;base64,PHN2Zy8+" alt="L"></p>', markdown: "Logo" },
  { name: "svg-xlink", html: '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="10">mappa</text></a></svg>', markdown: "mappa" },
  { name: "meta-refresh", html: '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>Testo</p>', markdown: "Testo" },
  { name: "base-href", html: '<base href="https://evil.example/"><p><a href="/chi-siamo/">Chi siamo</a></p>', markdown: "[Chi siamo](/chi-siamo/)" },
  { name: "math-style", html: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math><p>Dopo</p>", markdown: "<table></table>\n\nDopo" },
  { name: "math-href", html: '<p><math href="javascript:alert(1)"><mi>x</mi></math> e y</p>', markdown: "x\n\ne y" },
  { name: "nested-script", html: "<p>A<scr<script>ipt>alert(1)</script>B</p>", markdown: "Aipt>alert(1)\n\nB" },
  { name: "escaped-tag-text", html: "<p>&lt;img src=x onerror=alert(1)&gt; e &amp;lt;b&amp;gt;</p>", markdown: "&lt;img src=x onerror=alert(1)> e &amp;lt;b&amp;gt;" },
  { name: "form-object-embed", html: '<form action="javascript:x()"><input value="1"><button formaction="javascript:y()">Invia</button></form><object data="x.swf"><embed src="x.swf">Contenuto</object>', markdown: "Invia Contenuto" },
  { name: "table-handlers", html: '<figure class="wp-block-table"><table style="width:100%"><tr><td onclick="x()">1</td></tr></table><figcaption onmouseover="y()">Dati</figcaption></figure>', markdown: "<figure><table><tbody><tr><td>1</td></tr></tbody></table><figcaption>Dati</figcaption></figure>" },
  { name: "video-poster", html: '<video src="https://www.welforum.it/v.mp4" poster="javascript:alert(1)" onplay="x()" controls></video>', markdown: '<video src="https://www.welforum.it/v.mp4" controls=""></video>' },
  { name: "shortcode-attribute", html: '<p>[modulo titolo="<img src=x onerror=alert(1)>"]</p>', markdown: '[modulo titolo="<img src="x" />"]' },
  { name: "safe-link-kept", html: '<p><a href="https://www.istat.it/" onclick="x()" target="_blank">Istat</a> e <a href="mailto:redazione@welforum.it">scrivi</a></p>', markdown: "[Istat](https://www.istat.it/) e [scrivi](mailto:redazione@welforum.it)" },
];

function item(id: number, slug: string, body: string): string {
  return `<item><title>Caso ${id}</title><link>https://www.welforum.it/${slug}/</link><dc:creator>redazione</dc:creator>
<guid isPermaLink="false">https://www.welforum.it/?p=${id}</guid><content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[Sintesi.]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date>2019-05-0${(id % 9) + 1} 10:00:00</wp:post_date><wp:post_date_gmt>2019-05-0${(id % 9) + 1} 08:00:00</wp:post_date_gmt>
<wp:post_name>${slug}</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order>
<wp:post_type>post</wp:post_type><wp:post_password></wp:post_password></item>\n`;
}

async function hostileExport(dir: string): Promise<string> {
  const file = join(dir, "hostile.xml");
  await writeFile(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Welforum</title><link>https://www.welforum.it</link><language>it-IT</language><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://www.welforum.it</wp:base_site_url><wp:base_blog_url>https://www.welforum.it</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>redazione</wp:author_login><wp:author_display_name>Redazione Welforum</wp:author_display_name></wp:author>
${CASES.map((c, index) => item(index + 1, c.name, c.html)).join("")}</channel></rss>\n`,
  );
  return file;
}

const FORBIDDEN_ELEMENTS = new Set(["script", "style", "meta", "base", "form", "input", "button", "object", "embed", "svg", "math", "link", "textarea", "frame", "frameset"]);
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "poster", "cite", "data", "background"];
const EMBED_HOSTS = new Set(["www.youtube-nocookie.com", "player.vimeo.com"]);

/** What a browser would make of a URL's scheme: control characters and spaces ignored, case folded. */
function scheme(url: string): string {
  return /^([a-z][a-z0-9+.-]*):/.exec(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase())?.[1] ?? "";
}

function problems(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll("*")) {
    const tag = element.rawTagName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(tag)) found.push(`<${tag}>`);
    for (const [name, value] of Object.entries(element.attributes)) {
      const key = name.toLowerCase();
      if (key.startsWith("on") || key === "srcdoc" || key === "style") found.push(`${tag}[${key}]`);
      if (URL_ATTRIBUTES.includes(key) && ["javascript", "vbscript", "data", "file"].includes(scheme(value))) found.push(`${tag}[${key}=${value}]`);
    }
    if (tag === "iframe") {
      const src = element.getAttribute("src") ?? "";
      if (!EMBED_HOSTS.has(new URL(src, "https://x.invalid").hostname)) found.push(`iframe from ${src}`);
    }
  }
  return found;
}

test("sanitizer: hostile bodies leave no handler, srcdoc, script URL or foreign iframe in the Markdown or in the built HTML", async () => {
  const dir = await tempDir("sanitize");
  const report = await importWxr({ file: await hostileExport(dir), out: join(dir, "content"), data: join(dir, "_data"), timeZone: "Europe/Rome" });
  assert.is(report.written.articles, CASES.length);
  const md = createMarkdown();
  for (const c of CASES) {
    const { body } = await readMarkdown(join(dir, "content/2019", `${c.name}.md`));
    assert.is(body.trim(), c.markdown, c.name);
    assert.not.match(body, /javascript|vbscript|data:|srcdoc|xlink/i, c.name);
    assert.not.match(body, /<[a-z][^>]*\son\w+\s*=|<(script|style|meta|base|svg|math|form|object|embed)\b/i, c.name);
    const html = md.render(body);
    assert.equal(problems(parse(html)), [], `${c.name}: ${html}`);
  }
});

test("sanitizer: a style that only aligned text becomes a class; any other style is dropped and reported by file", async () => {
  const dir = await tempDir("sanitize-style");
  const file = join(dir, "style.xml");
  const body = '<figure style="text-align:center"><img src="https://www.welforum.it/a.png" alt="A"><figcaption style="color:red;font-size:9px">Fonte</figcaption></figure>';
  await writeFile(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Welforum</title><link>https://www.welforum.it</link><wp:wxr_version>1.2</wp:wxr_version>
${item(1, "stile", body)}</channel></rss>\n`,
  );
  const report = await importWxr({ file, out: join(dir, "content"), data: join(dir, "_data"), timeZone: "Europe/Rome" });
  const written = await readMarkdown(join(dir, "content/2019/stile.md"));
  assert.is(written.body.trim(), '<figure class="has-text-align-center"><img src="https://www.welforum.it/a.png" alt="A"><figcaption>Fonte</figcaption></figure>');
  assert.equal(
    report.warnings.filter((warning) => warning.includes("style")),
    ['2019/stile.md: style kept no meaning: <figcaption style="color:red;font-size:9px"> (dropped)'],
  );
});

test.run();
