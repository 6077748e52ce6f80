import { html } from "../../src/core/html.ts";
import type { Theme } from "../theme.ts";
import { renderDocument } from "../partials/document.ts";

export function renderNotFound(theme: Theme): string {
  const { words } = theme.model.options;
  const main = html`<div class="not-found">
<h1>${words.notFoundTitle}</h1>
<p>${words.notFoundText}</p>
<p><a href="/">${words.notFoundBack}</a></p>
</div>`;
  return renderDocument(theme, { title: words.notFoundTitle, description: words.notFoundText, url: "/404.html", ogType: "website", noindex: true }, main);
}
