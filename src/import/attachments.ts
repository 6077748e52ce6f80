import type { WxrItem } from "./wxr-types.ts";

/** One media file of the old site. Nothing is downloaded: its URL is listed for whoever moves the files. */
export interface AttachmentEntry {
  id: number;
  title: string;
  url: string;
  /** Path under wp-content/uploads (`_wp_attached_file`), when the export has it. */
  file: string;
  /** WordPress id of the post it was uploaded to, 0 if none. */
  parent: number;
}

export function attachmentEntry(item: WxrItem, title: string): AttachmentEntry {
  const file = item.meta.find((meta) => meta.key === "_wp_attached_file")?.value.trim() ?? "";
  return { id: item.id, title, url: item.attachmentUrl || item.guid, file, parent: item.parent };
}

/** The manifest file's text: stable order (as in the export), no dates, so two imports write the same bytes. */
export function attachmentManifest(site: string, attachments: readonly AttachmentEntry[]): string {
  return `${JSON.stringify({ site, attachments }, null, 2)}\n`;
}
