/**
 * Deterministic synthetic corpus for the performance benchmarks.
 *
 *   generateCorpus({ count: 1000, seed: 1, outDir: "/tmp/corpus" })
 *   npx tsx bench/corpus.ts --count 1000 --out /tmp/corpus [--seed 1]
 *
 * Writes `count` Markdown articles (front matter per docs/content-model.md)
 * under `<outDir>/<year>/<slug>.md` and about one dossier page per 500
 * articles under `<outDir>/<dossiers' folder>/<slug>.md`, each with 3–6 parts
 * (`dossier` + `order` in the parts). Which front-matter field holds the
 * authors, the areas, the section and the tags comes from the site's options
 * (their roles: see `corpusFields`); Welforum's by default. Everything comes from a seeded PRNG of
 * our own (mulberry32) and a hand-written Italian lexicon: the same seed and
 * count give byte-identical files. No clock, no locale, no Math.random.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DateTime } from "luxon";
import { slugify } from "../src/core/slug.ts";
import { resolveOptions, type ResolvedOptions } from "../src/core/options.ts";

// ---------------------------------------------------------------------------
// PRNG

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a label, mixed with the seed: independent sub-streams per concern. */
function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}

/** Sampling by weight with a cumulative table and binary search. */
class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;
  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (const w of weights) {
      sum += w;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }
  index(rng: Rng): number {
    const u = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  pick(rng: Rng): T {
    return this.items[this.index(rng)] as T;
  }
  /** `n` distinct items (n must not exceed the number of items). */
  pickDistinct(rng: Rng, n: number): T[] {
    const seen = new Set<number>();
    const out: T[] = [];
    while (out.length < n) {
      const i = this.index(rng);
      if (seen.has(i)) continue;
      seen.add(i);
      out.push(this.items[i] as T);
    }
    return out;
  }
}

function zipfWeights(n: number, s: number): number[] {
  const w: number[] = [];
  for (let k = 1; k <= n; k++) w.push(1 / Math.pow(k, s));
  return w;
}

// ---------------------------------------------------------------------------
// Italian lexicon (written for this generator)

type Gender = "m" | "f";
interface Noun {
  sg: string;
  pl: string;
  g: Gender;
}
interface Adjective {
  ms: string;
  fs: string;
  mp: string;
  fp: string;
}

/** "singular plural gender" per line. */
const NOUNS: Noun[] = `
servizio servizi m
comune comuni m
ente enti m
rete reti f
famiglia famiglie f
persona persone f
operatore operatori m
cooperativa cooperative f
associazione associazioni f
politica politiche f
misura misure f
progetto progetti m
territorio territori m
regione regioni f
risorsa risorse f
bisogno bisogni m
intervento interventi m
comunità comunità f
città città f
sistema sistemi m
programma programmi m
volontario volontari m
giovane giovani m
anziano anziani m
minore minori m
scuola scuole f
quartiere quartieri m
distretto distretti m
piano piani m
legge leggi f
riforma riforme f
fondo fondi m
bando bandi m
percorso percorsi m
sportello sportelli m
cittadino cittadini m
istituzione istituzioni f
amministrazione amministrazioni f
azienda aziende f
impresa imprese f
casa case f
reddito redditi m
strumento strumenti m
dato dati m
indicatore indicatori m
spesa spese f
processo processi m
modello modelli m
esperienza esperienze f
pratica pratiche f
sfida sfide f
obiettivo obiettivi m
accordo accordi m
tavolo tavoli m
partenariato partenariati m
ambito ambiti m
utente utenti m
studio studi m
ricerca ricerche f
indagine indagini f
lavoratore lavoratori m
caregiver caregiver m
struttura strutture f
opportunità opportunità f
disuguaglianza disuguaglianze f
competenza competenze f
governance governance f
valutazione valutazioni f
finanziamento finanziamenti m
sindacato sindacati m
fondazione fondazioni f
parrocchia parrocchie f
biblioteca biblioteche f
consultorio consultori m
centro centri m
nucleo nuclei m
beneficiario beneficiari m
assistente assistenti m
educatore educatori m
`
  .trim()
  .split("\n")
  .map((line) => {
    const [sg, pl, g] = line.split(" ");
    if (!sg || !pl || (g !== "m" && g !== "f")) throw new Error(`bad noun line: ${line}`);
    return { sg, pl, g };
  });

/** One form (regular inflection) or four forms "ms fs mp fp" per line. */
const ADJECTIVES: Adjective[] = `
sociale
locale
territoriale
regionale
nazionale
comunale
fragile
efficace
sostenibile
universale
stabile
crescente
recente
difficile
innovativo
integrato
condiviso
complesso
diffuso
concreto
adeguato
strutturato
sanitario
educativo
abitativo
partecipato
privato
inclusivo
nuovo
ampio
solidale
economico economica economici economiche
pubblico pubblica pubblici pubbliche
specifico specifica specifici specifiche
lungo lunga lunghi lunghe
comunitario comunitaria comunitari comunitarie
sperimentale
metropolitano
intercomunale
precario
ordinario
`
  .trim()
  .split("\n")
  .map((line) => {
    const forms = line.split(" ");
    if (forms.length === 4) {
      const [ms, fs, mp, fp] = forms as [string, string, string, string];
      return { ms, fs, mp, fp };
    }
    const w = forms[0] ?? "";
    if (w.endsWith("e")) {
      const stem = w.slice(0, -1);
      return { ms: w, fs: w, mp: stem + "i", fp: stem + "i" };
    }
    if (w.endsWith("io")) {
      const stem = w.slice(0, -2);
      return { ms: w, fs: stem + "ia", mp: stem + "i", fp: stem + "ie" };
    }
    if (w.endsWith("o")) {
      const stem = w.slice(0, -1);
      return { ms: w, fs: stem + "a", mp: stem + "i", fp: stem + "e" };
    }
    throw new Error(`bad adjective: ${line}`);
  });

/** "3rd singular|3rd plural". */
const VERBS: Array<[string, string]> = [
  ["rafforza", "rafforzano"],
  ["sostiene", "sostengono"],
  ["coinvolge", "coinvolgono"],
  ["richiede", "richiedono"],
  ["promuove", "promuovono"],
  ["riduce", "riducono"],
  ["accompagna", "accompagnano"],
  ["orienta", "orientano"],
  ["mette in rete", "mettono in rete"],
  ["ridefinisce", "ridefiniscono"],
  ["sperimenta", "sperimentano"],
  ["valorizza", "valorizzano"],
  ["affronta", "affrontano"],
  ["finanzia", "finanziano"],
  ["garantisce", "garantiscono"],
  ["coordina", "coordinano"],
  ["misura", "misurano"],
  ["interroga", "interrogano"],
  ["migliora", "migliorano"],
  ["descrive", "descrivono"],
  ["ha avviato", "hanno avviato"],
  ["ha ridotto", "hanno ridotto"],
  ["ha messo al centro", "hanno messo al centro"],
  ["ha rafforzato", "hanno rafforzato"],
  ["non riesce a raggiungere", "non riescono a raggiungere"],
  ["può sostenere", "possono sostenere"],
  ["dovrebbe includere", "dovrebbero includere"],
  ["tende a sottovalutare", "tendono a sottovalutare"],
];

const CONNECTORS = [
  "Tuttavia,",
  "Inoltre,",
  "In questo quadro,",
  "D’altra parte,",
  "Allo stesso tempo,",
  "In particolare,",
  "Di conseguenza,",
  "Negli ultimi anni,",
  "A livello locale,",
  "In molti territori,",
  "Non a caso,",
  "Per questo,",
  "Eppure,",
];

const ADVERBIALS = [
  "in modo strutturato",
  "con continuità",
  "a livello locale",
  "sempre più spesso",
  "negli ultimi anni",
  "in una logica di rete",
  "con risorse limitate",
  "in tempi brevi",
  "su base regionale",
  "in modo condiviso",
  "anche in assenza di fondi dedicati",
  "con risultati incoraggianti",
  "fin dalla fase di progettazione",
  "oltre la logica dell’emergenza",
];

const PREDICATES_SG = [
  "risultava in condizione di povertà assoluta",
  "ha fatto ricorso ai servizi sociali",
  "dichiarava un bisogno non soddisfatto",
  "si è rivolto a uno sportello del comune",
  "non aveva accesso a una rete di sostegno",
  "viveva in un’abitazione sovraffollata",
];

const MASS_NOUNS = [
  "coprogettazione",
  "welfare comunitario",
  "inclusione",
  "partecipazione",
  "innovazione sociale",
  "cura",
  "amministrazione condivisa",
  "prossimità",
  "integrazione sociosanitaria",
  "contrasto alla povertà",
  "domiciliarità",
  "welfare generativo",
  "accoglienza",
];

const CITIES = [
  "Bergamo", "Brescia", "Lecco", "Bologna", "Firenze", "Genova", "Venezia", "Padova", "Verona",
  "Trento", "Bolzano", "Trieste", "Ancona", "Perugia", "Pescara", "Bari", "Lecce", "Palermo",
  "Catania", "Cagliari", "Sassari", "Reggio Emilia", "Reggio Calabria", "Forlì", "Cesena",
  "Rimini", "Modena", "Parma", "Piacenza", "Cremona", "Mantova", "Pavia", "Como", "Varese",
  "Monza", "Novara", "Biella", "Cuneo", "Bra", "Asti", "Alessandria", "Savona", "La Spezia",
  "Pisa", "Livorno", "Lucca", "Arezzo", "Siena", "Prato", "Pistoia", "Terni", "Rieti",
  "Viterbo", "Latina", "Frosinone", "Caserta", "Salerno", "Avellino", "Benevento", "Potenza",
  "Matera", "Cosenza", "Catanzaro", "Messina", "Siracusa", "Trapani", "Agrigento", "Nuoro",
  "Oristano", "Aosta", "Udine", "Pordenone", "Gorizia", "Treviso", "Vicenza", "Rovigo",
  "Ferrara", "Ravenna", "Sant’Antioco", "Cantù", "Paternò",
];

const REGIONS = [
  "Lombardia", "Piemonte", "Emilia-Romagna", "Toscana", "Veneto", "Friuli Venezia Giulia",
  "Valle d’Aosta", "Trentino-Alto Adige", "Liguria", "Marche", "Umbria", "Lazio", "Abruzzo",
  "Molise", "Campania", "Puglia", "Basilicata", "Calabria", "Sicilia", "Sardegna",
];

/** The head of the tag distribution, most used first. */
const TOP_TAGS = [
  "Comuni", "Terzo settore", "Povertà", "Coprogettazione", "Welfare locale", "Anziani",
  "Non autosufficienza", "Reddito di cittadinanza", "Servizi sociali", "Disabilità", "Minori",
  "Famiglie", "Città metropolitane", "Lavoro", "Casa", "PNRR", "Immigrazione",
  "Salute & benessere", "Regioni", "Volontariato", "Sanità", "Scuola", "Giovani",
  "Welfare aziendale", "Covid-19", "L’Aquila",
];

/** Further hand-written tags, shuffled into the tail with the generated ones. */
const MORE_TAGS = [
  "Sant’Egidio", "D.Lgs. 117/2017", "Legge 328/2000", "Caritas", "Istat", "Inps",
  "Assegno unico", "Fondo sociale europeo", "Politiche attive", "Housing sociale",
  "Economia sociale", "Disuguaglianze", "Infanzia", "Povertà educativa", "Salute mentale",
  "Dipendenze", "Carcere", "Senza dimora", "Caregiver", "RSA", "Partecipazione",
  "Innovazione sociale", "Amministrazione condivisa", "Co-programmazione", "Impresa sociale",
  "Livelli essenziali", "LEPS", "Case della comunità", "Assistenza domiciliare",
  "Reddito di inclusione", "Garanzia giovani", "NEET", "Dopo di noi", "Vita indipendente",
  "Povertà energetica", "Politiche abitative", "Rigenerazione urbana", "Aree interne",
  "Mezzogiorno", "Unione europea", "Legge di bilancio", "Riforma degli anziani",
  "Fondazioni di origine bancaria", "Welfare di comunità", "Cohousing", "Badanti",
  "Lavoro domestico", "Conciliazione", "Asili nido", "Servizio civile", "Migranti",
  "Minori stranieri non accompagnati", "Rifugiati", "Tratta", "Violenza di genere",
  "Pari opportunità", "Terza età", "Demenze", "Alzheimer", "Cure palliative",
  "Infermiere di famiglia", "Sanità territoriale", "Medici di base", "Piani di zona",
  "Ambiti territoriali", "Uffici di piano", "Segretariato sociale", "Pronto intervento sociale",
  "Valutazione d’impatto", "Bilancio sociale", "Runts", "5 per mille", "Crowdfunding",
  "Economia civile", "Beni confiscati", "Agricoltura sociale", "Sport e inclusione",
  "Cultura e welfare", "Biblioteche", "Oratori", "Parrocchie", "Sindacati", "Contrattazione sociale",
  "Città Metropolitana di Milano", "Unione dei comuni", "Piccoli comuni",
  "Periferie", "Quartieri", "Emergenza freddo", "Mense", "Empori solidali", "Banco alimentare",
  "Microcredito", "Sovraindebitamento", "Usura", "Gioco d’azzardo", "Ludopatia",
];

/** Alternative spellings of one term (case, apostrophe) used by some articles. */
const VARIANTS: Record<string, string> = {
  "Terzo settore": "Terzo Settore",
  "Welfare aziendale": "Welfare Aziendale",
  "Reddito di cittadinanza": "Reddito di Cittadinanza",
  "Città metropolitane": "Città Metropolitane",
  "L’Aquila": "L'Aquila",
};

const AREAS = [
  "Terzo settore",
  "Povertà e disuguaglianze",
  "Anziani",
  "Istituzioni e governance",
  "Minori e famiglie",
  "Disabilità",
  "Salute",
  "Lavoro e inclusione",
  "Immigrazione",
];
const AREA_WEIGHTS = [22, 20, 14, 14, 9, 7, 6, 5, 3];

const SECTIONS = ["Punti di vista", "Esperienze", "Generale"];
const SECTION_WEIGHTS = [35, 35, 30];

const RUBRICS = ["Dal territorio", "Dati e analisi", "Opinioni a confronto", "Recensioni"];

const FIRST_NAMES = [
  "Marco", "Giulia", "Francesca", "Luca", "Paolo", "Chiara", "Andrea", "Sara", "Giovanni",
  "Elena", "Matteo", "Laura", "Stefano", "Valentina", "Alessandro", "Silvia", "Roberto",
  "Federica", "Nicolò", "Ilaria", "Davide", "Anna", "Lorenzo", "Marta", "Tiziana", "Cristina",
  "Fabio", "Gianluca", "Daniela", "Massimo", "Agnese", "Raffaele", "Licia", "Ugo", "Emma",
];
const LAST_NAMES = [
  "Rossi", "Bianchi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco",
  "Bruno", "Gallo", "Conti", "De Luca", "Costa", "Giordano", "Mancini", "Rizzo", "Lombardi",
  "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Galli",
  "Martini", "Leone", "Longo", "D’Angelo", "Vitale", "Serra", "Coppola", "De Santis",
  "D’Amico", "Marchetti", "Parisi", "Villa", "Ferri", "Fabbri", "Marini", "Grasso",
  "Valentini", "Sala", "De Angelis", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina",
  "Cattaneo", "Morelli", "Amato", "Silvestri", "Testa", "Carbone", "Benedetti", "Barone",
  "Montanari", "Guerra", "Palmieri", "Bernardi", "Martinelli", "De Rosa", "Ferretti", "Basile",
  "Donati", "Piras", "Sartori", "Neri", "Costantini", "Pagano", "Orlando", "D’Agostino",
];

// ---------------------------------------------------------------------------
// Morphology

type Definite = "il" | "lo" | "l’" | "la" | "i" | "gli" | "le";

const ARTICULATED: Record<"di" | "a" | "da" | "in" | "su", Record<Definite, string>> = {
  di: { il: "del", lo: "dello", "l’": "dell’", la: "della", i: "dei", gli: "degli", le: "delle" },
  a: { il: "al", lo: "allo", "l’": "all’", la: "alla", i: "ai", gli: "agli", le: "alle" },
  da: { il: "dal", lo: "dallo", "l’": "dall’", la: "dalla", i: "dai", gli: "dagli", le: "dalle" },
  in: { il: "nel", lo: "nello", "l’": "nell’", la: "nella", i: "nei", gli: "negli", le: "nelle" },
  su: { il: "sul", lo: "sullo", "l’": "sull’", la: "sulla", i: "sui", gli: "sugli", le: "sulle" },
};
type Preposition = keyof typeof ARTICULATED | "per" | "con" | "tra" | "verso";

const startsWithVowel = (w: string): boolean => /^[aeiouàèéìòù]/i.test(w);
const startsImpure = (w: string): boolean => /^(s[^aeiouàèéìòù]|z|gn|ps|pn|x|y)/i.test(w);

function definiteFor(word: string, g: Gender, plural: boolean): Definite {
  if (g === "f") return plural ? "le" : startsWithVowel(word) ? "l’" : "la";
  if (plural) return startsWithVowel(word) || startsImpure(word) ? "gli" : "i";
  if (startsWithVowel(word)) return "l’";
  return startsImpure(word) ? "lo" : "il";
}

function join2(det: string, word: string): string {
  return det.endsWith("’") ? det + word : `${det} ${word}`;
}

/** A noun phrase: the bare phrase plus what is needed to put an article or preposition in front. */
interface NounPhrase {
  bare: string;
  def: Definite;
  plural: boolean;
  g: Gender;
}

function capitalize(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------
// Text generator

class Writer {
  constructor(
    private readonly rng: Rng,
    private readonly authors: readonly string[],
  ) {}

  nounPhrase(forcePlural?: boolean, allowOf = true): NounPhrase {
    const r = this.rng;
    const n = r.pick(NOUNS);
    const plural = forcePlural ?? r.chance(0.5);
    let bare = plural ? n.pl : n.sg;
    const first = bare;
    if (r.chance(0.6)) {
      const a = r.pick(ADJECTIVES);
      bare += " " + (n.g === "m" ? (plural ? a.mp : a.ms) : plural ? a.fp : a.fs);
    }
    if (allowOf && r.chance(0.2)) bare += " " + this.pp("di", this.nounPhrase(undefined, false));
    return { bare, def: definiteFor(first, n.g, plural), plural, g: n.g };
  }

  /** The phrase with a determiner: mostly the definite article. */
  np(phrase: NounPhrase = this.nounPhrase()): string {
    const r = this.rng.float();
    if (r < 0.75) return join2(phrase.def, phrase.bare);
    if (!phrase.plural) {
      const w = phrase.bare;
      const ind =
        phrase.g === "f" ? (startsWithVowel(w) ? "un’" : "una") : startsImpure(w) ? "uno" : "un";
      return join2(ind, w);
    }
    const q = this.rng.pick(["molti", "alcuni", "diversi", "numerosi"]);
    return `${phrase.g === "f" ? q.slice(0, -1) + "e" : q} ${phrase.bare}`;
  }

  pp(prep: Preposition, phrase: NounPhrase = this.nounPhrase()): string {
    if (prep === "per" || prep === "con" || prep === "tra" || prep === "verso") {
      return `${prep} ${join2(phrase.def, phrase.bare)}`;
    }
    return join2(ARTICULATED[prep][phrase.def], phrase.bare);
  }

  /** Subject, verb, object and maybe a complement, without final punctuation. */
  clause(): string {
    const r = this.rng;
    const subject = this.nounPhrase();
    const [sg, pl] = r.pick(VERBS);
    let s = `${this.np(subject)} ${subject.plural ? pl : sg} ${this.np()}`;
    if (r.chance(0.45)) s += " " + this.pp(r.pick(["in", "per", "con", "tra", "su", "di", "a"] as const));
    if (r.chance(0.3)) s += " " + r.pick(ADVERBIALS);
    return s;
  }

  sentence(): string {
    const r = this.rng;
    const t = r.int(0, 13);
    switch (t) {
      case 0:
      case 1:
      case 2:
        return capitalize(this.clause()) + ".";
      case 3:
      case 4:
        return `${r.pick(CONNECTORS)} ${this.clause()}.`;
      case 5:
        return `Secondo ${this.np()}, ${this.clause()}.`;
      case 6:
        return `Non si tratta soltanto ${this.pp("di")}, ma anche ${this.pp("di")}.`;
      case 7:
        return `Il tema ${this.pp("di")} resta centrale ${this.pp("per")}.`;
      case 8: {
        const pct = r.int(3, 48);
        const det = pct === 8 || pct === 11 || pct === 18 ? "l’" : "il ";
        return `Nel ${r.int(2005, 2024)} ${det}${pct}% ${this.pp("di", this.nounPhrase(true, false))} ${r.pick(PREDICATES_SG)}.`;
      }
      case 9:
        return `Quale ruolo possono avere ${join2(...this.defBare(this.nounPhrase(true)))} ${this.pp("in")}?`;
      case 10:
        return `Come osserva ${r.pick(this.authors)}, ${this.clause()}.`;
      case 11:
        return `${capitalize(this.clause())}, mentre ${this.clause()}.`;
      case 12:
        return `${capitalize(this.clause())}: ${this.np()}, ${this.np()} e ${this.np()}.`;
      default:
        return `È in questo quadro che ${this.clause()}.`;
    }
  }

  private defBare(p: NounPhrase): [string, string] {
    return [p.def, p.bare];
  }

  /** A paragraph; links and emphasis come in as inline Markdown. */
  paragraph(links: readonly string[]): string {
    const r = this.rng;
    const n = r.int(3, 6);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      let s = this.sentence();
      if (r.chance(0.06)) s = s.replace(/^(\S+ \S+ \S+)/, "*$1*");
      else if (r.chance(0.04)) s = s.replace(/(\S+ \S+)\.$/, "**$1**.");
      parts.push(s);
    }
    if (r.chance(0.35)) {
      const text = this.np();
      const url =
        links.length > 0 && r.chance(0.5)
          ? r.pick(links)
          : r.pick([
              `https://www.example.org/rapporti/${r.int(2005, 2025)}/${slugify(text)}/`,
              `https://dati.example.it/cerca?q=${encodeURIComponent(text)}&anno=${r.int(2005, 2025)}`,
              `https://www.example.net/documenti/${r.int(100, 999)}.pdf`,
            ]);
      parts.push(`Sul punto si veda anche [${text}](${url}).`);
    }
    return parts.join(" ");
  }

  heading(): string {
    const r = this.rng;
    switch (r.int(0, 6)) {
      case 0:
        return capitalize(this.np());
      case 1:
        return `Il ruolo ${this.pp("di")}`;
      case 2:
        return `Cosa cambia ${this.pp("per")}`;
      case 3:
        return `${capitalize(r.pick(NOUNS).pl)} e ${r.pick(NOUNS).pl}`;
      case 4:
        return `Alcuni dati ${this.pp("su")}`;
      case 5:
        return capitalize(r.pick(MASS_NOUNS)) + " " + this.pp("in");
      default:
        return r.pick([
          "Le prospettive",
          "Conclusioni",
          "Un bilancio",
          "Il contesto",
          "Le criticità",
          "Che cosa insegna questa esperienza",
          "Le domande aperte",
        ]);
    }
  }

  list(): string {
    const r = this.rng;
    const ordered = r.chance(0.3);
    const n = r.int(3, 6);
    const items: string[] = [];
    for (let i = 0; i < n; i++) {
      const head = capitalize(this.np());
      const item = r.chance(0.5) ? `${head}: ${this.clause()};` : `${head};`;
      items.push(`${ordered ? `${i + 1}.` : "-"} ${item}`);
    }
    const last = items.length - 1;
    items[last] = (items[last] as string).replace(/;$/, ".");
    return items.join("\n");
  }

  quote(): string {
    const r = this.rng;
    const lines = [`> ${this.sentence()} ${this.sentence()}`];
    if (r.chance(0.5)) lines.push(">", `> — *${r.pick(this.authors)}*`);
    return lines.join("\n");
  }

  /** An article body of about `words` words. */
  body(words: number, links: readonly string[]): string {
    const r = this.rng;
    const blocks: string[] = [this.paragraph(links), this.paragraph(links)];
    let count = countWords(blocks.join(" "));
    let sinceHeading = 2;
    while (count < words) {
      let block: string;
      if (sinceHeading >= 3 && r.chance(0.5)) {
        block = `## ${this.heading()}`;
        sinceHeading = 0;
      } else {
        const k = r.float();
        block = k < 0.12 ? this.list() : k < 0.2 ? this.quote() : this.paragraph(links);
        sinceHeading++;
      }
      blocks.push(block);
      count += countWords(block);
    }
    return blocks.join("\n\n") + "\n";
  }

  title(city: string): string {
    const r = this.rng;
    const t = r.float();
    if (t < 0.15) {
      return `${city}. ${r.pick(["Una storia di", "Un’esperienza di", "Dieci anni di", "Cronache di", "Percorsi di"])} ${r.pick(MASS_NOUNS)}`;
    }
    if (t < 0.35) return `${capitalize(this.np())}: ${this.np()}`;
    if (t < 0.5) return `Come ${this.clause().replace(/ (in modo|con|a livello|sempre|negli|in una|su base|anche|oltre|fin dalla|in tempi).*$/, "")}`;
    if (t < 0.6) return `Quale futuro ${this.pp("per")}?`;
    if (t < 0.7) return `Il ruolo ${this.pp("di")} ${this.pp("in")}`;
    if (t < 0.78) return `«${capitalize(r.pick(MASS_NOUNS))}»: ${this.np()} ${this.pp("tra")}`;
    if (t < 0.86) return `${r.pick(["D.Lgs. 117/2017", "Legge 328/2000", "PNRR", "Legge 33/2023"])}: ${this.np()} e ${this.np()}`;
    if (t < 0.88) return `Salute & benessere: ${this.np()} ${this.pp("a")}`;
    if (t < 0.89) return `${capitalize(this.np())}: quando la spesa è < 1% del bilancio`;
    if (t < 0.94) return `${capitalize(r.pick(MASS_NOUNS))} ${this.pp("in")}: il “modello ${city}”`;
    return capitalize(this.clause());
  }

  excerpt(): string {
    const s = this.sentence();
    return this.rng.chance(0.4) ? `${s} ${this.sentence()}` : s;
  }
}

function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) n++;
  return n;
}

// ---------------------------------------------------------------------------
// Pools: tags, authors

function buildTagPool(rng: Rng, writer: Writer, size: number): string[] {
  const pool: string[] = [];
  const slugs = new Set<string>();
  const add = (name: string): void => {
    const s = slugify(name);
    if (s === "" || slugs.has(s)) return;
    slugs.add(s);
    pool.push(name);
  };
  for (const t of TOP_TAGS) add(t);
  const tail: string[] = [...MORE_TAGS, ...CITIES, ...REGIONS];
  rng.shuffle(tail);
  const generated: string[] = [];
  const needed = size - TOP_TAGS.length - tail.length;
  for (let guard = 0; generated.length < needed * 3 && guard < 100000; guard++) {
    const p = writer.nounPhrase(rng.chance(0.7), false);
    if (p.bare.includes(" ")) generated.push(capitalize(p.bare));
  }
  // Interleave the hand-written tail with generated terms so that both reach every rank.
  const mixed: string[] = [];
  let gi = 0;
  for (const t of tail) {
    mixed.push(t);
    if (rng.chance(0.5) && gi < generated.length) mixed.push(generated[gi++] as string);
  }
  while (gi < generated.length) mixed.push(generated[gi++] as string);
  for (const t of mixed) {
    if (pool.length >= size) break;
    add(t);
  }
  return pool;
}

function buildAuthors(rng: Rng, count: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    let name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    if (rng.chance(0.06)) name += ` ${rng.pick(LAST_NAMES)}`;
    const s = slugify(name);
    if (seen.has(s)) continue;
    seen.add(s);
    out.push(name);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Dates

const FIRST_DAY_UTC = Date.UTC(2005, 0, 1);
const LAST_DAY_UTC = Date.UTC(2025, 11, 31);
const DAYS = Math.round((LAST_DAY_UTC - FIRST_DAY_UTC) / 86_400_000) + 1;
/** Publication times between 08:00 and 21:59, Rome time. */
const MINUTES_A_DAY = 14 * 60;

interface Slot {
  day: number;
  minute: number;
}

/** `n` distinct, increasing slots spread over 2005–2025 (stratified jitter). */
function spreadSlots(rng: Rng, n: number): Slot[] {
  const total = DAYS * MINUTES_A_DAY;
  if (n > total) throw new Error(`cannot place ${n} distinct dates in 2005–2025`);
  const out: Slot[] = [];
  for (let i = 0; i < n; i++) {
    const lo = Math.floor((i * total) / n);
    const hi = Math.floor(((i + 1) * total) / n) - 1;
    const v = lo + Math.floor(rng.float() * (hi - lo + 1));
    out.push({ day: Math.floor(v / MINUTES_A_DAY), minute: v % MINUTES_A_DAY });
  }
  return out;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

function isoDay(day: number): string {
  const d = new Date(FIRST_DAY_UTC + day * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function formatSlot(slot: Slot, style: "date" | "local" | "offset"): string {
  const day = isoDay(slot.day);
  if (style === "date") return day;
  const hh = 8 + Math.floor(slot.minute / 60);
  const mm = slot.minute % 60;
  const local = `${day}T${pad(hh)}:${pad(mm)}:00`;
  if (style === "local") return local;
  const dt = DateTime.fromISO(local, { zone: "Europe/Rome" });
  return local + dt.toFormat("ZZ");
}

// ---------------------------------------------------------------------------
// YAML (written by hand so that the output is stable and matches the docs)

const q = (s: string): string => JSON.stringify(s);
const qList = (items: readonly string[]): string => `[${items.map(q).join(", ")}]`;

// ---------------------------------------------------------------------------
// Corpus

export interface CorpusOptions {
  /** Number of articles (dossier pages come on top). */
  count: number;
  /** PRNG seed; default 1. */
  seed?: number;
  /** Folder to write into; created if missing, must be empty. */
  outDir: string;
  /** The site the corpus is for: its taxonomies' fields and its dossiers. Welforum's defaults when absent. */
  options?: ResolvedOptions;
}

/** The front-matter fields the corpus fills, by the kind of terms it writes in them. */
export interface CorpusFields {
  /** 1–2 people an article (60 names): the byline taxonomy's field. */
  byline: string;
  /** 1–2 of a few broad policy areas (95% of articles): the label taxonomy's field. */
  label: string;
  /** One of three sections an article: the first taxonomy listed on the article that is neither the label nor the tags. */
  section: string | undefined;
  /** 3–8 of a long Zipf-distributed pool (500 tags): the taxonomy that scores related articles. */
  tags: string;
}

/** Which fields of a site's articles the corpus fills, from its roles (Welforum: authors, area, section, tags). */
export function corpusFields(options: ResolvedOptions): CorpusFields {
  const { byline, label, related, article } = options.roles;
  const tags = related[0];
  if (!byline || !label || !tags) throw new Error("the corpus needs a byline, a label and a related-articles taxonomy in the site's roles");
  return { byline: byline.field, label: label.field, section: article.find((t) => t !== tags && t !== label)?.field, tags: tags.field };
}

export interface CorpusSummary {
  articles: number;
  dossiers: number;
  /** Paths written, relative to outDir, in writing order. */
  files: string[];
  words: number;
  tags: number;
  authors: number;
}

const TAG_POOL_SIZE = 500;
const AUTHOR_COUNT = 60;

interface Item {
  kind: "article" | "dossier";
  slot: Slot;
  dateStyle: "date" | "local" | "offset";
  /** For an article of a dossier: the dossier's position in the timeline. */
  dossier?: { item: number; order: number };
}

export function generateCorpus(options: CorpusOptions): CorpusSummary {
  const { count } = options;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a non-negative integer: ${count}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer: ${seed}`);
  const outDir = resolve(options.outDir);
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    throw new Error(`output folder is not empty: ${outDir}`);
  }
  mkdirSync(outDir, { recursive: true });
  const site = options.options ?? resolveOptions({ site: { title: "Welforum", url: "https://www.example.org" } });
  const fields = corpusFields(site);
  const dossierSettings = site.dossiers;

  const poolRng = new Rng(deriveSeed(seed, "pools"));
  const authors = buildAuthors(poolRng, AUTHOR_COUNT);
  const tagPool = buildTagPool(poolRng, new Writer(poolRng, authors), TAG_POOL_SIZE);
  const tags = new Weighted(tagPool, zipfWeights(tagPool.length, 1));
  const authorPick = new Weighted(authors, zipfWeights(authors.length, 0.8));
  const areaPick = new Weighted(AREAS, AREA_WEIGHTS);
  const sectionPick = new Weighted(SECTIONS, SECTION_WEIGHTS);

  // Timeline: every article and dossier gets its own instant, in order.
  const planRng = new Rng(deriveSeed(seed, "plan"));
  const dossierCount = count >= 20 && dossierSettings !== false ? Math.max(1, Math.round(count / 500)) : 0;
  const total = count + dossierCount;
  const items: Item[] = spreadSlots(planRng, total).map((slot) => ({
    kind: "article",
    slot,
    dateStyle: "local",
  }));
  for (let d = 0; d < dossierCount; d++) {
    let p: number;
    do p = planRng.int(0, total - 19);
    while ((items[p] as Item).kind === "dossier" || (items[p] as Item).dossier);
    (items[p] as Item).kind = "dossier";
    const parts = planRng.int(3, 6);
    let order = 0;
    for (let i = p + 1; i < total && order < parts; i += planRng.int(1, 3)) {
      const it = items[i] as Item;
      if (it.kind === "article" && !it.dossier) it.dossier = { item: p, order: ++order };
    }
  }
  // Dates: a bare date when nothing else falls on that day, else a date-time.
  for (let i = 0; i < total; i++) {
    const it = items[i] as Item;
    const alone =
      (i === 0 || (items[i - 1] as Item).slot.day !== it.slot.day) &&
      (i === total - 1 || (items[i + 1] as Item).slot.day !== it.slot.day);
    it.dateStyle = alone && planRng.chance(0.5) ? "date" : planRng.chance(0.1) ? "offset" : "local";
  }

  const rng = new Rng(deriveSeed(seed, "text"));
  const writer = new Writer(rng, authors);
  const usedSlugs = new Set<string>();
  const dossierSlugs = new Map<number, string>();
  const urls: string[] = [];
  const files: string[] = [];
  let words = 0;
  let dossiersSeen = 0;

  const uniqueTitle = (make: () => string): { title: string; slug: string } => {
    for (let attempt = 0; ; attempt++) {
      let title = make();
      if (attempt >= 20) title += ` (${attempt})`;
      const slug = slugify(title);
      if (slug !== "" && !usedSlugs.has(slug)) {
        usedSlugs.add(slug);
        return { title, slug };
      }
    }
  };
  const write = (rel: string, text: string): void => {
    const abs = join(outDir, rel);
    mkdirSync(join(abs, ".."), { recursive: true });
    writeFileSync(abs, text);
    files.push(rel);
  };

  for (const [index, it] of items.entries()) {
    const date = formatSlot(it.slot, it.dateStyle);
    if (it.kind === "dossier") {
      const { title, slug } = uniqueTitle(() =>
        rng.pick([
          () => `${capitalize(rng.pick(MASS_NOUNS))} e non solo`,
          () => `Il welfare ${writer.pp("di", writer.nounPhrase(true, false))}`,
          () => `${capitalize(rng.pick(MASS_NOUNS))}: ${writer.np()}`,
        ])(),
      );
      dossierSlugs.set(index, slug);
      dossiersSeen++;
      const curator = authorPick.pick(rng);
      const body = [writer.paragraph([]), writer.paragraph([]), writer.list()].join("\n\n") + "\n";
      words += countWords(body);
      const fm = [
        "---",
        `title: ${q(title)}`,
        `date: ${date}`,
        `curator: ${rng.chance(0.2) ? qList([curator, authorPick.pick(rng)].filter((a, i, l) => l.indexOf(a) === i)) : q(curator)}`,
        `excerpt: ${q(writer.sentence())}`,
        "---",
        "",
      ];
      write(`${dossierSettings === false ? "" : dossierSettings.folder}/${slug}.md`, fm.join("\n") + body);
      continue;
    }

    const city = rng.pick(CITIES);
    const { title, slug } = uniqueTitle(() => writer.title(city));
    const dossierSlug = it.dossier ? dossierSlugs.get(it.dossier.item) : undefined;
    if (it.dossier && dossierSlug === undefined) throw new Error("dossier part before its dossier");

    const fm: string[] = ["---", `title: ${q(title)}`, `date: ${date}`];
    if (rng.chance(0.1)) {
      const later = { day: it.slot.day + rng.int(1, 30), minute: rng.int(0, MINUTES_A_DAY - 1) };
      if (later.day < DAYS) fm.push(`updated: ${formatSlot(later, it.dateStyle)}`);
    }
    if (rng.chance(0.5)) fm.push(`excerpt: ${q(writer.excerpt())}`);
    const nAuthors = rng.chance(0.2) ? 2 : 1;
    const byline = authorPick.pickDistinct(rng, nAuthors);
    fm.push(`${fields.byline}: ${nAuthors === 1 && rng.chance(0.2) ? q(byline[0] as string) : qList(byline)}`);
    if (rng.chance(0.95)) {
      const areas = areaPick.pickDistinct(rng, rng.chance(0.15) ? 2 : 1);
      fm.push(`${fields.label}: ${areas.length === 1 ? q(areas[0] as string) : qList(areas)}`);
    }
    // Picked even when the site has no such field, so that the rest of the corpus stays the same.
    const section = sectionPick.pick(rng);
    if (fields.section !== undefined) fm.push(`${fields.section}: ${q(section)}`);
    if (it.dossier && dossierSettings !== false) fm.push(`rubric: ${q(dossierSettings.rubric)}`);
    else if (rng.chance(0.15)) fm.push(`rubric: ${q(rng.pick(RUBRICS))}`);
    if (it.dossier && dossierSlug !== undefined) {
      fm.push(`dossier: ${q(dossierSlug)}`, `order: ${it.dossier.order}`);
    }
    const chosen = tags
      .pickDistinct(rng, rng.int(3, 8))
      .map((t) => (VARIANTS[t] !== undefined && rng.chance(0.15) ? (VARIANTS[t] as string) : t));
    fm.push(`${fields.tags}: ${qList(chosen)}`, "---", "");

    const body = writer.body(rng.int(900, 1100), urls.length > 0 ? sampleLinks(rng, urls) : []);
    words += countWords(body);
    const year = isoDay(it.slot.day).slice(0, 4);
    write(`${year}/${slug}.md`, fm.join("\n") + body);
    urls.push(dossierSlug !== undefined && dossierSettings !== false ? `/${dossierSettings.base}/${dossierSlug}/${slug}/` : `/${slug}/`);
  }

  return {
    articles: count,
    dossiers: dossiersSeen,
    files,
    words,
    tags: tagPool.length,
    authors: authors.length,
  };
}

/** A few earlier articles an article may link to. */
function sampleLinks(rng: Rng, urls: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < 4; i++) out.push(urls[rng.int(0, urls.length - 1)] as string);
  return out;
}

// ---------------------------------------------------------------------------
// CLI

function parseArgs(argv: readonly string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith("--")) throw new Error(`unexpected argument: ${a}`);
    const eq = a.indexOf("=");
    if (eq > 0) args.set(a.slice(2, eq), a.slice(eq + 1));
    else {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith("--")) throw new Error(`missing value for ${a}`);
      args.set(a.slice(2), v);
      i++;
    }
  }
  return args;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const out = args.get("out");
  const count = Number(args.get("count") ?? "1000");
  const seed = Number(args.get("seed") ?? "1");
  if (out === undefined) {
    console.error("usage: npx tsx bench/corpus.ts --count 1000 --out DIR [--seed 1]");
    process.exit(2);
  }
  const t0 = performance.now();
  const s = generateCorpus({ count, seed, outDir: out });
  const ms = performance.now() - t0;
  console.log(
    `corpus: ${s.articles} articles, ${s.dossiers} dossiers, ${s.words} words, ` +
      `${s.tags} tags, ${s.authors} authors → ${resolve(out)} (${(ms / 1000).toFixed(2)} s)`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
