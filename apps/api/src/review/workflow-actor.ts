import type { Principal } from '@claimtrail/ingest';
import type { Actor } from '@claimtrail/workflow';
import { actorOf } from '../auth/roles';

/** The caller as the review workflow sees it: its key, and how the audit log names it. */
export const workflowActor = (principal: Principal): Actor => ({
  id: principal.id,
  actor: actorOf(principal),
});
