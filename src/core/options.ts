import { z } from "zod";
import { defaultWords, type WordKey, type Words } from "./words.ts";
import { isLanguageTag, languageSettings, type LanguageSettings } from "./language.ts";
import { defaultDossiers, defaultIntersections, defaultRoles, defaultTaxonomiesFor, derivedRoles, type RoleKeys } from "./default-options.ts";
import { lookSchema, type Look } from "./look.ts";
import { contrastNotices } from "./contrast.ts";
import type { ThemeParts } from "./theme-contract.ts";
import type { Taxonomy, TermDataTable } from "./taxonomy.ts";
import { EditorialeError, type Problem } from "./errors.ts";
import { closestName } from "./closest-name.ts";

// Strict objects throughout: a misspelled option (`feedsize`) is an error naming the right one, never silently ignored.
const taxonomySchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, "a lower-case identifier such as `region`"),
  field: z.string().min(1),
  base: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, "a URL segment such as `regione`"),
  heading: z.string().min(1).default("{name}"),
  intersectionHeading: z.string().min(1).optional(),
  feedTitle: z.string().min(1).default("{site} » {name} Feed"),
  indexTitle: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
  closed: z.boolean().default(false),
  primary: z.boolean().default(false),
  /** WordPress taxonomies whose terms the importer brings into this one ("post_tag", "category", a custom one); `"author"` for the post's author. */
  wordpress: z.array(z.string().min(1)).default([]),
});

const termDataSchema = z.record(
  z.string(),
  z.record(
    z.string(),
    z.strictObject({
      name: z.string().min(1).optional(),
      slug: z.string().regex(/^[\p{Ll}\p{Lo}\p{N}_-]+$/u, "lower-case letters, digits and dashes").optional(),
      description: z.string().optional(),
      bio: z.string().optional(),
    }),
  ),
);

const optionsSchema = z.strictObject({
  site: z.strictObject({
    title: z.string().min(1),
    url: z.url().transform((u) => u.replace(/\/+$/, "")),
    description: z.string().default(""),
    /** BCP 47: "it", "it-IT", "en", "en-GB"… Drives `lang`, og:locale, the feeds' language, dates and the words. */
    language: z.string().refine(isLanguageTag, "a language tag such as `it-IT` or `en`").default("it-IT"),
    /** IANA zone of dates without an offset; UTC unless the site says otherwise. */
    timeZone: z.string().refine(isTimeZone, "an IANA time zone such as `Europe/Rome` or `UTC`").default("UTC"),
  }),
  /** Cards per archive page (WordPress's default is 10). */
  pageSize: z.number().int().min(1).max(1000).default(10),
  /** Items per feed. */
  feedSize: z.number().int().min(1).max(1000).default(20),
  /**
   * Content mode: the folder of Eleventy's input that holds the articles (and pages, dossiers, media), read by
   * Editoriale and never by Eleventy; "" = the whole input. Templates elsewhere in the input are the site's own.
   */
  contentFolder: z.string().refine((f) => !f.split(/[\\/]/).includes("..") && !f.startsWith("/"), "a folder inside Eleventy's input, e.g. `content`").default(""),
  /** The taxonomies, in the order they appear on article pages. */
  taxonomies: z.array(taxonomySchema).min(1).optional(),
  /** Pairs of taxonomy keys whose intersections get archives: ["area", "tag"] → /area/<a>/tag/<t>/. */
  intersections: z.array(z.tuple([z.string(), z.string()])).optional(),
  /** Display names, slug overrides, descriptions and bios of terms, by taxonomy key. */
  terms: termDataSchema.default({}),
  /** Dossiers ("Il Punto di Welforum"); `false` turns them off. */
  dossiers: z
    .union([
      z.literal(false),
      z.strictObject({
        folder: z.string().min(1).optional(),
        base: z.string().min(1).optional(),
        title: z.string().min(1).optional(),
        rubric: z.string().min(1).optional(),
        feedTitle: z.string().min(1).optional(),
      }),
    ])
    .default({}),
  /**
   * Which taxonomy plays which part (keys of `taxonomies`): the byline (`dc:creator` in feeds), the label on cards and
   * the article's kicker (header navigation, breadcrumbs), the feeds' `<category>`, the term lists on the article,
   * the footer's lists, the related articles (scored by shared terms of the first, then of the second).
   */
  roles: z
    .strictObject({
      byline: z.string().nullable().optional(),
      label: z.string().nullable().optional(),
      categories: z.array(z.string()).optional(),
      article: z.array(z.string()).optional(),
      footer: z.array(z.string()).optional(),
      related: z.array(z.string()).max(2, "at most two taxonomies: the first scores, the second breaks ties").optional(),
    })
    .default({}),
  /** Parts of the bundled theme replaced by the site's own functions: `theme: { card: myCard }`. */
  theme: z.record(z.string(), z.custom<(...args: never[]) => unknown>((v) => typeof v === "function", "a function (see the theme contract)")).default({}),
  /** Colours, fonts, logo, header navigation and footer columns, without code. */
  look: lookSchema,
  /** Overrides of the word dictionary. */
  words: z.record(z.string(), z.string()).default({}),
  /** Capitalise month names in dates ("29 Marzo 2018"), as Welforum does. */
  capitalizeMonths: z.boolean().default(false),
  /** Number of related articles on an article page (3 to 5 is usual). */
  relatedCount: z.number().int().min(0).max(20).default(4),
  /** Full-text search with Pagefind: /cerca/ and a search box in the header (on by default in content mode, opt-in in collection mode). */
  search: z.boolean().optional(),
  /** Collection mode: the Eleventy collection whose items are the articles (e.g. "posts"); unset = content mode. */
  collection: z.string().min(1).optional(),
  /** Collection mode: the site's layout (in its includes) that wraps every archive and index page; unset = Editoriale's theme. */
  layout: z.string().min(1).optional(),
  /** Collection mode: also write Editoriale's home page at / (content mode always does). */
  home: z.boolean().default(false),
  /** Collection mode: also write Editoriale's 404.html (content mode always does). */
  notFound: z.boolean().default(false),
  /** Collection mode: also write robots.txt (content mode always does). */
  robots: z.boolean().default(false),
  /** Collection mode: also write /sitemap.xml of the posts, archives and indexes (content mode always does). */
  sitemap: z.boolean().default(false),
  /** Collection mode: also write Netlify's /_redirects (WordPress's feed/ and page/1/ addresses, aliases, wp_id; content mode always does). */
  redirects: z.boolean().default(false),
  /**
   * Let Eleventy read templates (.njk, .html, .11ty.js…) found in the content folder. Off by default:
   * a content folder holds writing, and a template there runs code at build time.
   */
  templatesInContent: z.boolean().default(false),
});

/** The plugin's options as a site writes them; `theme` takes typed parts (src/core/theme-contract.ts). */
export type EditorialeOptions = Omit<z.input<typeof optionsSchema>, "theme"> & { theme?: Partial<ThemeParts> };

export interface DossierSettings {
  folder: string;
  base: string;
  title: string;
  rubric: string;
  feedTitle: string;
}

/** Which taxonomy plays which part; every name checked against `taxonomies`. */
export interface Roles {
  /** Its terms are the byline and the feeds' `dc:creator` (authors). */
  byline: Taxonomy | undefined;
  /** Its terms label cards, head the article (kicker, breadcrumb) and make the header's navigation (areas). */
  label: Taxonomy | undefined;
  /** Their terms become the feeds' `<category>`. */
  categories: Taxonomy[];
  /** Listed at the foot of the article page, and offered as search filters. */
  article: Taxonomy[];
  /** Listed in the site's footer. */
  footer: Taxonomy[];
  /** Related articles: most shared terms of the first, then sharing one of the second. */
  related: Taxonomy[];
}

export interface ResolvedOptions {
  site: z.output<typeof optionsSchema>["site"];
  language: LanguageSettings;
  pageSize: number;
  feedSize: number;
  contentFolder: string;
  taxonomies: Taxonomy[];
  intersections: Array<[Taxonomy, Taxonomy]>;
  terms: TermDataTable;
  dossiers: DossierSettings | false;
  roles: Roles;
  /** The site's replacements for parts of the bundled theme. */
  theme: Partial<ThemeParts>;
  look: Look;
  words: Words;
  capitalizeMonths: boolean;
  relatedCount: number;
  search: boolean;
  templatesInContent: boolean;
  /** Set in collection mode only. */
  collection: string | undefined;
  layout: string | undefined;
  home: boolean;
  notFound: boolean;
  robots: boolean;
  sitemap: boolean;
  redirects: boolean;
  /** What the options made the build say (an unknown language's fallback to English). */
  notices: string[];
}

/** The default taxonomies in Italian (Welforum's), for code and tests that want them without options. */
export const defaultTaxonomies: Taxonomy[] = defaultTaxonomiesFor("it");

const PLUGIN = "editoriale";

/** The names of the parts a site may replace; kept here so that a misspelt one is refused with the right name. */
export const THEME_PART_NAMES = [
  "document", "header", "footer", "card", "byline", "pager", "breadcrumbs",
  "article", "archive", "home", "dossier", "termIndex", "page", "notFound", "search",
] as const satisfies ReadonlyArray<keyof ThemeParts>;

/** Validates the user's options and fills in defaults; a bad option fails with a sentence naming it. */
export function resolveOptions(input: unknown): ResolvedOptions {
  const parsed = optionsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new EditorialeError(
      parsed.error.issues.flatMap((issue) =>
        issue.code === "unrecognized_keys"
          ? issue.keys.map((key) => unknownOptionProblem([...issue.path, key], keysAt(optionsSchema, issue.path)))
          : [optionProblem(issue.path.join(".") || "(options)", issue.message)],
      ),
    );
  }
  const o = parsed.data;
  const language = languageSettings(o.site.language);
  const notices: string[] = [];
  if (!language.known) {
    notices.push(`site.language "${o.site.language}": Editoriale has no words in this language, so the theme's words are in English. Give your own in the \`words\` option (every key of src/core/words.ts), or use "it" or "en".`);
  }
  // Colours below WCAG AA are the site's call: said, not refused.
  notices.push(...contrastNotices(o.look));
  const taxonomies: Taxonomy[] = (o.taxonomies ?? defaultTaxonomiesFor(language.base)).map((t) => ({
    ...t,
    intersectionHeading: t.intersectionHeading ?? t.heading,
    indexTitle: t.indexTitle ?? t.key,
    label: t.label ?? t.key,
  }));
  const problems: Problem[] = [];
  const byKey = new Map<string, Taxonomy>();
  for (const t of taxonomies) {
    if (byKey.has(t.key)) problems.push(optionProblem("taxonomies", `two taxonomies have the key "${t.key}"`));
    byKey.set(t.key, t);
  }
  const bases = new Set<string>();
  for (const t of taxonomies) {
    if (bases.has(t.base)) problems.push(optionProblem("taxonomies", `two taxonomies use the URL base "${t.base}"`));
    bases.add(t.base);
  }
  const dossiers: DossierSettings | false = o.dossiers === false ? false : { ...defaultDossiers(language.base), ...o.dossiers };
  if (dossiers !== false && bases.has(dossiers.base)) {
    problems.push(optionProblem("dossiers.base", `"${dossiers.base}" is already a taxonomy's URL base`));
  }
  const intersections: Array<[Taxonomy, Taxonomy]> = [];
  for (const [a, b] of o.intersections ?? defaultIntersections.filter(([a, b]) => byKey.has(a) && byKey.has(b))) {
    const first = byKey.get(a);
    const second = byKey.get(b);
    if (!first || !second || a === b) {
      problems.push(optionProblem("intersections", `["${a}", "${b}"] must name two different taxonomies among ${[...byKey.keys()].join(", ")}`));
    } else intersections.push([first, second]);
  }
  for (const key of Object.keys(o.terms)) {
    if (!byKey.has(key)) problems.push(optionProblem(`terms.${key}`, `there is no taxonomy "${key}"`));
  }
  const roles = resolveRoles(o.taxonomies === undefined ? defaultRoles : derivedRoles(taxonomies, o.roles), o.roles, byKey, problems);
  // `primary` (an input of derivedRoles) is kept in step with the label role, so that nothing reading either can disagree.
  for (const t of taxonomies) t.primary = t === roles.label;
  const unknownWords = Object.keys(o.words).filter((k) => !(k in defaultWords));
  for (const k of unknownWords) {
    const closest = closestName(k, Object.keys(defaultWords));
    problems.push(optionProblem(`words.${k}`, `there is no word "${k}" in the dictionary${closest ? `. Did you mean ${closest}?` : ""}`));
  }
  for (const name of Object.keys(o.theme)) {
    if (!(THEME_PART_NAMES as readonly string[]).includes(name)) {
      const closest = closestName(name, THEME_PART_NAMES);
      problems.push(optionProblem(`theme.${name}`, `there is no theme part "${name}"${closest ? `. Did you mean ${closest}?` : `. Parts: ${THEME_PART_NAMES.join(", ")}`}`));
    }
  }
  if (o.collection === undefined) {
    for (const key of ["layout", "home", "notFound", "robots", "sitemap", "redirects"] as const) {
      if (o[key]) problems.push(optionProblem(key, "only applies in collection mode (with `collection`); content mode always writes its own pages"));
    }
  }
  if (problems.length > 0) throw new EditorialeError(problems);
  return {
    site: o.site,
    language,
    pageSize: o.pageSize,
    feedSize: o.feedSize,
    contentFolder: o.contentFolder,
    taxonomies,
    intersections,
    terms: o.terms,
    // Dossiers are files of the content folder, which collection mode does not read.
    dossiers: o.collection === undefined ? dossiers : false,
    roles,
    theme: o.theme as Partial<ThemeParts>,
    look: o.look,
    words: { ...language.words, ...(o.words as Partial<Record<WordKey, string>>) },
    capitalizeMonths: o.capitalizeMonths,
    relatedCount: o.relatedCount,
    search: o.search ?? o.collection === undefined,
    templatesInContent: o.templatesInContent,
    collection: o.collection,
    layout: o.layout,
    home: o.home,
    notFound: o.notFound,
    robots: o.robots,
    sitemap: o.sitemap,
    redirects: o.redirects,
    notices,
  };
}

/** The roles the site named, over the defaults; each name must be one of the taxonomies. */
function resolveRoles(defaults: RoleKeys, given: Partial<RoleKeys>, byKey: ReadonlyMap<string, Taxonomy>, problems: Problem[]): Roles {
  const keys: RoleKeys = { ...defaults, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
  const one = (role: string, key: string | null): Taxonomy | undefined => {
    if (key === null) return undefined;
    const taxonomy = byKey.get(key);
    if (!taxonomy) {
      const closest = closestName(key, [...byKey.keys()]);
      problems.push(optionProblem(`roles.${role}`, `there is no taxonomy "${key}"${closest ? `. Did you mean ${closest}?` : ` (taxonomies: ${[...byKey.keys()].join(", ")})`}`));
    }
    return taxonomy;
  };
  const many = (role: string, list: readonly string[]): Taxonomy[] => list.flatMap((key) => one(role, key) ?? []);
  return {
    byline: one("byline", keys.byline),
    label: one("label", keys.label),
    categories: many("categories", keys.categories),
    article: many("article", keys.article),
    footer: many("footer", keys.footer),
    related: many("related", keys.related),
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function optionProblem(option: string, message: string): Problem {
  return {
    code: "OPTION_INVALID",
    file: `${PLUGIN} options`,
    field: option,
    message,
    fix: `correct \`${option}\` where the plugin is added (eleventyConfig.addPlugin(editoriale, {…}))`,
  };
}

function unknownOptionProblem(path: ReadonlyArray<PropertyKey>, valid: readonly string[]): Problem {
  const option = path.map(String).join(".");
  const name = String(path[path.length - 1]);
  const closest = closestName(name, valid);
  const parent = path.slice(0, -1).map(String).join(".");
  return {
    code: "OPTION_UNKNOWN",
    file: `${PLUGIN} options`,
    field: option,
    message: closest ? `unknown option. Did you mean ${closest}?` : `unknown option. Valid options${parent ? ` in ${parent}` : ""}: ${valid.join(", ")}`,
    fix: closest ? `rename it to \`${closest}\`, or remove it` : "remove it, or correct its name",
  };
}

/** The option names valid in the object at `path` of the schema (array indexes and record keys step into their items). */
function keysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let at: z.ZodType | undefined = schema;
  for (let i = 0; at; ) {
    if (at instanceof z.ZodDefault || at instanceof z.ZodOptional) at = at.unwrap() as z.ZodType;
    else if (at instanceof z.ZodPipe) at = at.in as z.ZodType;
    else if (at instanceof z.ZodUnion) at = (at.options as z.ZodType[]).find((option) => keysAt(option, []).length > 0);
    else if (i === path.length) break;
    else if (at instanceof z.ZodObject) at = at.shape[String(path[i++])] as z.ZodType | undefined;
    else if (at instanceof z.ZodArray) (at = at.element as z.ZodType), i++;
    else if (at instanceof z.ZodRecord) (at = at.valueType as z.ZodType), i++;
    else return [];
  }
  return at instanceof z.ZodObject ? Object.keys(at.shape) : [];
}
