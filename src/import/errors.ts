/**
 * An import that cannot go on: the message is one line naming the file and
 * the problem, in words the person running the import can act on.
 */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "ImportError";
  }
}

/** Turns a file-system or parser failure into an ImportError about `file`. */
export function asImportError(file: string, error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return new ImportError(file, "file not found");
  if (code === "EISDIR") return new ImportError(file, "is a folder, not a WXR export file");
  if (code === "EACCES") return new ImportError(file, "cannot be read (permission denied)");
  const message = error instanceof Error ? error.message : String(error);
  // saxes prefixes its messages with "file:line:column: "; keep the position.
  const position = /^.*?:(\d+):(\d+): (.*)$/s.exec(message);
  if (position) {
    const [, line, column, what] = position;
    return new ImportError(file, `not well-formed XML at line ${line}, column ${column}: ${oneLine(what ?? "")}`);
  }
  return new ImportError(file, oneLine(message));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
