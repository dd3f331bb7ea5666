import { BadRequestException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../src/common/page-query.dto';
import { QueryValidationPipe } from '../src/common/query-validation.pipe';

class StatusQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['queued', 'reviewed'])
  status?: string;
}

class OtherQueryDto extends PageQueryDto {}

const asQuery = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({
  type: 'query',
  metatype,
});

/** The global pipe remembers valid query strings; what it answers must not change by it. */
describe('QueryValidationPipe', () => {
  const options = { whitelist: true, forbidNonWhitelisted: true, transform: true };

  it('answers a remembered query as it answered it the first time, with a copy each time', async () => {
    const pipe = new QueryValidationPipe(options);
    const first = (await pipe.transform(
      { status: 'queued', limit: '20' },
      asQuery(StatusQueryDto),
    )) as StatusQueryDto;
    const again = (await pipe.transform(
      { status: 'queued', limit: '20' },
      asQuery(StatusQueryDto),
    )) as StatusQueryDto;
    expect(first).toBeInstanceOf(StatusQueryDto);
    expect(again).toBeInstanceOf(StatusQueryDto);
    expect(again).toEqual({ status: 'queued', limit: 20 });
    expect(again).not.toBe(first);
    // a caller changing its copy changes nobody else's
    first.status = 'reviewed';
    const third = (await pipe.transform(
      { status: 'queued', limit: '20' },
      asQuery(StatusQueryDto),
    )) as StatusQueryDto;
    expect(third.status).toBe('queued');
  });

  it('validates a query string once, and the same string for another DTO again', async () => {
    const pipe = new QueryValidationPipe(options);
    const validations = jest.spyOn(ValidationPipe.prototype, 'transform');
    try {
      for (let i = 0; i < 3; i += 1)
        await pipe.transform({ status: 'queued' }, asQuery(StatusQueryDto));
      expect(validations).toHaveBeenCalledTimes(1);
      await pipe.transform({ status: 'reviewed' }, asQuery(StatusQueryDto));
      await pipe.transform({}, asQuery(OtherQueryDto));
      await pipe.transform({}, asQuery(StatusQueryDto));
      expect(validations).toHaveBeenCalledTimes(4);
    } finally {
      validations.mockRestore();
    }
  });

  it('refuses a bad query every time, with the same messages', async () => {
    const pipe = new QueryValidationPipe(options);
    for (let i = 0; i < 2; i += 1)
      await expect(
        pipe.transform({ status: 'gone', limit: '0' }, asQuery(StatusQueryDto)),
      ).rejects.toBeInstanceOf(BadRequestException);
  });

  it('keeps the DTOs apart: the same query string may be valid for one and not another', async () => {
    const pipe = new QueryValidationPipe(options);
    await expect(
      pipe.transform({ status: 'queued' }, asQuery(StatusQueryDto)),
    ).resolves.toBeInstanceOf(StatusQueryDto);
    // OtherQueryDto has no status: forbidden
    await expect(
      pipe.transform({ status: 'queued' }, asQuery(OtherQueryDto)),
    ).rejects.toBeInstanceOf(BadRequestException);
  });

  it('validates bodies as ValidationPipe does, without remembering them', async () => {
    const pipe = new QueryValidationPipe(options);
    const body: ArgumentMetadata = { type: 'body', metatype: StatusQueryDto };
    await expect(pipe.transform({ status: 'gone' }, body)).rejects.toBeInstanceOf(
      BadRequestException,
    );
    await expect(pipe.transform({ status: 'queued' }, body)).resolves.toEqual({
      status: 'queued',
      limit: 50,
    });
  });
});
