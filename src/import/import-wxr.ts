import { access } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { attachmentManifest } from "./attachments.ts";
import { MediaMover, type MediaTarget } from "./media-files.ts";
import { decodeEntities } from "./entities.ts";
import { firstPass, type FirstPass } from "./first-pass.ts";
import { siteHosts, type LinkTargets } from "./links.ts";
import { planImport, reservedPaths, type IndexEntry, type Plan } from "./plan.ts";
import { convertPost } from "./post.ts";
import { archiveRedirects } from "./redirect-hints.ts";
import { plural, type ImportReport } from "./report.ts";
import { starterSite, starterSiteData } from "./site-file.ts";
import { siteOptions } from "./site-options.ts";
import { siteTimeZone } from "./site-time-zone.ts";
import { mapTargets, taxonomyTable, type TaxonomyMap } from "./taxonomy-map.ts";
import { TermIndex } from "./terms.ts";
import { formatTerms, mergeTerms, readTerms, sameTerms } from "./terms-file.ts";
import { writeOutput } from "./write.ts";
import { silentProgress, type Progress } from "../core/progress.ts";
import { PHASES } from "../core/progress-text.ts";
import { readWxr } from "./wxr-reader.ts";
import type { WxrChannel } from "./wxr-types.ts";

export interface ImportOptions {
  /** The WXR export to read. */
  file: string;
  /** Folder the Markdown files are written to. */
  out: string;
  /** Site-data folder: its site.json, editoriale.json and terms.json say the site's taxonomies; terms.json is merged there. */
  data: string;
  /** Attachment manifest; default `wordpress-attachments.json` beside the `out` folder. */
  manifest?: string;
  /** Overwrite files that exist with other content (and terms.json values that differ). */
  force: boolean;
  /** Import drafts, pending and scheduled posts as `draft: true` instead of skipping them. */
  drafts: boolean;
  /** Over the site's own table: WordPress taxonomy (or `author`, the post's author) → one of the site's taxonomy keys (`null`: dropped quietly). */
  taxonomyMap: TaxonomyMap;
  /** WordPress post types imported; pages with children of these types become dossiers. */
  postTypes: readonly string[];
  /** Time zone of the site: dates are written with its offset, and GMT-less dates read in it. */
  timeZone: string;
  /** A copy of wp-content/uploads: the media the site uses are copied from it into `<out>/media/`. */
  uploads?: string;
  /** Fetch the media the site uses from the old site over HTTP instead. */
  download: boolean;
  /** Where reading the export and writing the posts say how far they are (scripts/import.ts: the standard error); silent by default. */
  progress?: Progress;
}

export const defaults = {
  out: "content",
  data: "_data",
  force: false,
  drafts: false,
  download: false,
  taxonomyMap: {},
  postTypes: ["post", "page"],
  timeZone: "Europe/Rome",
} satisfies Omit<ImportOptions, "file">;

/** A path as the report shows it: relative to the working folder when inside it. */
function shown(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside.split(sep).join("/") : resolve(path);
}

/**
 * Imports a WordPress export into Markdown files, site data and an
 * attachment manifest, and says what it did. Two passes over the file: the
 * first decides every file and URL (so links can point forward), the second
 * converts and writes one item at a time.
 */
export async function importWxr(given: Partial<ImportOptions> & { file: string }): Promise<ImportReport> {
  const timeZone = given.timeZone ?? (await siteTimeZone(given.data ?? defaults.data)) ?? defaults.timeZone;
  const options: ImportOptions = { ...defaults, ...given, timeZone };
  const progress = options.progress ?? silentProgress;
  try {
    return await importWith(options, progress);
  } catch (error) {
    progress.abandon();
    throw error;
  }
}

async function importWith(options: ImportOptions, progress: Progress): Promise<ImportReport> {
  const first = await firstPass(options, progress);
  // Everything that can stop the import is read before anything is written.
  const termsFile = join(options.data, "terms.json");
  const existing = await readTerms(termsFile);
  const site = siteOptions(options.data, starterSiteData(first.channel, options.timeZone));
  const table = taxonomyTable(site.taxonomies, site.roles, options.taxonomyMap);
  const terms = new TermIndex(table);
  for (const term of first.terms) terms.addKnown(term);
  const dossiers = site.dossiers && { base: site.dossiers.base, folder: site.dossiers.folder };
  const plan = planImport(first.entries, { ...options, dossiers, reserved: reservedPaths(dossiers, site.taxonomies.map((t) => t.base)) });
  const targets = linkTargets(first.channel, plan);
  const report = emptyReport(options, first);
  const warnings: string[] = [...first.warnings, ...plan.warnings];
  const shortcodes = new Map<string, string[]>();
  const authorPosts = new Map<string, number>();

  const source = options.uploads ? { kind: "uploads" as const, dir: options.uploads } : options.download ? { kind: "download" as const } : undefined;
  const mover = source ? new MediaMover(source, options.out, targets.hosts, first.media) : undefined;
  const failed = new Set<string>();
  const missing = new Map<string, Set<string>>();

  progress.start(PHASES.importWriting, plan.planned.size);
  for await (const event of readWxr(options.file)) {
    if (event.kind !== "item") continue;
    const item = event.item;
    const planned = plan.planned.get(item.id);
    if (!planned) continue;
    const wanted: MediaTarget[] = [];
    const resolve = mover
      ? (url: string): string | undefined => {
          const target = mover.plan(url);
          if (!target) return undefined;
          wanted.push(target);
          return failed.has(target.path) ? undefined : target.sitePath;
        }
      : undefined;
    const context = { authors: first.authors, terms, taxonomies: table, targets, timeZone: options.timeZone, media: first.media, ...(resolve ? { resolve } : {}) };
    let converted = convertPost(item, planned, context);
    if (mover && wanted.length > 0) {
      // Fetched once the body says what it uses; a file that cannot be had leaves its reference as it was, listed.
      let lost = false;
      for (const target of wanted) {
        if (await mover.fetch(target)) continue;
        lost ||= !failed.has(target.path);
        failed.add(target.path);
        missing.set(planned.file, (missing.get(planned.file) ?? new Set()).add(target.url));
      }
      if (lost) converted = convertPost(item, planned, context);
    }
    const outcome = await writeOutput(join(options.out, planned.file), converted.content, options.force);
    report.files[outcome]++;
    if (outcome === "kept") report.kept.push(planned.file);
    report.written[planned.kind === "dossier" ? "dossiers" : planned.kind === "page" ? "pages" : "articles"]++;
    if (planned.draft) report.written.drafts++;
    report.rewrittenLinks += converted.rewrittenLinks;
    for (const name of converted.shortcodes) shortcodes.set(name, [...(shortcodes.get(name) ?? []), planned.file]);
    for (const warning of converted.warnings) warnings.push(`${planned.file}: ${warning}`);
    if (planned.kind === "article" && item.creator) authorPosts.set(item.creator, (authorPosts.get(item.creator) ?? 0) + 1);
    if (mover) progress.note(`${plural(mover.copied.length, "media file", "media files")} copied`);
    progress.advance();
  }
  progress.end();

  for (const reason of plan.skipped.values()) report.skipped[reason] = (report.skipped[reason] ?? 0) + 1;
  report.terms = terms.counts();
  report.shortcodes = [...shortcodes].map(([name, files]) => ({ name, files }));
  report.authors = [...authorPosts]
    .map(([login, posts]) => ({ login, posts, name: decodeEntities(first.authors.get(login)?.displayName ?? "").trim() || login }))
    .sort((a, b) => b.posts - a.posts || a.name.localeCompare(b.name, "it"));
  warnings.push(...terms.warnings());
  for (const { domain, terms: n, posts } of terms.unmappedTaxonomies()) {
    warnings.push(`taxonomy "${domain}" (${plural(n, "term", "terms")} on ${plural(posts, "post", "posts")}) is not mapped and was left out; map it with --map ${domain}=${mapTargets(table)}`);
  }
  warnings.push(...reservedWarnings(plan, first.entries));
  report.redirects = archiveRedirects(table, terms.domains(), report.authors, { nested: terms.nestedTerms(), lost: terms.lostSlugs() });

  const imported = terms.data();
  const merged = mergeTerms(existing, imported, options.force);
  warnings.push(...merged.conflicts);
  // Merging only adds, so it needs no --force; a file that already says it all is left as it is.
  // A data folder without terms.json gets one, empty if need be: a new site starts with none of the samples' terms.
  const termsExist = await fileExists(termsFile);
  if (Object.keys(imported).length > 0 || !termsExist) {
    report.termsOutcome = termsExist && sameTerms(existing, merged.data) ? "unchanged" : await writeOutput(termsFile, formatTerms(merged.data), true);
  }
  const siteFile = join(options.data, "site.json");
  if (!(await fileExists(siteFile))) {
    await writeOutput(siteFile, starterSite(first.channel, options.timeZone), false);
    report.siteFile = shown(siteFile);
  }
  const manifest = options.manifest ?? join(dirname(options.out), "wordpress-attachments.json");
  report.manifestFile = shown(manifest);
  if (first.attachments.length > 0) {
    const outcome = await writeOutput(manifest, attachmentManifest(first.channel.link, first.attachments), options.force);
    if (outcome === "kept") warnings.push(`${report.manifestFile}: exists with other content; not overwritten (use --force)`);
  }
  if (mover && source) {
    report.media = {
      source: source.kind === "uploads" ? shown(source.dir) : "download",
      copied: mover.copied.length,
      missing: [...missing].map(([file, sources]) => ({ file, sources: [...sources] })),
    };
  }
  report.warnings = [...new Set(warnings)];
  return report;
}

async function fileExists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function emptyReport(options: ImportOptions, first: FirstPass): ImportReport {
  return {
    source: options.file,
    out: shown(options.out),
    version: first.channel.version,
    site: first.channel.link || first.channel.baseBlogUrl,
    items: first.items,
    written: { articles: 0, dossiers: 0, pages: 0, drafts: 0 },
    files: { created: 0, unchanged: 0, overwritten: 0, kept: 0 },
    kept: [],
    skipped: {},
    terms: {},
    termsFile: shown(join(options.data, "terms.json")),
    termsOutcome: "none",
    authors: [],
    attachments: first.attachments.length,
    manifestFile: "",
    comments: first.comments,
    rewrittenLinks: 0,
    shortcodes: [],
    redirects: [],
    warnings: [],
  };
}

function linkTargets(channel: WxrChannel, plan: Plan): LinkTargets {
  const newUrls = new Map<number, string>(plan.indexUrls);
  for (const [id, planned] of plan.planned) newUrls.set(id, planned.url);
  return {
    hosts: siteHosts(channel.link, channel.baseBlogUrl, channel.baseSiteUrl),
    oldPaths: plan.oldPaths,
    newUrls,
    skipped: plan.skipped,
  };
}

/** Pages left out because the build writes its own index at their URL: their text needs a new home. */
function reservedWarnings(plan: Plan, entries: readonly IndexEntry[]): string[] {
  return entries
    .filter((entry) => plan.skipped.get(entry.id) === "reserved")
    .map((entry) => `page "${entry.title}" (/${entry.slug}/) not imported: the build writes its own index at that URL; move its text elsewhere if it matters`);
}

