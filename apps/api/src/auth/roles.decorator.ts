import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiOperation,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Role } from '@claimtrail/persistence';
import { ErrorDto } from '../common/error.dto';
import { rolesAllowed } from './roles';

export const ROLES_KEY = 'claimtrail:roles';
export const PUBLIC_KEY = 'claimtrail:public';

/** The roles a route is open to (see ROLE_GRANTS: admin passes every check). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route that needs no API key. Only GET /health is one. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Declares who may call a route and documents it: the roles, the bearer scheme and the
 * 401/403 answers appear in the OpenAPI document next to the route.
 */
export function Access(options: { roles: Role[]; summary: string; description?: string }) {
  const allowed = rolesAllowed(options.roles);
  const note = `Roles: ${allowed.join(', ')}.`;
  return applyDecorators(
    Roles(...options.roles),
    ApiOperation({
      summary: options.summary,
      description: options.description ? `${options.description}\n\n${note}` : note,
    }),
    ApiExtension('x-roles', allowed),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      description: 'No API key, or an unknown or revoked one.',
      type: ErrorDto,
    }),
    ApiForbiddenResponse({
      description: `The key's role is not one of: ${allowed.join(', ')}.`,
      type: ErrorDto,
    }),
  );
}
