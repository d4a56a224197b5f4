/**
 * NgDP `PagingResultUUID {content, number, size, previous, next, totalElements, totalPages}`.
 * @module
 */
export interface PagingResult<T> {
  readonly content: readonly T[];
  readonly number: number;
  readonly size: number;
  readonly previous: string | null;
  readonly next: string | null;
  readonly totalElements: number;
  readonly totalPages: number;
}

export function pagingResult<T>(all: readonly T[], url: URL): PagingResult<T> {
  const size = Math.min(1000, Math.max(1, Number(url.searchParams.get('size') ?? 100) || 100));
  const page = Math.max(0, Number(url.searchParams.get('page') ?? 0) || 0);
  const totalPages = Math.max(1, Math.ceil(all.length / size));
  const link = (p: number) => {
    const u = new URL(url.toString());
    u.searchParams.set('page', String(p));
    u.searchParams.set('size', String(size));
    return `${u.pathname}${u.search}`;
  };
  return {
    content: all.slice(page * size, page * size + size),
    number: page,
    size,
    previous: page > 0 ? link(page - 1) : null,
    next: page + 1 < totalPages ? link(page + 1) : null,
    totalElements: all.length,
    totalPages,
  };
}
