/** What one WordPress eXtended RSS (WXR 1.1 / 1.2) export says, as read from the file. */

/** The `<channel>` header: the site the export came from. */
export interface WxrChannel {
  title: string;
  link: string;
  /** The site's tagline (`<description>`). */
  description: string;
  language: string;
  /** `wp:wxr_version`, e.g. "1.2". */
  version: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
}

/** A `<wp:author>`: the login that `dc:creator` names, and the name readers saw. */
export interface WxrAuthor {
  id: number;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

/** A channel-level term: `<wp:category>`, `<wp:tag>` or `<wp:term>`. */
export interface WxrTerm {
  id: number;
  /** WordPress taxonomy: "category", "post_tag", or a custom one ("area"). */
  taxonomy: string;
  /** WordPress slug as exported (may be percent-encoded). */
  slug: string;
  name: string;
  description: string;
  parentSlug: string;
}

/** A `<category domain nicename>` on an item: one term of one taxonomy. */
export interface WxrItemTerm {
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrMeta {
  key: string;
  value: string;
}

/** One `<item>`: a post, page, attachment, menu item… of any status. */
export interface WxrItem {
  title: string;
  link: string;
  guid: string;
  /** `dc:creator`: the author's login. */
  creator: string;
  content: string;
  excerpt: string;
  /**
   * `wp:post_id`; when the export has none (or `0`, or one already used), the
   * `?p=` of `<guid>`/`<link>`; else minus the item's position (1-based), so
   * that no two items of one export ever share an id. Only a positive id is
   * WordPress's.
   */
  id: number;
  /** Where `id` came from. */
  idSource: "post_id" | "shortlink" | "position";
  postDate: string;
  postDateGmt: string;
  /** Empty in exports made before WordPress 5.7. */
  modified: string;
  modifiedGmt: string;
  /** `wp:post_name` as exported (percent-encoded for non-ASCII slugs). */
  name: string;
  status: string;
  parent: number;
  menuOrder: number;
  type: string;
  password: string;
  attachmentUrl: string;
  /** `wp:is_sticky` (WXR 1.1+): pinned to the top of the home page. */
  sticky: boolean;
  terms: WxrItemTerm[];
  meta: WxrMeta[];
  /** Number of `<wp:comment>` elements. */
  comments: number;
  /** Line of the export where the item starts, for messages. */
  line: number;
}

export type WxrEvent =
  | { kind: "channel"; channel: WxrChannel }
  | { kind: "author"; author: WxrAuthor }
  | { kind: "term"; term: WxrTerm }
  | { kind: "item"; item: WxrItem };
