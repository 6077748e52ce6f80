import path from "node:path";
import type { Problem } from "../core/errors.ts";

/**
 * A build with no article is almost always a wrong `--input` or an emptied
 * folder, and publishing it would replace the site online with an empty one:
 * a one-off build refuses it unless asked (`npm run build -- --allow-empty`
 * sets EDITORIALE_ALLOW_EMPTY=1). `npm start` serves an empty site, to be filled.
 */
export function emptySiteProblems(articles: number, runMode: string, input: string, env: NodeJS.ProcessEnv = process.env): Problem[] {
  if (articles > 0 || runMode !== "build" || env.EDITORIALE_ALLOW_EMPTY === "1") return [];
  const folder = path.relative(process.cwd(), input) || ".";
  return [
    {
      code: "SITE_EMPTY",
      file: folder.startsWith("..") || path.isAbsolute(folder) ? folder : `./${folder}`,
      field: "articles",
      message: "the content folder has no article to publish (drafts are not published), so the site would be replaced by an empty one",
      fix: `add articles to ${folder} or check --input; to publish an empty site on purpose, run npm run build -- --allow-empty`,
    },
  ];
}
