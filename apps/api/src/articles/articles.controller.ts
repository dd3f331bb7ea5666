import { Body, Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '@claimtrail/config';
import { ArticleService, DomainError, ReadService, type Principal } from '@claimtrail/ingest';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { Access } from '../auth/roles.decorator';
import { actorOf, READERS } from '../auth/roles';
import { ErrorDto } from '../common/error.dto';
import { NoQuery } from '../common/no-query';
import { UuidParam } from '../common/uuid-param';
import { APP_CONFIG } from '../infrastructure/tokens';
import {
  ArticleAcceptedDto,
  ArticleDto,
  SubmitArticleDto,
  type SubmitArticleBody,
} from './article.dto';
import { toArticleView } from './article.view';
import { SubmitArticlePipe } from './submit-article.pipe';

@ApiTags('articles')
@Controller('articles')
export class ArticlesController {
  constructor(
    private readonly articles: ArticleService,
    private readonly read: ReadService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @Access({
    roles: ['editor'],
    summary: 'Submit an article for extraction',
    description:
      'Stored in Postgres before the answer, then queued for extraction (if Redis is down it is queued once Redis is back). The same text from the same outlet again answers 200 with the existing article.',
  })
  @ApiBody({ type: SubmitArticleDto })
  @ApiAcceptedResponse({ type: ArticleAcceptedDto, description: 'A new article, queued.' })
  @ApiOkResponse({ type: ArticleAcceptedDto, description: 'The same text (and outlet) again.' })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid.', type: ErrorDto })
  @ApiPayloadTooLargeResponse({ description: 'The text or the body is too large.', type: ErrorDto })
  @ApiUnsupportedMediaTypeResponse({
    description: 'The body is not application/json.',
    type: ErrorDto,
  })
  @ApiServiceUnavailableResponse({ description: 'Postgres is unreachable.', type: ErrorDto })
  async submit(
    // an interface, not a class: the global ValidationPipe leaves it to SubmitArticlePipe
    @Body(new SubmitArticlePipe()) body: SubmitArticleBody,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
    @NoQuery() _query: object,
  ): Promise<ArticleAcceptedDto> {
    if (body.text.length > this.config.maxArticleChars)
      throw new DomainError(
        'too_large',
        `text must be at most ${this.config.maxArticleChars} characters (got ${body.text.length})`,
      );
    const { article, created } = await this.articles.submit(
      {
        text: body.text,
        headline: body.headline ?? null,
        outlet: body.outlet ?? null,
        url: body.url ?? null,
        language: body.language ?? null,
        publishedAt: body.publishedAt ? new Date(body.publishedAt) : null,
      },
      actorOf(principal),
    );
    void reply.status(created ? 202 : 200);
    return { id: article.id, status: article.status };
  }

  @Get(':id')
  @Access({ roles: [...READERS], summary: 'An article with its status and claims' })
  @ApiOkResponse({ type: ArticleDto })
  @ApiBadRequestResponse({ description: 'id is not a UUID.', type: ErrorDto })
  @ApiNotFoundResponse({ type: ErrorDto })
  async get(@UuidParam('id') id: string, @NoQuery() _query: object): Promise<ArticleDto> {
    const { article, claims } = await this.read.article(id);
    return toArticleView(article, claims);
  }
}
