import type { AuditEntry } from '@claimtrail/audit';

/**
 * The audit events of editors' corrections. A claim's correction records the fields it
 * changed, before and after, with the claim's version; a merge is recorded on the merged
 * source, naming the source it went into and the claims whose references moved.
 */
export const correctionEvents = {
  claimCorrected: (
    actor: string,
    claimId: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): AuditEntry => ({
    actor,
    action: 'claim.corrected',
    entityType: 'claim',
    entityId: claimId,
    before,
    after,
  }),

  sourceMerged: (
    actor: string,
    sourceId: string,
    before: { name: string; kind: string; anonymous: boolean | null; aliases: string[] },
    after: { mergedInto: string; claims: string[]; retirees: string[] },
  ): AuditEntry => ({
    actor,
    action: 'source.merged',
    entityType: 'source',
    entityId: sourceId,
    before: { ...before, mergedInto: null },
    after,
  }),
};
