import type { Problem } from "./errors.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A content file's bytes as text, or the problem of a file that is not UTF-8. Read leniently, a
 * Latin-1 file publishes mojibake ("perch� la povert�" → /perch-la-povert/): it is refused instead,
 * naming the encoding it most likely has, so that the editor knows what to save it as.
 */
export function decodeContent(bytes: Uint8Array, file: string): { text: string } | { problem: Problem } {
  // UTF-16 with ASCII text is valid UTF-8 byte by byte (every other byte NUL): look for it first.
  const utf16 = looksLikeUtf16(bytes);
  if (!utf16) {
    try {
      return { text: utf8.decode(bytes) };
    } catch {
      // Not UTF-8: guessed below.
    }
  }
  const guess = utf16 ? "UTF-16" : "Windows-1252/Latin-1 (accented letters stored as single bytes 0x80–0xFF)";
  return {
    problem: {
      code: "FILE_ENCODING",
      file,
      field: "(file)",
      message: `the file is not UTF-8 text; it looks like ${guess}${utf16 ? "" : firstOddLine(bytes)}`,
      fix: "open it in your editor and save it as UTF-8 (in many editors: File → Save with encoding → UTF-8)",
    },
  };
}

function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = bytes.subarray(0, 4096);
  let nul = 0;
  for (const byte of sample) if (byte === 0) nul++;
  // Text has no NUL; UTF-16 of Latin text has one every other byte.
  return sample.length > 0 && nul / sample.length > 0.2;
}

/** " (first on line N)": where the first byte that cannot start or continue UTF-8 is. */
function firstOddLine(bytes: Uint8Array): string {
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0x0a) line++;
    if (byte < 0x80) continue;
    const length = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xc2 && byte <= 0xdf ? 2 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (!ok) return ` (the first such byte, 0x${byte.toString(16).toUpperCase()}, is on line ${line})`;
    i += length - 1;
  }
  return "";
}
