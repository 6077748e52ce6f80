import { createHash } from "node:crypto";

/**
 * The envelope of a cache file: a first line naming the format and the key
 * the cache was made for (Editoriale's version, Node's major, options…),
 * then the payload's length and hash, then the payload. Opening checks all
 * three, so that a cache from another version or options, a file cut short
 * (half written) or a changed byte is refused, never trusted.
 */
const MAGIC = "editoriale-cache/1";

export type Opened = { payload: Uint8Array } | { refused: string };

/** The header to write before the payload (apart, so that a large payload is never copied to join them). */
export function sealHeader(key: string, payload: Uint8Array): Buffer {
  return Buffer.from(`${MAGIC} ${key} ${payload.byteLength} ${digest(payload)}\n`, "utf8");
}

export function seal(key: string, payload: Uint8Array): Buffer {
  return Buffer.concat([sealHeader(key, payload), payload]);
}

/** The payload, or why the file is refused (words for the one notice line the build prints). */
export function open(bytes: Uint8Array, key: string): Opened {
  const newline = bytes.indexOf(0x0a);
  // A header is a few hundred bytes: anything longer without a line end is not ours.
  if (newline < 0 || newline > 1024) return { refused: "it is not a cache file of this format" };
  const [magic, madeFor, length, hash, ...rest] = Buffer.from(bytes.subarray(0, newline)).toString("utf8").split(" ");
  if (magic !== MAGIC || madeFor === undefined || length === undefined || hash === undefined || rest.length > 0) {
    return { refused: "it is not a cache file of this format" };
  }
  if (madeFor !== key) return { refused: "it was made by another version of Editoriale or Node, or with other options or theme" };
  const payload = bytes.subarray(newline + 1);
  if (String(payload.byteLength) !== length) return { refused: `it is cut short or too long (${payload.byteLength} bytes of ${length}): half written or damaged` };
  if (digest(payload) !== hash) return { refused: "its content does not match its checksum: damaged" };
  return { payload };
}

function digest(payload: Uint8Array): string {
  return createHash("sha256").update(payload).digest("base64url");
}
