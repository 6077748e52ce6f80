/**
 * The identity of a term: names that differ only in case, accents, apostrophes
 * or spaces ("Terzo settore", "Terzo Settore", "terzo  settore") are one term.
 */
export function termKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`´]/g, "")
    .replace(/\s+/g, "");
}
