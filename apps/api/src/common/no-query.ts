import { BadRequestException, Query, type PipeTransform } from '@nestjs/common';

/** Refuses every query parameter, in the words ValidationPipe uses for unknown ones. */
class RejectQueryPipe implements PipeTransform<Record<string, unknown>, Record<string, never>> {
  transform(query: Record<string, unknown>): Record<string, never> {
    const names = Object.keys(query ?? {});
    if (names.length > 0)
      throw new BadRequestException(names.map((n) => `property ${n} should not exist`));
    return {};
  }
}

/** For a route that takes no query parameters: any parameter is a 400 naming it. */
export const NoQuery = () => Query(new RejectQueryPipe());
