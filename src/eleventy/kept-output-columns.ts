import type { KeptOutput } from "./output-writer.ts";

/**
 * What the build cache keeps of every output (output-writer.ts `KeptOutput`),
 * as columns rather than one object per output: tens of thousands of objects
 * with the same five fields cost Node's serializer most of its time (their
 * field names are written and read again with each one), while a few long
 * strings and two number arrays are copied whole (at 10,000 articles: 20 → 5 ms
 * to save, 38 → 3 ms to load; docs/performance.md). Texts are joined with NUL,
 * which no path, hash or digest holds.
 */
export interface KeptOutputColumns {
  paths: string;
  signatures: string;
  hashes: string;
  /** "" for an output that is not a page of the search index. */
  searchDigests: string;
  sizes: Float64Array;
  mtimes: Float64Array;
}

const SEPARATOR = "\u0000";

export function toColumns(outputs: ReadonlyMap<string, KeptOutput>): KeptOutputColumns {
  const paths: string[] = [];
  const signatures: string[] = [];
  const hashes: string[] = [];
  const searchDigests: string[] = [];
  const sizes = new Float64Array(outputs.size);
  const mtimes = new Float64Array(outputs.size);
  let i = 0;
  for (const [path, kept] of outputs) {
    paths.push(path);
    signatures.push(kept.signature);
    hashes.push(kept.hash);
    searchDigests.push(kept.searchDigest ?? "");
    sizes[i] = kept.size;
    mtimes[i] = kept.mtimeMs;
    i++;
  }
  return { paths: paths.join(SEPARATOR), signatures: signatures.join(SEPARATOR), hashes: hashes.join(SEPARATOR), searchDigests: searchDigests.join(SEPARATOR), sizes, mtimes };
}

/** The outputs the columns hold; undefined when they are not columns of one length (not ours, or damaged). */
export function fromColumns(value: unknown): Map<string, KeptOutput> | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { paths, signatures, hashes, searchDigests, sizes, mtimes } = value as Record<string, unknown>;
  if (typeof paths !== "string" || typeof signatures !== "string" || typeof hashes !== "string" || typeof searchDigests !== "string") return undefined;
  if (!(sizes instanceof Float64Array) || !(mtimes instanceof Float64Array)) return undefined;
  const outputs = new Map<string, KeptOutput>();
  if (sizes.length === 0) return paths === "" && mtimes.length === 0 ? outputs : undefined;
  const columns = [paths, signatures, hashes, searchDigests].map((text) => text.split(SEPARATOR));
  const [pathList, signatureList, hashList, digestList] = columns as [string[], string[], string[], string[]];
  if (columns.some((column) => column.length !== sizes.length) || mtimes.length !== sizes.length) return undefined;
  for (let i = 0; i < sizes.length; i++) {
    const digest = digestList[i] as string;
    const kept: KeptOutput = { signature: signatureList[i] as string, hash: hashList[i] as string, size: sizes[i] as number, mtimeMs: mtimes[i] as number };
    if (digest !== "") kept.searchDigest = digest;
    outputs.set(pathList[i] as string, kept);
  }
  return outputs;
}
