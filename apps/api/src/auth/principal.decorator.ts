import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@claimtrail/ingest';

/** Where the guard leaves the authenticated key on the request. */
export const PRINCIPAL = Symbol('principal');

export type RequestWithPrincipal = { [PRINCIPAL]?: Principal };

/** The API key the request was made with (set by ApiKeyGuard). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal => {
    const principal = ctx.switchToHttp().getRequest<RequestWithPrincipal>()[PRINCIPAL];
    // the guard runs before every non-public handler; a handler without one is a wiring bug
    if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
    return principal;
  },
);
