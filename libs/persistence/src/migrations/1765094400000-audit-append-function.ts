import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit appends in one round trip: audit_append() takes the chain's lock, reads the head,
 * chains the events and inserts them, where the client used to send each step as its own
 * statement while every other writer waited for the lock. The client still serialises each
 * event (its canonical JSON, split around `at` and `seq`, the two fields only known under the
 * lock); the function hashes exactly what AuditLog's hashEvent hashes (SHA-256 over the
 * previous hash, a newline and the canonical body, as hex), so the chain verifies as before.
 *
 * Each statement of a plpgsql function takes a new snapshot, so the head is read after the
 * lock is granted: a writer that committed while this one waited is seen.
 */
export class AuditAppendFunction1765094400000 implements MigrationInterface {
  name = 'AuditAppendFunction1765094400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_append(
        p_at timestamptz,
        p_at_json text,
        p_actor text[],
        p_action text[],
        p_entity_type text[],
        p_entity_id text[],
        p_before jsonb[],
        p_after jsonb[],
        p_body_head text[],
        p_body_tail text[]
      ) RETURNS TABLE (first_seq bigint, prev_hash text, hashes text[])
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        head_seq bigint;
        head_hash text;
        chained text[] := '{}';
        previous text[] := '{}';
      BEGIN
        -- the lock AuditLog has always taken: held until COMMIT, one next link at a time
        PERFORM pg_advisory_xact_lock(72110001);
        SELECT e.seq, e.hash INTO head_seq, head_hash
          FROM audit_events e ORDER BY e.seq DESC LIMIT 1;
        head_seq := coalesce(head_seq, 0);
        first_seq := head_seq + 1;
        prev_hash := coalesce(head_hash, repeat('0', 64));
        head_hash := prev_hash;
        FOR i IN 1 .. coalesce(cardinality(p_actor), 0) LOOP
          previous[i] := head_hash;
          head_hash := encode(sha256(convert_to(
            head_hash || E'\\n' || p_body_head[i] || p_at_json || p_body_tail[i]
              || (head_seq + i)::text || '}',
            'UTF8')), 'hex');
          chained[i] := head_hash;
        END LOOP;
        INSERT INTO audit_events (seq, at, actor, action, entity_type, entity_id, before, after,
          prev_hash, hash)
        SELECT head_seq + u.n, p_at, u.actor, u.action, u.entity_type, u.entity_id, u.before,
          u.after, u.prev_hash, u.hash
        FROM unnest(p_actor, p_action, p_entity_type, p_entity_id, p_before, p_after, previous,
          chained) WITH ORDINALITY
          AS u(actor, action, entity_type, entity_id, before, after, prev_hash, hash, n);
        hashes := chained;
        RETURN NEXT;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION audit_append(timestamptz, text, text[], text[], text[], text[], jsonb[], jsonb[], text[], text[])`,
    );
  }
}
