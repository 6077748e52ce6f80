/**
 * A percent-encoded text decoded (`povert%C3%A0` → `povertà`), or the text as
 * written when its escapes are malformed (a lone `%` is part of the name).
 */
export function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
