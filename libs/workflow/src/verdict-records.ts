import type { AuditEntry } from '@claimtrail/audit';
import type { ClaimReviewState } from './claim-review-state';
import type { Actor } from './lease.service';
import type { NewVerdict } from './review-changes';
import { reviewEvents } from './review-events';
import type { VerdictInput } from './verdict-rules';
import { toVerdictView, type VerdictRow, type VerdictView } from './verdict-views';

export interface Submission {
  reviewer: Actor;
  claimId: string;
  token: string;
  input: VerdictInput;
  /** Chosen before writing, so the job can be completed with it before the row exists. */
  verdictId: string;
}

/** Ends a submission's lease by completing its claim's job; throws when the lease is lost. */
export type CompleteJob = (
  submission: Submission,
  claim: ClaimReviewState | undefined,
) => Promise<void>;

/** Submissions whose jobs were completed, and the refusal of each of the others. */
export interface CompletedSubmissions {
  submissions: Submission[];
  /** Per submission, in order: the error refusing it, or undefined when its job completed. */
  refused: (Error | undefined)[];
  /** The submissions to write: those whose job was completed. */
  written: Submission[];
}

/**
 * Verdicts are written under their leases (rows locked by the caller, no claim twice): each
 * claim's job is completed in Redis first, under the submission's lease token, and only the
 * verdicts whose job was completed are written; the others answer with their own error (a
 * lost lease, a claim that does not exist), so one refusal does not touch the rest.
 */
export async function completeSubmissions(
  submissions: Submission[],
  claims: Map<string, ClaimReviewState>,
  complete: CompleteJob,
): Promise<CompletedSubmissions> {
  const refused = await Promise.all(
    submissions.map((s) =>
      complete(s, claims.get(s.claimId)).then(
        () => undefined,
        (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
      ),
    ),
  );
  const written = submissions.filter((_, i) => refused[i] === undefined);
  return { submissions, refused, written };
}

/** The verdict rows the completed submissions insert. */
export const newVerdicts = ({ written }: CompletedSubmissions): NewVerdict[] =>
  written.map((s) => ({
    id: s.verdictId,
    claimId: s.claimId,
    reviewerId: s.reviewer.id,
    input: s.input,
  }));

/**
 * Each submission's answer (its verdict, or its refusal) and the audit events of the
 * verdicts written: `rows` are the verdicts inserted, and each claim is now at the version
 * after the one locked.
 */
export function verdictOutcomes(
  completed: CompletedSubmissions,
  claims: Map<string, ClaimReviewState>,
  rows: VerdictRow[],
): { outcomes: (VerdictView | Error)[]; events: AuditEntry[] } {
  const verdicts = new Map(rows.map((r) => [r.id, toVerdictView(r)]));
  const events = completed.written.map((s) => {
    const claim = claims.get(s.claimId)!;
    return reviewEvents.reviewed(
      s.reviewer.actor,
      s.claimId,
      { status: claim.status, version: claim.version, verdictId: claim.currentVerdictId },
      claim.version + 1,
      verdicts.get(s.verdictId)!,
    );
  });
  return {
    outcomes: completed.submissions.map(
      (s, i) => completed.refused[i] ?? verdicts.get(s.verdictId)!,
    ),
    events,
  };
}
