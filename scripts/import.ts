/**
 * npx tsx scripts/import.ts EXPORT.xml [--out content] [--data _data] [--force] [--drafts] [--uploads DIR | --download]
 *   [--manifest FILE] [--map DOMAIN=KEY] [--types post,page] [--quiet]
 *
 * Imports a WordPress WXR export (Tools → Export) into Markdown articles,
 * dossiers and pages, merges term slugs and descriptions into terms.json,
 * lists attachments in a manifest, and prints a report. Where each WordPress
 * taxonomy goes comes from the site's options (`--data`: its editoriale.json,
 * else the defaults); `--map DOMAIN=KEY` overrides one, `--map DOMAIN=` drops it.
 * While it works, it says how far it is on the standard error (items read,
 * posts written, media copied), unless --quiet or EDITORIALE_PROGRESS=0.
 */
import { parseArgs } from "node:util";
import { terminalProgress } from "../src/eleventy/progress-reporter.ts";
import { ImportError, defaults, formatReport, importWxr, parseTaxonomyMapping, type TaxonomyMap } from "../src/import/index.ts";

const USAGE = "usage: npm run import -- EXPORT.xml [--out content] [--data _data] [--force] [--drafts] [--uploads DIR | --download] [--manifest FILE] [--map DOMAIN=KEY] [--types post,page] [--quiet]";

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string", default: defaults.out },
        data: { type: "string", default: defaults.data },
        manifest: { type: "string" },
        force: { type: "boolean", default: false },
        drafts: { type: "boolean", default: false },
        uploads: { type: "string" },
        download: { type: "boolean", default: false },
        map: { type: "string", multiple: true, default: [] },
        // The same as --map, under the name the options use (`taxonomies`).
        taxonomy: { type: "string", multiple: true, default: [] },
        types: { type: "string" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`import: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    console.error(file ? `import: one export at a time (got ${positionals.join(", ")})\n${USAGE}` : `import: no export file given\n${USAGE}`);
    return 2;
  }
  const taxonomyMap: TaxonomyMap = {};
  try {
    for (const pair of [...values.map, ...values.taxonomy]) {
      const [domain, key] = parseTaxonomyMapping(pair);
      taxonomyMap[domain] = key;
    }
  } catch (error) {
    console.error(`import: ${(error as Error).message}`);
    return 2;
  }
  try {
    const report = await importWxr({
      file,
      out: values.out,
      data: values.data,
      force: values.force,
      drafts: values.drafts,
      download: values.download,
      ...(values.uploads ? { uploads: values.uploads } : {}),
      taxonomyMap,
      ...(values.manifest ? { manifest: values.manifest } : {}),
      ...(values.types ? { postTypes: values.types.split(",").map((type) => type.trim()).filter(Boolean) } : {}),
      progress: terminalProgress(values.quiet),
    });
    console.log(formatReport(report));
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`import: ${error.message}`);
      return 1;
    }
    // A folder that cannot be written, a full disk: Node's message names the path.
    if ((error as NodeJS.ErrnoException).code !== undefined) {
      console.error(`import: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
