/**
 * EDITORIALE_PROGRESS for the Eleventy process that `npm run build` and
 * `npm start` run. They always give Eleventy `--quiet` (to hide its own line
 * per file), which would also silence Editoriale's progress; so they say
 * here what their user asked: `--quiet` among the arguments → "0"; otherwise
 * the user's EDITORIALE_PROGRESS (0 silences it), or "1".
 */
export function childProgressSetting(args: readonly string[], env: NodeJS.ProcessEnv): string {
  if (args.some((arg) => arg === "--quiet" || arg === "--quiet=true")) return "0";
  return env.EDITORIALE_PROGRESS === "0" ? "0" : "1";
}
