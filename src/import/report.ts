import type { SkipReason } from "./plan.ts";
import type { WriteOutcome } from "./write.ts";

export interface ImportReport {
  source: string;
  /** The content folder written to; the file names below are relative to it. */
  out: string;
  version: string;
  site: string;
  /** Every item of the export, by post type then status. */
  items: Record<string, Record<string, number>>;
  written: { articles: number; dossiers: number; pages: number; drafts: number };
  files: Record<WriteOutcome, number>;
  /** Files that exist with other content and were not overwritten (no --force). */
  kept: string[];
  skipped: Partial<Record<SkipReason, number>>;
  /** Distinct terms on written items, by Editoriale taxonomy. */
  terms: Record<string, number>;
  termsFile: string;
  termsOutcome: WriteOutcome | "none";
  /** Set when the data folder had no site.json and the import wrote one from the export's channel. */
  siteFile?: string;
  authors: Array<{ login: string; name: string; posts: number }>;
  attachments: number;
  manifestFile: string;
  comments: number;
  rewrittenLinks: number;
  /** With --uploads or --download: files copied into media/, and what could not be found, by file. */
  media?: { source: string; copied: number; missing: Array<{ file: string; sources: string[] }> };
  shortcodes: Array<{ name: string; files: string[] }>;
  /** Old archive URLs that Editoriale's own URLs do not cover: lines for `_redirects`. */
  redirects: string[];
  warnings: string[];
}

const SKIP_WORDS: Record<SkipReason, string> = {
  draft: "draft (import with --drafts)",
  private: "private",
  trash: "trash",
  password: "password-protected",
  attachment: "attachment (in the manifest)",
  type: "other post type",
  status: "other status",
  undated: "no date",
  reserved: "page at a URL the build writes",
};

const TERMS_WORDS: Record<ImportReport["termsOutcome"], string> = {
  none: "nothing to add",
  created: "created",
  unchanged: "unchanged",
  overwritten: "merged",
  kept: "kept",
};

/** "1 dossier", "3 dossiers". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function counts(record: Record<string, number>): string {
  return Object.entries(record).map(([key, n]) => `${key} ${n}`).join(", ");
}

/** Items in the export, written and skipped: the first is always the sum of the others. */
export function accounting(report: ImportReport): { total: number; written: number; skippedTotal: number } {
  const total = Object.values(report.items).reduce((sum, statuses) => sum + Object.values(statuses).reduce((a, b) => a + b, 0), 0);
  const w = report.written;
  const skippedTotal = Object.values(report.skipped).reduce((sum: number, n) => sum + (n ?? 0), 0);
  return { total, written: w.articles + w.dossiers + w.pages, skippedTotal };
}

/** The report as printed at the end of `npm run import`. */
export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  lines.push(`Imported ${report.source} (WXR ${report.version}, ${report.site})`);
  lines.push("Items in the export:");
  for (const [type, statuses] of Object.entries(report.items)) lines.push(`  ${type}: ${counts(statuses)}`);
  const w = report.written;
  lines.push(
    `Written to ${report.out}/: ${plural(w.articles, "article", "articles")}, ${plural(w.dossiers, "dossier", "dossiers")}, ${plural(w.pages, "page", "pages")}` +
      (w.drafts ? ` (${w.drafts} with draft: true)` : ""),
  );
  lines.push(`  files: ${report.files.created} created, ${report.files.unchanged} unchanged, ${report.files.overwritten} overwritten, ${report.files.kept} kept`);
  for (const file of report.kept) lines.push(`  kept (exists with other content; --force overwrites): ${file}`);
  const skipped = Object.entries(report.skipped) as Array<[SkipReason, number]>;
  if (skipped.length) lines.push(`Skipped: ${skipped.map(([reason, n]) => `${SKIP_WORDS[reason]} ${n}`).join(", ")}`);
  const { total, written, skippedTotal } = accounting(report);
  lines.push(`Every item accounted for: ${total} in the export = ${written} written + ${skippedTotal} skipped` + (total === written + skippedTotal ? "" : ` (${total - written - skippedTotal} unaccounted!)`));
  lines.push(`Terms: ${counts(report.terms) || "none"} → ${report.termsFile} (${TERMS_WORDS[report.termsOutcome]})`);
  if (report.siteFile) lines.push(`Site: ${report.siteFile} created from the export (title, url, description, language); check it before publishing`);
  lines.push(`Authors: ${report.authors.map((a) => `${a.name} (${a.login}, ${a.posts})`).join(", ") || "none"}`);
  if (report.media) {
    const from = report.media.source === "download" ? "downloaded from the old site" : `copied from ${report.media.source}`;
    lines.push(`Media: ${plural(report.media.copied, "file", "files")} ${from} into ${report.out}/media/; references rewritten to /media/…`);
    if (report.media.missing.length) {
      lines.push("Media not found (references left pointing at the old site):");
      for (const { file, sources } of report.media.missing) lines.push(`  ${file}: ${sources.join(", ")}`);
    }
  }
  lines.push(
    report.attachments
      ? `Attachments: ${plural(report.attachments, "file", "files")} listed in ${report.manifestFile}` +
          (report.media ? "" : " (not downloaded; images keep their absolute URLs: use --uploads DIR or --download)")
      : "Attachments: none",
  );
  lines.push(`Comments: ${report.comments} ignored`);
  lines.push(`Links rewritten to new URLs: ${report.rewrittenLinks}`);
  if (report.shortcodes.length) {
    lines.push("Shortcodes kept as text:");
    for (const { name, files } of report.shortcodes) lines.push(`  [${name}] in ${files.join(", ")}`);
  }
  if (report.redirects.length) {
    lines.push("Redirects to add (old archive URLs that Editoriale's URLs do not cover):");
    for (const line of report.redirects) lines.push(`  ${line}`);
  }
  lines.push(report.warnings.length ? `Warnings (${report.warnings.length}):` : "Warnings: none");
  for (const warning of report.warnings) lines.push(`  - ${warning}`);
  return lines.join("\n");
}
