// Paginated collections: await one page, or `for await` over every item,
// fetching the next pages lazily until `next_page` is null.
import { APIPromise, type WithResponse } from './api-promise.js';
import type { CoreClient, Params } from './client.js';
import type { OperationSpec } from './operation.js';
import type { RequestOptions } from './options.js';

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

const ONE_PAGE: PaginationMeta = { prev_page: null, current_page: 1, next_page: null, total_pages: 1, total_count: 0 };

/** Calls a paginated operation: await it for one page, or iterate it for every item. */
export function page<Item>(
  client: CoreClient,
  spec: OperationSpec,
  positional: unknown,
  params: Params,
  options?: RequestOptions,
): PagePromise<Item> {
  const fetchPage = async (number?: number): Promise<WithResponse<Page<Item>>> => {
    const { data, response } = await client.request(
      spec,
      positional,
      number ? { ...params, page: number } : params,
      options,
    );
    const body = (data ?? {}) as Record<string, unknown>;
    const meta = (body.meta as { pagination?: PaginationMeta } | undefined)?.pagination ?? ONE_PAGE;
    return { data: new Page<Item>((body[spec.paginated!] as Item[]) ?? [], meta, fetchPage), response };
  };
  return new PagePromise<Item>(fetchPage());
}
