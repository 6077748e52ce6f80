import { dictionaries, type Words } from "./words.ts";

/** What a site's language decides: the `lang` attribute, Open Graph's locale, how dates and names are written, the words. */
export interface LanguageSettings {
  /** As the site wrote it (BCP 47, e.g. "it-IT", "en"): `lang`, the feeds' `<language>`, JSON-LD's inLanguage. */
  tag: string;
  /** Its language subtag, lower case: "it". */
  base: string;
  /** Open Graph's `og:locale`: "it_IT", "en_US". */
  ogLocale: string;
  /** The dictionary of this language, or English when Editoriale has none (`known` is then false). */
  words: Words;
  known: boolean;
}

/** The usual country of a language, for Open Graph when the site names none ("en" → en_US). */
const USUAL_REGION: Readonly<Record<string, string>> = {
  it: "IT", en: "US", fr: "FR", de: "DE", es: "ES", pt: "PT", nl: "NL", ca: "ES", sl: "SI", el: "GR", pl: "PL", ro: "RO", sv: "SE", da: "DK",
};

/** Reads `site.language`; a language with no dictionary falls back to the English words (the caller says so in a notice). */
export function languageSettings(tag: string): LanguageSettings {
  const [first = "", ...rest] = tag.trim().split(/[-_]/);
  const base = first.toLowerCase();
  const region = rest.find((part) => /^[A-Za-z]{2}$/.test(part))?.toUpperCase() ?? USUAL_REGION[base];
  const own = dictionaries[base];
  return {
    tag: tag.trim(),
    base,
    ogLocale: region ? `${base}_${region}` : base,
    words: own ?? (dictionaries["en"] as Words),
    known: own !== undefined,
  };
}

/** A valid BCP 47 tag, as the browser and feed readers expect: "it", "it-IT", "en-GB", "pt-BR", "sr-Latn-RS". */
export function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1 && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(tag);
  } catch {
    return false;
  }
}
