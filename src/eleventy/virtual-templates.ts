import type { Archive, ArchivePage } from "../core/archive.ts";
import { buildFeed } from "../core/feed.ts";
import type { MarkdownRenderer } from "../core/markdown.ts";
import type { ResolvedOptions } from "../core/options.ts";
import { renderRss } from "../core/rss.ts";
import type { TermListing } from "../core/site-model.ts";
import { renderSitemap } from "../core/sitemap.ts";
import type { Theme } from "../../_includes/theme.ts";
import { renderArchivePage } from "../../_includes/layouts/archive.ts";
import { renderTermIndex } from "../../_includes/layouts/term-index.ts";
import { renderNotFound } from "../../_includes/layouts/not-found.ts";
import type { EleventyConfig, PageData } from "./eleventy-config.ts";
import { feedContent } from "./feed-content.ts";

type Data = PageData & Record<string, unknown>;

function themeOf(data: Data): Theme {
  return (data.collections as { editoriale: Theme }).editoriale;
}

/** One paginated virtual template per kind of generated page: archives, feeds, indexes, plus 404, sitemap and robots.txt. */
export function addVirtualTemplates(config: EleventyConfig, options: ResolvedOptions, md: MarkdownRenderer): void {
  const common = { eleventyExcludeFromCollections: true, layout: false };
  const paginated = (collection: string, alias: string) => ({
    ...common,
    pagination: { data: `collections.${collection}`, size: 1, alias },
  });

  config.addTemplate("editoriale/archive.11ty.js", {
    data: { ...paginated("editorialePages", "archivePage"), permalink: (data: Data) => (data.archivePage as ArchivePage).url },
    render: (data) => renderArchivePage(themeOf(data), data.archivePage as ArchivePage),
  });

  const content = feedContent(md, options.site.url);
  const categoryKeys = options.taxonomies.filter((t) => t.key !== "author").map((t) => t.key);
  config.addTemplate("editoriale/feed.11ty.js", {
    data: { ...paginated("editorialeArchives", "archive"), permalink: (data: Data) => (data.archive as Archive).feedUrl },
    render: async (data) => {
      const feed = buildFeed(data.archive as Archive, {
        siteUrl: options.site.url,
        language: options.site.language,
        description: options.site.description,
        size: options.feedSize,
        categoryKeys,
        authorKey: "author",
      });
      const bodies = new Map(await Promise.all(feed.items.map(async (item) => [item.article, await content(item.article)] as const)));
      return renderRss(feed, options.site.timeZone, (item) => bodies.get(item.article) ?? "");
    },
  });

  config.addTemplate("editoriale/index.11ty.js", {
    data: { ...paginated("editorialeIndexes", "listing"), permalink: (data: Data) => (data.listing as TermListing).url },
    render: (data) => renderTermIndex(themeOf(data), data.listing as TermListing),
  });

  config.addTemplate("editoriale/404.11ty.js", {
    data: { ...common, permalink: "/404.html" },
    render: (data) => renderNotFound(themeOf(data)),
  });

  config.addTemplate("editoriale/sitemap.11ty.js", {
    data: { ...common, permalink: "/sitemap.xml" },
    render: (data) => renderSitemap(themeOf(data).model),
  });

  config.addTemplate("editoriale/robots.11ty.js", {
    data: { ...common, permalink: "/robots.txt" },
    render: () => `User-agent: *\nAllow: /\n\nSitemap: ${options.site.url}/sitemap.xml\n`,
  });
}
