/**
 * HTML entities as WordPress leaves them in titles, term names and excerpts
 * (`&amp;`, `&#8217;`, `&egrave;`): the XML parser has already undone one
 * level of escaping, these are the HTML level underneath.
 */
const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0",
  hellip: "…", ndash: "–", mdash: "—", lsquo: "‘", rsquo: "’", sbquo: "‚",
  ldquo: "“", rdquo: "”", bdquo: "„", laquo: "«", raquo: "»", lsaquo: "‹", rsaquo: "›",
  bull: "•", middot: "·", euro: "€", pound: "£", yen: "¥", cent: "¢", copy: "©", reg: "®",
  trade: "™", deg: "°", plusmn: "±", times: "×", divide: "÷", para: "¶", sect: "§",
  ordf: "ª", ordm: "º", sup1: "¹", sup2: "²", sup3: "³", frac12: "½", frac14: "¼", frac34: "¾",
  iexcl: "¡", iquest: "¿", shy: "\u00ad", acute: "´", uml: "¨", cedil: "¸", macr: "¯",
  micro: "µ", not: "¬", curren: "¤", brvbar: "¦", dagger: "†", Dagger: "‡", permil: "‰",
  prime: "′", Prime: "″", thinsp: "\u2009", ensp: "\u2002", emsp: "\u2003", zwnj: "\u200c", zwj: "\u200d",
  OElig: "Œ", oelig: "œ", Scaron: "Š", scaron: "š", Yuml: "Ÿ", fnof: "ƒ", circ: "ˆ", tilde: "˜",
  szlig: "ß", AElig: "Æ", aelig: "æ", ETH: "Ð", eth: "ð", THORN: "Þ", thorn: "þ",
  Oslash: "Ø", oslash: "ø", Aring: "Å", aring: "å", Ccedil: "Ç", ccedil: "ç", Ntilde: "Ñ", ntilde: "ñ",
};

// The accented Latin-1 letters follow one pattern: &Agrave; &eacute; &ouml; …
const ACCENTS: Record<string, string> = { grave: "\u0300", acute: "\u0301", circ: "\u0302", tilde: "\u0303", uml: "\u0308" };
for (const base of "AEIOUYaeiouy") {
  for (const [accent, mark] of Object.entries(ACCENTS)) {
    const letter = (base + mark).normalize("NFC");
    if (letter.length === 1) NAMED[base + accent] ??= letter;
  }
}

/** Decodes numeric and named HTML entities; an unknown name is left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** Plain text of an HTML fragment: tags dropped, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  const withoutTags = html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|blockquote)>/gi, " ")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(withoutTags).replace(/[\s\u00a0]+/g, " ").trim();
}
