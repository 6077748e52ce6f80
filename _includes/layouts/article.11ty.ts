import type { Theme } from "../theme.ts";
import { renderArticle } from "./article.ts";

interface ArticleLayoutData {
  content: string;
  page: { inputPath: string };
  collections: { editoriale: Theme };
}

/** Eleventy layout of every article: finds the article in the site model and renders its page. */
export function render(data: ArticleLayoutData): string {
  const theme = data.collections.editoriale;
  const article = theme.model.byFile.get(data.page.inputPath);
  if (!article) throw new Error(`Editoriale: ${data.page.inputPath} is not in the site model`);
  return renderArticle(theme, article, data.content);
}
