import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Role } from '@claimtrail/persistence';
import { Authenticator } from './authenticator';
import { apiKeyFrom } from './credentials';
import { PRINCIPAL, type RequestWithPrincipal } from './principal.decorator';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { mayAccess } from './roles';

/**
 * Every route needs `Authorization: Bearer <key>` unless marked @Public(); the key's role
 * must pass the route's @Roles(). A route without @Roles() is for admins only, so a
 * forgotten decorator closes a route instead of opening it.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithPrincipal>();
    const secret = apiKeyFrom(request.headers.authorization);
    if (!secret)
      throw new UnauthorizedException('an API key is required: Authorization: Bearer <key>');
    const principal = await this.authenticator.authenticate(secret);
    if (!principal) throw new UnauthorizedException('the API key is unknown or revoked');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [
      'admin',
    ];
    if (!mayAccess(principal.role, roles))
      throw new ForbiddenException(`the ${principal.role} role may not do this`);
    request[PRINCIPAL] = principal;
    return true;
  }
}
