/** What a post body needs to know of the export's attachments: their file, their alt text, their post. */
export interface MediaItem {
  id: number;
  url: string;
  /** `_wp_attached_file`: the path under wp-content/uploads ("2018/03/lecco.jpg"), "" when the export lacks it. */
  file: string;
  alt: string;
  /** The post it was uploaded to (0: none), which `[gallery]` without ids shows. */
  parent: number;
}

export type MediaIndex = ReadonlyMap<number, MediaItem>;

/** One attribute of one HTML tag (decoded by the caller), or undefined. */
export function tagAttribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? "") : undefined;
}
