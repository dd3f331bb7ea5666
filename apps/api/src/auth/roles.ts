import { ROLES, type Role } from '@claimtrail/persistence';

/**
 * The contract's role table as inclusion: a role may do what it grants. An admin may do
 * everything; an editor everything a reviewer may; reviewers and auditors only their own.
 */
export const ROLE_GRANTS: Record<Role, readonly Role[]> = {
  admin: ROLES,
  editor: ['editor', 'reviewer'],
  reviewer: ['reviewer'],
  auditor: ['auditor'],
};

/** Reading claims, sources and articles: every role ("read" in the contract). */
export const READERS: readonly Role[] = ['reviewer', 'auditor'];

/** True when `role` may use a route open to any of `required`. */
export function mayAccess(role: Role, required: readonly Role[]): boolean {
  return required.some((r) => ROLE_GRANTS[role].includes(r));
}

/** The roles that pass `required`, for documentation and tests. */
export function rolesAllowed(required: readonly Role[]): Role[] {
  return ROLES.filter((role) => mayAccess(role, required));
}

/** The actor recorded in the audit log for a request made with an API key. */
export const actorOf = (principal: { id: string }): string => `key:${principal.id}`;
