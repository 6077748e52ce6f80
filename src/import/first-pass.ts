import { attachmentEntry, type AttachmentEntry } from "./attachments.ts";
import { decodeEntities } from "./entities.ts";
import type { MediaItem } from "./media-index.ts";
import { indexEntry, type IndexEntry } from "./plan.ts";
import { silentProgress, type Progress } from "../core/progress.ts";
import { PHASES } from "../core/progress-text.ts";
import { readWxr } from "./wxr-reader.ts";
import type { WxrAuthor, WxrChannel, WxrTerm } from "./wxr-types.ts";

export interface FirstPass {
  channel: WxrChannel;
  authors: Map<string, WxrAuthor>;
  /** The channel's terms (names, slugs, descriptions), for the term index once the site's taxonomies are known. */
  terms: WxrTerm[];
  entries: IndexEntry[];
  attachments: AttachmentEntry[];
  /** Attachments by id, with their alt text. */
  media: Map<number, MediaItem>;
  items: Record<string, Record<string, number>>;
  comments: number;
  warnings: string[];
}

/** Reads the export once for what decides files and URLs; nothing is written if the file is broken. */
export async function firstPass(options: { file: string; timeZone: string }, progress: Progress = silentProgress): Promise<FirstPass> {
  const pass: FirstPass = {
    channel: { title: "", link: "", description: "", language: "", version: "", baseSiteUrl: "", baseBlogUrl: "" },
    authors: new Map(), terms: [], entries: [], attachments: [], media: new Map(), items: {}, comments: 0, warnings: [],
  };
  const warn = (message: string): void => void pass.warnings.push(message);
  const unidentified = { shortlink: 0, position: 0 };
  // The export is streamed: how many items it holds is known only at its end. The phase is said from the
  // first item, so that a file that is no export at all gets its one line of error and nothing else.
  let counting = false;
  const count = () => {
    if (!counting) progress.start(PHASES.importReading);
    counting = true;
  };
  for await (const event of readWxr(options.file)) {
    if (event.kind === "channel") pass.channel = event.channel;
    else if (event.kind === "author") pass.authors.set(event.author.login, event.author);
    else if (event.kind === "term") pass.terms.push(event.term);
    else {
      const item = event.item;
      const byStatus = (pass.items[item.type || "(none)"] ??= {});
      byStatus[item.status || "(none)"] = (byStatus[item.status || "(none)"] ?? 0) + 1;
      pass.comments += item.comments;
      if (item.idSource !== "post_id") unidentified[item.idSource]++;
      if (item.type === "attachment") {
        const entry = attachmentEntry(item, decodeEntities(item.title).trim());
        pass.attachments.push(entry);
        const alt = decodeEntities(item.meta.find((meta) => meta.key === "_wp_attachment_image_alt")?.value ?? "").trim();
        pass.media.set(item.id, { id: item.id, url: entry.url, file: entry.file, alt, parent: item.parent });
      }
      pass.entries.push(indexEntry(item, options.timeZone, warn));
      count();
      progress.advance();
    }
  }
  count();
  progress.end();
  const missing = unidentified.shortlink + unidentified.position;
  if (missing > 0) {
    warn(
      `${missing} ${missing === 1 ? "item has" : "items have"} no usable wp:post_id (missing, 0 or repeated): ` +
        `${unidentified.shortlink} identified by the ?p= of their guid or link, ${unidentified.position} by their position in the export (no wp_id written for those)`,
    );
  }
  if (!["1.1", "1.2"].includes(pass.channel.version)) {
    warn(`WXR version ${pass.channel.version}: only 1.1 and 1.2 are tested; check authors and dates`);
  }
  return pass;
}
