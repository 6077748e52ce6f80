import { html } from "../../src/core/html.ts";
import type { PageView } from "../../src/core/theme-contract.ts";
import type { Theme } from "../theme.ts";

export function notFoundView(theme: Theme): PageView {
  const { words } = theme;
  const main = html`<div class="not-found">
<h1>${words.notFoundTitle}</h1>
<p>${words.notFoundText}</p>
<p><a href="/">${words.notFoundBack}</a></p>
</div>`;
  return { meta: { title: words.notFoundTitle, description: words.notFoundText, url: "/404.html", ogType: "website", noindex: true }, main };
}
