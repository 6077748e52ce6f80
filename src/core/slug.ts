import transliterate from "slugify";

/**
 * The longest slug, in characters. WordPress caps post slugs at 200 (`_truncate_post_slug`, called by
 * `wp_unique_post_slug`; its `post_name` column holds 200), so a migrated URL is never longer; it also
 * keeps a slug, as a folder name, well under the 255-byte limit of file systems (ENAMETOOLONG).
 */
export const SLUG_MAX_LENGTH = 200;

/**
 * WordPress-compatible slug (its `sanitize_title`), so that migrated URLs keep
 * working: accents removed, apostrophes, quotes and other punctuation dropped,
 * "." and "/" turned into "-", spaces and dashes collapsed into one "-".
 * At most SLUG_MAX_LENGTH characters (see slugOf).
 * A text with nothing transliterable gives "" — callers turn that into an error.
 */
export function slugify(text: string): string {
  return slugOf(text).slug;
}

/**
 * The slug of a text and whether it had to be shortened. WordPress cuts a long slug at 200 bytes,
 * wherever that falls (then trims a trailing "-"); we cut at the last "-" within 200 characters, so that
 * no word is cut in half (a slug with no "-" there is cut at 200).
 */
export function slugOf(text: string): { slug: string; shortened: boolean } {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  let out = "";
  // Like WordPress, markup and entities are not part of a slug: "<b>Povertà</b>" → "poverta".
  for (const ch of text.normalize("NFC").replace(/<[^>]*>/g, "").replace(/&[a-z0-9#]+;/gi, "")) out += slugChar(ch);
  const full = out.replace(/-+/g, "-").replace(/^-|-$/g, "");
  const result = full.length <= SLUG_MAX_LENGTH ? { slug: full, shortened: false } : { slug: shorten(full), shortened: true };
  cache.set(text, result);
  return result;
}

function shorten(slug: string): string {
  const head = slug.slice(0, SLUG_MAX_LENGTH + 1);
  const cut = head.lastIndexOf("-");
  return (cut > 0 ? head.slice(0, cut) : head.slice(0, SLUG_MAX_LENGTH)).replace(/-+$/, "");
}

const cache = new Map<string, { slug: string; shortened: boolean }>();

/** Characters that WordPress turns into a separator rather than dropping. */
const SEPARATORS = /[\s.\/\-\u2010-\u2015\u2212\u00a0]/u;

/**
 * Characters that show nothing: Hangul fillers (U+115F, U+1160, U+3164, U+FFA0, which Unicode counts
 * as letters), zero-width spaces and joiners, the word joiner, the BOM, variation selectors, and
 * combining marks on their own. A slug of only these is an address nobody can see or type.
 */
export const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{M}\p{Cf}]/u;

function slugChar(ch: string): string {
  if (/[a-z0-9_]/.test(ch)) return ch;
  if (/[A-Z]/.test(ch)) return ch.toLowerCase();
  if (SEPARATORS.test(ch)) return "-";
  if (!/[\p{L}\p{N}]/u.test(ch) || INVISIBLE.test(ch)) return "";
  const bare = ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (/^[a-z0-9]+$/.test(bare)) return bare;
  return transliterate(ch, { lower: true, strict: true });
}

/**
 * What is wrong with a slug written by hand (`slug:`, `dossier:`, a dossier's file name), or undefined.
 * WordPress keeps non-ASCII letters in slugs it imported ("povertà"); such URLs must keep working after
 * a migration, so lower-case letters of any script are allowed, but not invisible ones.
 */
export function slugTextProblem(value: string): string | undefined {
  const shown = JSON.stringify(value);
  if (!/^[\p{Ll}\p{Lo}\p{N}_-]+$/u.test(value) || [...value].some((ch) => INVISIBLE.test(ch))) {
    if (value !== "" && [...value].every((ch) => INVISIBLE.test(ch) || /\s/.test(ch))) {
      return `${shown} is made only of invisible characters, which give an address nobody can see or type`;
    }
    return `${shown} may have only lower-case letters, digits, dashes and underscores`;
  }
  if (!/[\p{Ll}\p{Lo}\p{N}]/u.test(value)) return `${shown} has no letter or digit`;
  if ([...value].length > SLUG_MAX_LENGTH) return `is ${[...value].length} characters long; a slug may have at most ${SLUG_MAX_LENGTH}`;
  // The slug is a folder name in the output: file systems allow 255 bytes (letters of other scripts take 2–4 each).
  const bytes = new TextEncoder().encode(value).length;
  if (bytes > 255) return `is ${bytes} bytes long in UTF-8; a slug, which becomes a folder name, may have at most 255`;
  return undefined;
}
