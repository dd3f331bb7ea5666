import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

/** ParseUUIDPipe's own test of a value, for code that runs before Nest's pipes. */
class UuidTest extends ParseUUIDPipe {
  passes(value: string): boolean {
    return this.isUUID(value);
  }
}
const uuidTest = new UuidTest();

/** True when `value` is a UUID as UuidParam accepts it. */
export const isUuid = (value: string): boolean => uuidTest.passes(value);

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new BadRequestException(`${name} must be a UUID`),
    }),
  );
