import { DomainError } from '@claimtrail/ingest';
import type { Attribution, EvidenceLink, Veracity } from '@claimtrail/persistence';

export interface VerdictInput {
  attribution: Attribution;
  veracity: Veracity;
  rationale?: string | null;
  evidence?: EvidenceLink[];
  reverifyAt?: Date | null;
}

/** The one verdict that needs no explanation: the right speaker said something true. */
export const needsRationale = (v: Pick<VerdictInput, 'attribution' | 'veracity'>): boolean =>
  !(v.attribution === 'confirmed' && v.veracity === 'true');

/**
 * The rules a verdict must follow beyond the shape of its fields (which the API checks):
 * a rationale unless the claim is confirmed and true, and a re-verification date in the
 * future. Breaking one is invalid input naming the field.
 */
export function checkVerdict(input: VerdictInput, now: Date): void {
  if (needsRationale(input) && !input.rationale?.trim())
    throw new DomainError(
      'invalid_input',
      'rationale is required unless attribution is confirmed and veracity is true',
    );
  if (input.reverifyAt && input.reverifyAt.getTime() <= now.getTime())
    throw new DomainError('invalid_input', 'reverifyAt must be in the future');
}
