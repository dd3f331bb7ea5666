import type { DataSource, EntityManager } from 'typeorm';
import type { AuditLog } from '@claimtrail/audit';
import { DomainError } from '@claimtrail/ingest';
import { notifyClaimsChanged } from '@claimtrail/persistence';
import { correctionEvents } from './correction-events';
import type { Actor } from './lease.service';
import { mergeRefs, type ClaimRef } from './merged-refs';
import { retriedTransaction } from './retried-transaction';

/**
 * Merges take turns: a merge also re-points the sources merged into the one it retires,
 * rows beyond the two it names, and merges are rare enough that one at a time costs nothing.
 */
const MERGE_LOCK = 72_110_003;

interface SourceRow {
  id: string;
  name: string;
  kind: string;
  anonymous: boolean | null;
  merged_into: string | null;
}

export interface MergeOutcome {
  /** The claims whose references moved (none when the merge had been done already). */
  claims: string[];
}

/**
 * Merging one registry source into another (two names for one speaker): every claim that
 * cites it cites the survivor instead (a claim citing both keeps one reference), its aliases
 * and its name become the survivor's aliases, and it is retired (`merged_into`): later
 * extractions that name it, and corrections that give its id, reach the survivor. Track
 * records are computed from the references, so they follow.
 *
 * One transaction: the two sources locked FOR UPDATE in id order (extractions and
 * corrections that reference them wait, and then see the merge), then the citing claims in
 * id order (as a correction locks its claim before rewriting its references), then the
 * references, the aliases, the retirement and the audit event.
 */
export class SourceMergeService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async merge(editor: Actor, sourceId: string, intoId: string): Promise<MergeOutcome> {
    const from = sourceId.toLowerCase();
    const into = intoId.toLowerCase();
    if (from === into)
      throw new DomainError('invalid_input', 'intoId must name another source than the merged one');
    return retriedTransaction(this.db, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MERGE_LOCK]);
      const rows = await tx.query<SourceRow[]>(
        `SELECT id, name, kind, anonymous, merged_into FROM sources
         WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [[from, into]],
      );
      const source = rows.find((r) => r.id === from);
      const target = rows.find((r) => r.id === into);
      if (!source) throw new DomainError('not_found', `source ${from} not found`);
      if (!target) throw new DomainError('not_found', `source ${into} (intoId) not found`);
      // the same merge again (a retried request): done already
      if (source.merged_into === into) return { claims: [] };
      if (source.merged_into)
        throw new DomainError(
          'conflict',
          `source ${from} was merged into ${source.merged_into} already`,
        );
      if (target.merged_into)
        throw new DomainError(
          'conflict',
          `source ${into} was merged into ${target.merged_into}: merge into that one`,
        );
      const claims = await moveRefs(tx, from, into);
      const aliases = await moveAliases(tx, source, into);
      const retired = await tx.query<[{ id: string }[], number]>(
        `UPDATE sources SET merged_into = $2 WHERE id = $1 OR merged_into = $1 RETURNING id`,
        [from, into],
      );
      await this.audit.append(tx, [
        correctionEvents.sourceMerged(
          editor.actor,
          from,
          { name: source.name, kind: source.kind, anonymous: source.anonymous, aliases },
          {
            mergedInto: into,
            claims,
            retirees: retired[0]
              .map((r) => r.id)
              .filter((id) => id !== from)
              .sort(),
          },
        ),
      ]);
      if (claims.length > 0) await notifyClaimsChanged(tx, claims);
      return { claims };
    });
  }
}

/** Moves every reference to `from` onto `into`; returns the claims concerned, in id order. */
async function moveRefs(tx: EntityManager, from: string, into: string): Promise<string[]> {
  const locked = await tx.query<{ id: string }[]>(
    `SELECT id FROM claims WHERE id IN (SELECT claim_id FROM claim_sources WHERE source_id = $1)
     ORDER BY id FOR NO KEY UPDATE`,
    [from],
  );
  const claims = locked.map((r) => r.id);
  if (claims.length === 0) return claims;
  // all of these claims' references, so that positions can be renumbered where two collapse
  const [old] = await tx.query<[ClaimRef[], number]>(
    `DELETE FROM claim_sources WHERE claim_id = ANY($1::uuid[])
     RETURNING claim_id AS "claimId", role, position, source_id AS "sourceId", mention`,
    [claims],
  );
  const merged = mergeRefs(old, from, into);
  await tx.query(
    `INSERT INTO claim_sources (claim_id, role, position, source_id, mention)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::uuid[], $5::text[])`,
    [
      merged.map((r) => r.claimId),
      merged.map((r) => r.role),
      merged.map((r) => r.position),
      merged.map((r) => r.sourceId),
      merged.map((r) => r.mention),
    ],
  );
  return claims;
}

/** Gives the survivor the merged source's aliases and name; returns what the merged one had. */
async function moveAliases(tx: EntityManager, source: SourceRow, into: string): Promise<string[]> {
  const [removed] = await tx.query<[{ alias: string }[], number]>(
    'DELETE FROM source_aliases WHERE source_id = $1 RETURNING alias',
    [source.id],
  );
  const aliases = removed.map((r) => r.alias).sort();
  await tx.query(
    `INSERT INTO source_aliases (source_id, alias)
     SELECT $1, a FROM unnest($2::text[]) AS a ON CONFLICT DO NOTHING`,
    [into, [...new Set([source.name, ...aliases])]],
  );
  return aliases;
}
