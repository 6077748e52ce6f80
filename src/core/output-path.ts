/**
 * The file a URL path is written to, under the output folder:
 * `/tag/comuni/` → `tag/comuni/index.html`, `/feed.xml` → `feed.xml`, `/` → `index.html`.
 */
export function outputPath(url: string): string {
  const relative = url.charCodeAt(0) === 47 ? url.replace(/^\/+/, "") : url;
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}
