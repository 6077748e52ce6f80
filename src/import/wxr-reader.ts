import { createReadStream } from "node:fs";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { ImportError, asImportError } from "./errors.ts";
import type { WxrAuthor, WxrChannel, WxrEvent, WxrItem, WxrItemTerm, WxrMeta, WxrTerm } from "./wxr-types.ts";

/**
 * Streams a WXR export: channel header, authors, terms, then one event per
 * `<item>`, each as soon as its closing tag is read. Only the item being read
 * is held in memory, so a 200 MB export costs what its largest post costs.
 * WXR 1.1 and 1.2 differ in their namespace URIs; elements are matched by
 * namespace (wp, excerpt, content, dc), whatever the version in the URI.
 */
export async function* readWxr(file: string): AsyncGenerator<WxrEvent> {
  const reader = new WxrReader(file);
  try {
    const stream = createReadStream(file, { encoding: "utf8", highWaterMark: 64 * 1024 });
    for await (const chunk of stream) {
      reader.write(chunk as string);
      yield* reader.drain();
    }
    reader.close();
  } catch (error) {
    throw asImportError(file, error);
  }
  yield* reader.drain();
}

/** Namespace URI → the prefix WordPress uses for it. */
function prefixOf(uri: string): string {
  if (uri === "") return "";
  if (/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/$/.test(uri)) return "excerpt";
  if (/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/$/.test(uri)) return "wp";
  if (uri === "http://purl.org/rss/1.0/modules/content/") return "content";
  if (uri === "http://purl.org/dc/elements/1.1/") return "dc";
  return uri;
}

function qualifiedName(tag: SaxesTagNS): string {
  const prefix = prefixOf(tag.uri);
  return prefix === "" ? tag.local : `${prefix}:${tag.local}`;
}

type Fields = Map<string, string>;

const TERM_ELEMENTS = new Set(["wp:category", "wp:tag", "wp:term"]);

class WxrReader {
  private readonly parser: SaxesParser<{ xmlns: true; fileName: string }>;
  private readonly stack: string[] = [];
  private text: string[] = [];
  private readonly ready: WxrEvent[] = [];
  private readonly channel: WxrChannel = {
    title: "", link: "", description: "", language: "", version: "", baseSiteUrl: "", baseBlogUrl: "",
  };
  private channelSent = false;
  private record: Fields | undefined;
  private item: { fields: Fields; terms: WxrItemTerm[]; meta: WxrMeta[]; comments: number; line: number } | undefined;
  private category: { domain: string; nicename: string } | undefined;
  private meta: Fields | undefined;
  /** Items read so far, and the ids given: an item's identity never depends on another's. */
  private position = 0;
  private readonly ids = new Set<number>();
  /** Depth of a `<wp:comment>` being skipped (its text is not kept). */
  private skipDepth = 0;

  constructor(private readonly file: string) {
    this.parser = new SaxesParser({ xmlns: true, fileName: file });
    this.parser.on("opentag", (tag) => this.openTag(tag));
    this.parser.on("closetag", (tag) => this.closeTag(tag));
    this.parser.on("text", (text) => this.addText(text));
    this.parser.on("cdata", (text) => this.addText(text));
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  close(): void {
    this.parser.close();
    if (!this.channel.version) throw this.notWxr();
    this.sendChannel();
  }

  *drain(): Generator<WxrEvent> {
    while (this.ready.length > 0) yield this.ready.shift() as WxrEvent;
  }

  private notWxr(): ImportError {
    return new ImportError(this.file, "not a WordPress export (no <wp:wxr_version> in its channel; export it again from Tools → Export)");
  }

  private addText(text: string): void {
    if (this.skipDepth === 0) this.text.push(text);
  }

  private sendChannel(): void {
    if (this.channelSent) return;
    this.channelSent = true;
    this.ready.push({ kind: "channel", channel: { ...this.channel } });
  }

  private openTag(tag: SaxesTagNS): void {
    const name = qualifiedName(tag);
    const parent = this.stack[this.stack.length - 1];
    this.stack.push(name);
    this.text = [];
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    if (parent === undefined && name !== "rss") {
      throw new ImportError(this.file, `not a WordPress export (its root element is <${tag.name}>, not <rss>)`);
    }
    if (parent === "channel") {
      if (name === "item") {
        if (!this.channel.version) throw this.notWxr();
        this.sendChannel();
        this.item = { fields: new Map(), terms: [], meta: [], comments: 0, line: this.parser.line };
      } else if (name === "wp:author" || TERM_ELEMENTS.has(name)) {
        this.record = new Map();
      }
    } else if (parent === "item" && this.item) {
      if (name === "wp:comment") {
        this.item.comments++;
        this.skipDepth = 1;
      } else if (name === "category") {
        const attribute = (key: string): string => tag.attributes[key]?.value ?? "";
        this.category = { domain: attribute("domain"), nicename: attribute("nicename") };
      } else if (name === "wp:postmeta") {
        this.meta = new Map();
      }
    }
  }

  private closeTag(tag: SaxesTagNS): void {
    const name = this.stack.pop() ?? qualifiedName(tag);
    const parent = this.stack[this.stack.length - 1];
    const value = this.text.join("");
    this.text = [];
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    if (parent === "channel") this.closeInChannel(name, value);
    else if (parent === "item") this.closeInItem(name, value);
    else if (parent === "wp:postmeta") this.meta?.set(name, value);
    else if (parent === "wp:author" || (parent !== undefined && TERM_ELEMENTS.has(parent))) {
      this.record?.set(name, value.trim());
    }
  }

  private closeInChannel(name: string, value: string): void {
    const text = value.trim();
    switch (name) {
      case "title": this.channel.title = text; break;
      case "link": this.channel.link = text; break;
      case "description": this.channel.description = text; break;
      case "language": this.channel.language = text; break;
      case "wp:wxr_version": this.channel.version = text; break;
      case "wp:base_site_url": this.channel.baseSiteUrl = text; break;
      case "wp:base_blog_url": this.channel.baseBlogUrl = text; break;
      case "item": this.finishItem(); break;
      case "wp:author": if (this.record) this.ready.push({ kind: "author", author: toAuthor(this.record) }); break;
      default:
        if (TERM_ELEMENTS.has(name) && this.record) this.ready.push({ kind: "term", term: toTerm(name, this.record) });
    }
  }

  private closeInItem(name: string, value: string): void {
    const item = this.item;
    if (!item) return;
    if (name === "category") {
      // WordPress's own importer reads a <category> without domain as a category.
      if (this.category) item.terms.push({ domain: this.category.domain || "category", nicename: this.category.nicename, name: value.trim() });
      this.category = undefined;
    } else if (name === "wp:postmeta") {
      if (this.meta) item.meta.push({ key: this.meta.get("wp:meta_key")?.trim() ?? "", value: this.meta.get("wp:meta_value") ?? "" });
      this.meta = undefined;
    } else {
      item.fields.set(name, value);
    }
  }

  private finishItem(): void {
    const item = this.item;
    this.item = undefined;
    if (!item) return;
    const f = (key: string): string => (item.fields.get(key) ?? "").trim();
    const n = (key: string): number => Number.parseInt(f(key), 10) || 0;
    this.position++;
    const identity = this.identify(n("wp:post_id"), f("guid"), f("link"));
    this.ids.add(identity.id);
    const parsed: WxrItem = {
      title: f("title"),
      link: f("link"),
      guid: f("guid"),
      creator: f("dc:creator"),
      content: f("content:encoded"),
      excerpt: f("excerpt:encoded"),
      ...identity,
      postDate: f("wp:post_date"),
      postDateGmt: f("wp:post_date_gmt"),
      modified: f("wp:post_modified"),
      modifiedGmt: f("wp:post_modified_gmt"),
      name: f("wp:post_name"),
      status: f("wp:status"),
      parent: n("wp:post_parent"),
      menuOrder: n("wp:menu_order"),
      type: f("wp:post_type"),
      password: f("wp:post_password"),
      attachmentUrl: f("wp:attachment_url"),
      sticky: f("wp:is_sticky") === "1",
      terms: item.terms,
      meta: item.meta,
      comments: item.comments,
      line: item.line,
    };
    this.ready.push({ kind: "item", item: parsed });
  }

  private identify(postId: number, guid: string, link: string): Pick<WxrItem, "id" | "idSource"> {
    if (postId > 0 && !this.ids.has(postId)) return { id: postId, idSource: "post_id" };
    for (const url of [guid, link]) {
      const id = shortlinkId(url);
      if (id !== undefined && !this.ids.has(id)) return { id, idSource: "shortlink" };
    }
    return { id: -this.position, idSource: "position" };
  }
}

/** The post id of a `?p=12` / `?page_id=12` / `?attachment_id=12` URL. */
function shortlinkId(url: string): number | undefined {
  const match = /[?&](?:p|page_id|attachment_id)=(\d+)(?:&|#|$)/.exec(url);
  const id = match ? Number(match[1]) : 0;
  return id > 0 ? id : undefined;
}

function toAuthor(record: Fields): WxrAuthor {
  const f = (key: string): string => record.get(key) ?? "";
  return {
    id: Number.parseInt(f("wp:author_id"), 10) || 0,
    login: f("wp:author_login"),
    email: f("wp:author_email"),
    displayName: f("wp:author_display_name"),
    firstName: f("wp:author_first_name"),
    lastName: f("wp:author_last_name"),
  };
}

/** `<wp:category>` and `<wp:tag>` use their own element names for what `<wp:term>` calls slug, name and description. */
function toTerm(element: string, record: Fields): WxrTerm {
  const f = (key: string): string => record.get(key) ?? "";
  const id = Number.parseInt(f("wp:term_id"), 10) || 0;
  if (element === "wp:category") {
    return { id, taxonomy: "category", slug: f("wp:category_nicename"), name: f("wp:cat_name"), description: f("wp:category_description"), parentSlug: f("wp:category_parent") };
  }
  if (element === "wp:tag") {
    return { id, taxonomy: "post_tag", slug: f("wp:tag_slug"), name: f("wp:tag_name"), description: f("wp:tag_description"), parentSlug: "" };
  }
  return { id, taxonomy: f("wp:term_taxonomy"), slug: f("wp:term_slug"), name: f("wp:term_name"), description: f("wp:term_description"), parentSlug: f("wp:term_parent") };
}
