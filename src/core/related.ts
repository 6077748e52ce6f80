import type { Article } from "./article.ts";
import type { Term } from "./terms.ts";
import type { Roles } from "./options.ts";

/** How far down each shared term's list we look for candidates: keeps the cost linear in the site's size. */
const CANDIDATES_PER_TERM = 200;

/**
 * The articles of a term that relatedArticles looks at. An article's related
 * articles depend on nothing else than these lists for its `byKey` and
 * `thenKey` terms (which of them hold each candidate, its date and URL):
 * a rebuild can tell from them whether the result can have changed.
 */
export function relatedCandidates(term: Term): Article[] {
  return term.articles.slice(0, CANDIDATES_PER_TERM);
}

/**
 * Related articles: most shared `byKey` terms (tags), then sharing a `thenKey`
 * term (area), then newest first; never the article itself.
 *
 * The result is remembered per article until its terms change (every build
 * resolves new term lists), so that the page and the rebuild check that asks
 * first pay once.
 */
export function relatedArticles(article: Article, count: number, byKey: string, thenKey: string): Article[] {
  if (count <= 0) return [];
  const by = article.terms[byKey];
  const then = article.terms[thenKey];
  const known = remembered.get(article);
  if (known && known.by === by && known.then === then && known.count === count && known.byKey === byKey && known.thenKey === thenKey) {
    return [...known.result];
  }
  const result = score(article, count, by, then);
  remembered.set(article, { by, then, count, byKey, thenKey, result });
  return [...result];
}

interface Remembered {
  by: Term[] | undefined;
  then: Term[] | undefined;
  count: number;
  byKey: string;
  thenKey: string;
  result: Article[];
}

const remembered = new WeakMap<Article, Remembered>();

/**
 * Scoring works on numbers: each article gets a small id, each term the ids of
 * the head of its list, and scores live in one typed array reset after each
 * call. Ids only need to be distinct within a call, so the numbering starts
 * again when it grows large (rebuilds make new article objects).
 */
let ids = new WeakMap<Article, number>();
let heads = new WeakMap<Term, { list: Article[]; ids: Int32Array }>();
let nextId = 0;
let scores = new Int32Array(1 << 12);
/** Each id's date, as a number: comparing dates of candidates must not visit every candidate article. */
let times = new Float64Array(1 << 12);
/** Candidates of the current call, in the order first met (the slots are cleared after the call). */
const touched: Array<Article | undefined> = [];
const touchedIds: number[] = [];
const ID_LIMIT = 1 << 21;

function idOf(article: Article): number {
  let id = ids.get(article);
  if (id === undefined) {
    ids.set(article, (id = nextId++));
    if (id >= scores.length) {
      const grown = new Int32Array(scores.length * 2);
      grown.set(scores);
      scores = grown;
      const grownTimes = new Float64Array(times.length * 2);
      grownTimes.set(times);
      times = grownTimes;
    }
    times[id] = article.date.getTime();
  }
  return id;
}

/** The ids of the first CANDIDATES_PER_TERM articles of a term, computed once per term list. */
function headOf(term: Term): { list: Article[]; ids: Int32Array } {
  let head = heads.get(term);
  const end = Math.min(term.articles.length, CANDIDATES_PER_TERM);
  if (head === undefined || head.list !== term.articles || head.ids.length !== end) {
    const numbers = new Int32Array(end);
    for (let i = 0; i < end; i++) numbers[i] = idOf(term.articles[i] as Article);
    heads.set(term, (head = { list: term.articles, ids: numbers }));
  }
  return head;
}

function score(article: Article, count: number, by: Term[] | undefined, then: Term[] | undefined): Article[] {
  if (nextId > ID_LIMIT) {
    ids = new WeakMap();
    heads = new WeakMap();
    nextId = 0;
    scores = new Int32Array(1 << 12);
    times = new Float64Array(1 << 12);
  }
  const self = idOf(article);
  let found = 0;
  // A shared tag outweighs any number of shared areas.
  for (let pass = 0; pass < 2; pass++) {
    const terms = pass === 0 ? by : then;
    const weight = pass === 0 ? 1000 : 1;
    if (terms === undefined) continue;
    for (let t = 0; t < terms.length; t++) {
      const head = headOf(terms[t] as Term);
      const numbers = head.ids;
      for (let i = 0; i < numbers.length; i++) {
        const id = numbers[i] as number;
        if (id === self) continue;
        const previous = scores[id] as number;
        if (previous === 0) {
          touched[found] = head.list[i] as Article;
          touchedIds[found++] = id;
        }
        scores[id] = previous + weight;
      }
    }
  }
  // The best `count` in one pass (count is small): same order as sorting every candidate.
  const best: Candidate[] = [];
  for (let c = 0; c < found; c++) {
    const id = touchedIds[c] as number;
    const value = scores[id] as number;
    scores[id] = 0;
    const last = best[count - 1];
    if (last !== undefined && value < last.score) continue;
    const entry: Candidate = { article: touched[c] as Article, id, score: value };
    if (last !== undefined && !before(entry, last)) continue;
    let at = last !== undefined ? count - 1 : best.length;
    while (at > 0) {
      const previous = best[at - 1] as Candidate;
      if (!before(entry, previous)) break;
      best[at] = previous;
      at--;
    }
    best[at] = entry;
  }
  touched.fill(undefined, 0, found);
  return best.map((b) => b.article);
}

interface Candidate {
  article: Article;
  id: number;
  score: number;
}

/** Higher score first, then newest, then by URL (URLs are unique, so the order is total). */
function before(a: Candidate, b: Candidate): boolean {
  if (a.score !== b.score) return a.score > b.score;
  const dates = (times[b.id] as number) - (times[a.id] as number);
  if (dates !== 0) return dates < 0;
  return a.article.url < b.article.url;
}

/** An article's related articles as the site's roles say: scored by the first `related` taxonomy, ties broken by the second. */
export function relatedByRoles(article: Article, roles: Roles, count: number): Article[] {
  const [by, then] = roles.related;
  return by ? relatedArticles(article, count, by.key, then?.key ?? "") : [];
}
