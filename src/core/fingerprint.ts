import { createHash } from "node:crypto";

/**
 * A hash of a value made of plain data, as a build cache needs it: the same
 * for equal values in any process, whatever the order of their keys.
 * Functions (a theme part passed in the options) count by their source text,
 * so that editing one invalidates the cache; regular expressions and dates by
 * their text; a value met again inside itself counts as "(cycle)".
 */
export function fingerprint(value: unknown): string {
  return createHash("sha256").update(canonicalText(value)).digest("hex").slice(0, 32);
}

/** The text `fingerprint` hashes (exported for its tests). */
export function canonicalText(value: unknown): string {
  const open = new Set<object>();
  const text = (v: unknown): string => {
    if (v === null) return "null";
    switch (typeof v) {
      case "undefined":
        return "undefined";
      case "string":
        return JSON.stringify(v);
      case "number":
      case "boolean":
        return String(v);
      case "bigint":
        return `${v}n`;
      case "symbol":
        return `symbol(${v.description ?? ""})`;
      case "function":
        return `function(${JSON.stringify(v.toString())})`;
    }
    const object = v as object;
    if (v instanceof Date) return `date(${Number.isNaN(v.getTime()) ? "invalid" : v.toISOString()})`;
    if (v instanceof RegExp) return `regexp(${v.toString()})`;
    if (open.has(object)) return "(cycle)";
    open.add(object);
    try {
      if (Array.isArray(v)) return `[${v.map(text).join(",")}]`;
      if (v instanceof Map) return `map{${[...v.entries()].map(([k, x]) => `${text(k)}:${text(x)}`).sort().join(",")}}`;
      if (v instanceof Set) return `set{${[...v].map(text).sort().join(",")}}`;
      const record = v as Record<string, unknown>;
      return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${text(record[k])}`).join(",")}}`;
    } finally {
      open.delete(object);
    }
  };
  return text(value);
}
