/** One page of a list, with everything a pager needs. An empty list still gives one page. */
export interface Page<T> {
  items: T[];
  /** 1-based. */
  pageNumber: number;
  totalPages: number;
  /** Index of the first item of this page in the whole list. */
  start: number;
  total: number;
}

/** Splits a list into pages of `size`; O(n). */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`page size must be a whole number of at least 1, not ${size}`);
  }
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const pages: Page<T>[] = [];
  for (let i = 0; i < totalPages; i++) {
    const start = i * size;
    pages.push({ items: items.slice(start, start + size), pageNumber: i + 1, totalPages, start, total: items.length });
  }
  return pages;
}

/** `/tag/comuni/` for page 1, `/tag/comuni/page/N/` after (WordPress's scheme). */
export function pageUrl(baseUrl: string, pageNumber: number): string {
  return pageNumber <= 1 ? baseUrl : `${baseUrl}page/${pageNumber}/`;
}
