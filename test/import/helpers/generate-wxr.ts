import { createWriteStream } from "node:fs";
import { once } from "node:events";

/**
 * Writes a synthetic WXR 1.2 export of `posts` posts (plus one dossier page
 * for every 100 posts, whose first four posts are its parts), streamed to
 * disk so that the generator itself never holds the export in memory.
 */
export async function writeLargeExport(file: string, posts: number): Promise<void> {
  const out = createWriteStream(file, { encoding: "utf8" });
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Welforum generato</title><link>https://www.welforum.it</link><language>it-IT</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://www.welforum.it</wp:base_site_url><wp:base_blog_url>https://www.welforum.it</wp:base_blog_url>
`);
  for (let a = 0; a < 8; a++) {
    await write(`<wp:author><wp:author_id>${a + 1}</wp:author_id><wp:author_login><![CDATA[autore${a}]]></wp:author_login><wp:author_email>a${a}@example.org</wp:author_email><wp:author_display_name><![CDATA[Autrice Numero ${a}]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>\n`);
  }
  for (let t = 0; t < 40; t++) {
    await write(`<wp:tag><wp:term_id>${t + 1}</wp:term_id><wp:tag_slug><![CDATA[tema-${t}]]></wp:tag_slug><wp:tag_name><![CDATA[Tema ${t}]]></wp:tag_name><wp:tag_description><![CDATA[Descrizione del tema ${t}.]]></wp:tag_description></wp:tag>\n`);
  }
  const dossiers = Math.ceil(posts / 100);
  for (let d = 0; d < dossiers; d++) {
    await write(item({ id: 100_000 + d, type: "page", slug: `dossier-${d}`, parent: 0, order: 0, day: d, link: `il-punto/dossier-${d}/`, body: "<p>Presentazione del dossier.</p>", terms: "" }));
  }
  for (let i = 0; i < posts; i++) {
    const inDossier = i % 100 < 4;
    const paragraphs = Array.from({ length: 6 }, (_, p) => `Paragrafo ${p} dell'articolo ${i}: il welfare locale, i Comuni e il Terzo settore &egrave; un tema su cui tornare, con dati e analisi.\n`).join("\n");
    const body = `${paragraphs}
[caption id="attachment_${i}" width="600"]<img src="https://www.welforum.it/wp-content/uploads/2018/01/img-${i}.jpg" alt="Immagine ${i}" /> Didascalia ${i}[/caption]

<table><thead><tr><th>Anno</th><th>Valore</th></tr></thead><tbody><tr><td>2017</td><td>${i}</td></tr></tbody></table>

Vedi <a href="https://www.welforum.it/articolo-${Math.max(0, i - 1)}/">l'articolo precedente</a>.`;
    const terms = `<category domain="post_tag" nicename="tema-${i % 40}"><![CDATA[Tema ${i % 40}]]></category><category domain="area" nicename="area-${i % 4}"><![CDATA[Area ${i % 4}]]></category>`;
    await write(item({
      id: i + 1, type: "post", slug: `articolo-${i}`, parent: inDossier ? 100_000 + Math.floor(i / 100) : 0, order: i % 100,
      day: i, link: `articolo-${i}/`, body, terms,
    }));
  }
  await write("</channel>\n</rss>\n");
  out.end();
  await once(out, "finish");
}

interface GeneratedItem {
  id: number;
  type: string;
  slug: string;
  parent: number;
  order: number;
  day: number;
  link: string;
  body: string;
  terms: string;
}

function item(it: GeneratedItem): string {
  const date = new Date(Date.UTC(2015, 0, 1, 9, 0, 0) + it.day * 86_400_000 * 0.5);
  const gmt = date.toISOString().slice(0, 19).replace("T", " ");
  return `<item>
<title><![CDATA[Articolo ${it.id} &amp; dintorni]]></title>
<link>https://www.welforum.it/${it.link}</link>
<dc:creator><![CDATA[autore${it.id % 8}]]></dc:creator>
<guid isPermaLink="false">https://www.welforum.it/?p=${it.id}</guid>
<content:encoded><![CDATA[${it.body}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${it.id}</wp:post_id>
<wp:post_date><![CDATA[${gmt}]]></wp:post_date>
<wp:post_date_gmt><![CDATA[${gmt}]]></wp:post_date_gmt>
<wp:post_name><![CDATA[${it.slug}]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_parent>${it.parent}</wp:post_parent>
<wp:menu_order>${it.order}</wp:menu_order>
<wp:post_type><![CDATA[${it.type}]]></wp:post_type>
<wp:post_password><![CDATA[]]></wp:post_password>
${it.terms}
<wp:comment><wp:comment_id>${it.id}</wp:comment_id><wp:comment_content><![CDATA[Un commento.]]></wp:comment_content></wp:comment>
</item>
`;
}
