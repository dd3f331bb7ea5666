import { ValidationPipe, type ArgumentMetadata, type ValidationPipeOptions } from '@nestjs/common';
import { LRUCache } from 'lru-cache';

/** Distinct valid query strings remembered, over all query DTOs. */
const REMEMBERED_QUERIES = 1_000;

/**
 * The API's ValidationPipe, which also remembers the query strings it has validated. A
 * query DTO's validation is a pure function of the query string, and list pages are polled
 * with the same few of them (a desk's dashboard asks for the queued claims again and
 * again), while class-transformer's copy and class-validator's metadata walk cost more than
 * anything else in serving a cached page but writing it. Only valid queries are remembered
 * (a bad one is refused with its messages every time), and each request gets its own copy of
 * the DTO.
 */
export class QueryValidationPipe extends ValidationPipe {
  private readonly valid = new LRUCache<string, object>({ max: REMEMBERED_QUERIES });
  private readonly typeIds = new WeakMap<object, number>();
  private nextTypeId = 1;

  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { type, metatype } = metadata;
    // what ValidationPipe does not validate (`@NoQuery() _query: object`) passes as it did
    if (type !== 'query' || !metatype || !this.toValidate(metadata) || !isPlainQuery(value))
      return super.transform(value, metadata);
    const key = `${this.typeId(metatype)} ${JSON.stringify(value)}`;
    const known = this.valid.get(key);
    if (known) return copy(known);
    const validated = (await super.transform(value, metadata)) as object;
    this.valid.set(key, validated);
    return copy(validated);
  }

  /** Query DTO classes by a number each, so that keys stay short. */
  private typeId(metatype: object): number {
    let id = this.typeIds.get(metatype);
    if (id === undefined) {
      id = this.nextTypeId++;
      this.typeIds.set(metatype, id);
    }
    return id;
  }
}

/** A parsed query string: string values, or arrays of them for repeated parameters. */
function isPlainQuery(value: unknown): value is Record<string, string | string[]> {
  return typeof value === 'object' && value !== null;
}

const copy = (dto: object): object =>
  Object.assign(Object.create(Object.getPrototypeOf(dto) as object) as object, dto);
