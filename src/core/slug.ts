import transliterate from "slugify";

/**
 * WordPress-compatible slug (its `sanitize_title`), so that migrated URLs keep
 * working: accents removed, apostrophes, quotes and other punctuation dropped,
 * "." and "/" turned into "-", spaces and dashes collapsed into one "-".
 * A text with nothing transliterable gives "" — callers turn that into an error.
 */
export function slugify(text: string): string {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  let out = "";
  // Like WordPress, markup and entities are not part of a slug: "<b>Povertà</b>" → "poverta".
  for (const ch of text.normalize("NFC").replace(/<[^>]*>/g, "").replace(/&[a-z0-9#]+;/gi, "")) out += slugChar(ch);
  const slug = out.replace(/-+/g, "-").replace(/^-|-$/g, "");
  cache.set(text, slug);
  return slug;
}

const cache = new Map<string, string>();

/** Characters that WordPress turns into a separator rather than dropping. */
const SEPARATORS = /[\s.\/\-\u2010-\u2015\u2212\u00a0]/u;

function slugChar(ch: string): string {
  if (/[a-z0-9_]/.test(ch)) return ch;
  if (/[A-Z]/.test(ch)) return ch.toLowerCase();
  if (SEPARATORS.test(ch)) return "-";
  if (!/[\p{L}\p{N}]/u.test(ch)) return "";
  const bare = ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (/^[a-z0-9]+$/.test(bare)) return bare;
  return transliterate(ch, { lower: true, strict: true });
}
