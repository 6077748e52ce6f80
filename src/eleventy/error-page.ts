import type { IncomingMessage, ServerResponse } from "node:http";
import { formatProblem, type Problem } from "../core/errors.ts";
import { html } from "../core/html.ts";

export type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/**
 * A writer's mistake shown in the browser while `npm start` runs: until the
 * next build succeeds, every page the dev server is asked for is this page,
 * listing the problems (the terminal shows the same lines). The dev server
 * adds its reload script to it, so the page turns back into the site as soon
 * as the file is fixed and saved.
 */
export class BuildProblems {
  private current: readonly Problem[] = [];

  set(problems: readonly Problem[]): void {
    this.current = problems;
  }

  clear(): void {
    this.current = [];
  }

  middleware(): Middleware {
    return (request, response, next) => {
      const wantsPage = (request.headers.accept ?? "").includes("text/html") || /(?:\/|\.html)(?:\?.*)?$/.test(request.url ?? "");
      if (this.current.length === 0 || !wantsPage) return next();
      response.statusCode = 500;
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.setHeader("Cache-Control", "no-store");
      response.end(renderErrorPage(this.current));
    };
  }
}

export function renderErrorPage(problems: readonly Problem[]): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return (
    "<!DOCTYPE html>\n" +
    html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The build stopped: ${count}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}li{margin:.75rem 0;font-family:ui-monospace,monospace;white-space:pre-wrap;overflow-wrap:anywhere}h1{color:#a4001d}</style>
</head>
<body>
<main>
<h1>The build stopped: ${count}</h1>
<p>Editoriale found these problems in the content. Correct them and save: this page reloads by itself.</p>
<ol class="editoriale-problems">
${problems.map((problem) => html`<li>${formatProblem(problem)}</li>\n`)}</ol>
</main>
</body>
</html>
`.value
  );
}
