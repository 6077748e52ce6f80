import { hash } from "node:crypto";
import type { Archive, ArchivePage } from "../core/archive.ts";
import type { Article } from "../core/article.ts";
import type { Dossier } from "../core/dossier.ts";
import type { Feed } from "../core/feed.ts";
import { relatedByRoles, relatedCandidates } from "../core/related.ts";
import { articleOrigin, knownBodyOf, signatureMemoOf } from "../core/site-model.ts";
import type { SitemapEntry } from "../core/sitemap.ts";
import type { Term } from "../core/terms.ts";
import { html } from "../core/html.ts";
import type { ThemeContext as Theme } from "../core/theme-contract.ts";

/**
 * What one build's outputs show, in short: a signature per page or feed, built
 * from the model data it is rendered from. Two builds giving an output the
 * same signature give it the same content, so a rebuild renders only the
 * outputs whose signature changed (see `outputWriter`).
 */
export interface BuildSignatures {
  /** Undefined when the article page is always rendered (a part it uses is the site's own: see CHROME_PARTS). */
  article(article: Article): string | undefined;
  /** Undefined for pages always rendered: the home's first page (side column) and dossiers (presentation). */
  archivePage(page: ArchivePage): string | undefined;
  feed(archive: Archive, feed: Feed): string;
  /**
   * What an article's feed `<item>` shows (its data, terms and body), in short: the key it is kept under between
   * builds (feed-item-pack.ts). Undefined when its body may show an image (its made files are written by a render).
   */
  feedItem(article: Article): string | undefined;
  /** The sitemap shows its entries, in the site's URL and time zone: nothing of the theme. */
  sitemap(entries: readonly SitemapEntry[]): string;
}

/**
 * Gives each version of each article's data and body, and of the site's chrome
 * (head, header, footer), a token: a short hash of its text. Signatures are
 * lists of these tokens, the same in every process for the same texts, so
 * that they can be compared with those of an earlier build, in this process
 * (`npm start`) or in the build cache (`npm run build`, `across.processes`).
 */
export function signatureKeeper(across: { processes: boolean } = { processes: false }) {
  // Across processes each text is numbered once per build: remembering it would only hold memory.
  const remember = !across.processes;
  const stamps = new Versions(remember);
  const bodies = new Versions(remember);
  const terms = new Versions(remember);
  const chromes = new Versions(remember);
  const heads = new Versions(remember);
  /**
   * The token of articleStamp, by the article's origin: an unchanged file's stamp is not made again, in this
   * process nor, through the memo its host keeps with the file (the build cache), in the next one. The slug
   * and URL are the only fields the origin does not fix (a shortened slug taken by an older article gets
   * `-2`: unique-slugs.ts), so they are part of the stamp as they are in this build.
   */
  const ownStamps = new WeakMap<object, string>();
  const ownStamp = (article: Article): string => {
    const origin = articleOrigin(article);
    let stamp = origin && ownStamps.get(origin);
    if (stamp === undefined) {
      const memo = signatureMemoOf(article);
      stamp = memo?.stamp ?? hash("sha1", articleStamp(article), "base64url").slice(0, 16);
      if (memo) memo.stamp = stamp;
      if (origin) ownStamps.set(origin, stamp);
    }
    return `${stamp}\t${article.slug}\t${article.url}`;
  };
  /** What a related-articles candidate list says of an article: its file, date and URL (by origin, as above). */
  const candidateTokens = new WeakMap<object, string>();
  const candidateToken = (article: Article): string => {
    const origin = articleOrigin(article);
    let token = origin && candidateTokens.get(origin);
    if (token === undefined) {
      token = `${article.file}\t${article.date.getTime()}\t${article.url}`;
      if (origin) candidateTokens.set(origin, token);
    }
    return token;
  };
  /** Each article's related articles (files) and the candidate lists they came from, at the last build. */
  let relatedBefore = new Map<string, { key: string; files: string[] }>();
  return (theme: Theme): BuildSignatures => {
    // The chrome: an empty page in the document (site name, navigation, footer lists, stylesheet, words) as this build's parts draw it.
    const chrome = chromes.token("chrome", theme.parts.document(theme, { title: "", description: "", url: "/", ogType: "website" }, html``));
    const { options } = theme.model;
    const [byRole, thenRole] = options.roles.related;
    const termNumbers = new Map<Term, string>();
    const termNumber = (term: Term): string => {
      let n = termNumbers.get(term);
      if (n === undefined) termNumbers.set(term, (n = terms.token(`${term.taxonomy.key}\u0000${term.key}`, termStamp(term))));
      return n;
    };
    const taxonomyKeys = options.taxonomies.map((t) => t.key);
    const termsOf = (byKey: Record<string, Term[]>): string => {
      let text = "";
      for (const key of taxonomyKeys) {
        text += ";";
        for (const term of byKey[key] ?? []) text += `${termNumber(term)},`;
      }
      return text;
    };
    const articleNumbers = new Map<Article, string>();
    const numberOf = (article: Article): string => {
      let n = articleNumbers.get(article);
      if (n === undefined) articleNumbers.set(article, (n = stamps.token(article.file, `${ownStamp(article)}|${termsOf(article.terms)}`)));
      return n;
    };
    // A body the content reader knows by its file's hash is not read (nor decoded) to be numbered.
    const bodyOf = (article: Article): string => knownBodyOf(article)?.token ?? bodies.token(article.file, article.markdown);
    /** A feed item shows the article's data and its body. */
    const itemKeys = new Map<Article, string>();
    const itemKey = (article: Article): string => {
      let key = itemKeys.get(article);
      if (key === undefined) itemKeys.set(article, (key = `${numberOf(article)}:${bodyOf(article)}`));
      return key;
    };

    // Related articles are computed again only for an article one of whose candidate lists changed.
    const relatedLast = relatedBefore;
    const relatedNow = new Map<string, { key: string; files: string[] }>();
    relatedBefore = relatedNow;
    const headNumbers = new Map<Term, string>();
    const headNumber = (term: Term): string => {
      let n = headNumbers.get(term);
      if (n === undefined) {
        const text = relatedCandidates(term).map(candidateToken).join("\n");
        headNumbers.set(term, (n = heads.token(`${term.taxonomy.key}\u0000${term.key}`, text)));
      }
      return n;
    };
    const relatedOf = (article: Article): string[] => {
      let key = "";
      for (const term of (thenRole && article.terms[thenRole.key]) || []) key += `${headNumber(term)},`;
      key += "|";
      for (const term of (byRole && article.terms[byRole.key]) || []) key += `${headNumber(term)},`;
      // Across processes, the last build's result is the one kept with the file (the build cache).
      const memo = signatureMemoOf(article);
      const known = relatedLast.get(article.file) ?? (memo?.key !== undefined && memo.files ? { key: memo.key, files: memo.files } : undefined);
      const files = known?.key === key ? known.files : relatedByRoles(article, options.roles, options.relatedCount).map((r) => r.file);
      relatedNow.set(article.file, { key, files });
      if (memo) {
        memo.key = key;
        memo.files = files;
      }
      return files.map((file) => {
        const other = theme.model.byFile.get(file);
        return other ? numberOf(other) : "";
      });
    };
    const archiveStamps = new Map<Archive, string>();
    const archiveStamp = (archive: Archive): string => {
      let stamp = archiveStamps.get(archive);
      if (stamp === undefined) {
        const own = JSON.stringify({ ...archive, articles: undefined, dossier: undefined, term: undefined, terms: undefined });
        // As a token: every page and the feed of the archive carry it, and each signature is hashed whole.
        stamp = hash("sha1", `${own}|${archive.term ? termNumber(archive.term) : ""}|${archive.terms.map(termNumber).join(",")}`, "base64url").slice(0, 16);
        archiveStamps.set(archive, stamp);
      }
      return stamp;
    };
    const dossierStamps = new Map<Dossier, string>();
    const dossierStamp = (dossier: Dossier): string => {
      let stamp = dossierStamps.get(dossier);
      if (stamp === undefined) {
        stamp = `${JSON.stringify({ ...dossier, parts: undefined, markdown: undefined })}|${dossier.parts.map(numberOf).join(",")}`;
        dossierStamps.set(dossier, stamp);
      }
      return stamp;
    };
    const feedSignature = (archive: Archive, feed: Feed): string => {
      const channel = JSON.stringify({ ...feed, items: undefined });
      let items = "";
      for (const item of feed.items) items += `${itemKey(item.article)},`;
      return `${archiveStamp(archive)}|${channel}|${items}`;
    };
    // A part the site replaced may read anything of the model: the pages it draws are rendered every time, never served
    // stale. The chrome's parts are drawn into `chrome` above, so their replacements are seen by every signature.
    const sitemapSignature = (entries: readonly SitemapEntry[]): string => {
      let text = `${options.site.url}|${options.site.timeZone}`;
      for (const entry of entries) text += `\n${entry.loc}\t${entry.lastmod?.getTime() ?? ""}`;
      return text;
    };
    const feedItem = (article: Article): string | undefined => ((knownBodyOf(article)?.mayShowImage ?? mayShowImage(article.markdown)) ? undefined : itemKey(article));
    const replaced = Object.keys(options.theme).some((part) => !CHROME_PARTS.has(part));
    if (replaced) return { article: () => undefined, archivePage: () => undefined, feed: feedSignature, feedItem, sitemap: sitemapSignature };
    return {
      article(article) {
        // The made files of a body's images are written only when its page or a feed renders it
        // (responsive-images.ts knows a body's images from its last render, in this process only):
        // across processes such a page is always rendered, so that its images are written too.
        if (across.processes && (knownBodyOf(article)?.mayShowImage ?? mayShowImage(article.markdown))) return undefined;
        const dossier = article.dossier ? theme.model.dossierBySlug.get(article.dossier) : undefined;
        return `${chrome}|${numberOf(article)}|${bodyOf(article)}|${dossier ? dossierStamp(dossier) : ""}|${relatedOf(article).join(",")}`;
      },
      archivePage(page) {
        const { archive } = page;
        if (archive.kind === "dossier" || (archive.kind === "home" && page.page.pageNumber === 1)) return undefined;
        const { pageNumber, totalPages, start, total, items } = page.page;
        return `${chrome}|${archiveStamp(archive)}|${pageNumber}/${totalPages}/${start}/${total}|${page.prevUrl}|${page.nextUrl}|${items.map(numberOf).join(",")}`;
      },
      feed: feedSignature,
      feedItem,
      sitemap: sitemapSignature,
    };
  };
}

/** Parts drawn on every page alike (document, header, footer): the chrome's signature covers them, replaced or not. */
const CHROME_PARTS: ReadonlySet<string> = new Set(["document", "header", "footer"]);

/**
 * A short hash of each distinct text: the same text gives the same token in
 * every process, so that signatures can be kept between builds (the build
 * cache, build-cache.ts). The key is kept for readability of the callers; the
 * token depends on the text only. In a process that builds again, the last text
 * of each key is remembered, so that an unchanged text is not hashed again.
 */
class Versions {
  private readonly current = new Map<string, { text: string; token: string }>();
  /** `remember`: keep each key's last text and token (a process that builds again: `npm start`). */
  constructor(private readonly remember: boolean) {}
  token(key: string, text: string): string {
    const known = this.current.get(key);
    if (known && known.text === text) return known.token;
    // One call, no Hash object: a build makes tens of thousands of tokens of short texts.
    const token = hash("sha1", text, "base64url").slice(0, 16);
    if (this.remember) this.current.set(key, { text, token });
    return token;
  }
}

/** Fields of an article the stamp leaves out: numbered apart (the body, the terms) or added by each build (slug, URL). */
const NOT_STAMPED: ReadonlySet<string> = new Set(["markdown", "terms", "slug", "url"]);

/**
 * Everything an article shows of itself but its body (numbered apart), its
 * terms (numbered one by one), its slug and URL (which the site model may
 * change: see ownStamp), as text. Generic on purpose: a field added to
 * Article is part of it without a change here.
 */
export function articleStamp(article: Article): string {
  // Not a spread: that would read `markdown`, which may be decoded only when read (content-files.ts).
  const shown: Record<string, unknown> = {};
  for (const key of Object.keys(article) as Array<keyof Article>) if (!NOT_STAMPED.has(key)) shown[key] = article[key];
  return JSON.stringify(shown);
}

/** Whether a body may show an image, written in Markdown or HTML: a cheap test that errs on the side of yes. */
export function mayShowImage(markdown: string): boolean {
  return markdown.includes("![") || /<img|<picture|<source/i.test(markdown);
}

/** What a page can show of a term. */
function termStamp(term: Term): string {
  return JSON.stringify([term.name, term.slug, term.url, term.description, term.bio]);
}
