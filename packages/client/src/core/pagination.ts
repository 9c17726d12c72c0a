// Paginated collections: await one page, or `for await` over every item,
// fetching the next pages lazily until `next_page` is null.
import { APIPromise, type WithResponse } from './api-promise.js';

export interface PaginationMeta {
  prev_page: number | null;
  current_page: number;
  next_page: number | null;
  total_pages: number;
  total_count: number;
}

export class Page<Item> implements AsyncIterable<Item> {
  constructor(
    /** Items of this page. */
    readonly items: Item[],
    /** `meta.pagination` of the answer. */
    readonly pagination: PaginationMeta,
    private readonly fetchPage: (page: number) => Promise<WithResponse<Page<Item>>>,
  ) {}

  hasNextPage(): boolean {
    return this.pagination.next_page != null;
  }

  /** The next page; throws when there is none (check `hasNextPage()`). */
  async getNextPage(): Promise<Page<Item>> {
    if (this.pagination.next_page == null) throw new Error('This is the last page');
    return (await this.fetchPage(this.pagination.next_page)).data;
  }

  /** Every item from this page on. */
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    let page: Page<Item> = this;
    for (;;) {
      yield* page.items;
      if (!page.hasNextPage()) return;
      page = await page.getNextPage();
    }
  }
}

export class PagePromise<Item> extends APIPromise<Page<Item>> implements AsyncIterable<Item> {
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    yield* await this;
  }
}
