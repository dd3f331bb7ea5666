import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Articles, the shared source registry, claims with their sources and relays, API keys and
 * the append-only audit log. Uniqueness lives in indexes, so writers use ON CONFLICT instead
 * of looking first; the audit table refuses UPDATE, DELETE and TRUNCATE itself.
 */
export class InitialSchema1764489600000 implements MigrationInterface {
  name = 'InitialSchema1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer', 'auditor')),
        key_hash text NOT NULL UNIQUE,
        key_prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        content_hash text NOT NULL UNIQUE,
        text text NOT NULL,
        headline text,
        outlet text,
        url text,
        language text CHECK (language IN ('ar', 'en')),
        published_at timestamptz,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'extracting', 'extracted', 'failed')),
        error text,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        extracted_at timestamptz
      )`);
    await q.query(`CREATE INDEX articles_status_idx ON articles (status, updated_at)`);
    await q.query(`
      CREATE TABLE sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        registry_key text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL,
        anonymous boolean,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE source_aliases (
        source_id uuid NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        alias text NOT NULL,
        PRIMARY KEY (source_id, alias)
      )`);
    await q.query(`
      CREATE TABLE claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL REFERENCES articles (id),
        ordinal integer NOT NULL,
        text text NOT NULL,
        start_offset integer NOT NULL,
        end_offset integer NOT NULL,
        sentence integer NOT NULL,
        type text NOT NULL CHECK (type IN ('direct_quote', 'indirect', 'mixed', 'unattributed')),
        cue text,
        checkworthiness real NOT NULL,
        language text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'in_review', 'reviewed')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (article_id, ordinal)
      )`);
    await q.query(`CREATE INDEX claims_status_idx ON claims (status, created_at, id)`);
    await q.query(`
      CREATE TABLE claim_sources (
        claim_id uuid NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('source', 'via')),
        position integer NOT NULL,
        source_id uuid NOT NULL REFERENCES sources (id),
        mention text NOT NULL,
        PRIMARY KEY (claim_id, role, position)
      )`);
    await q.query(`CREATE INDEX claim_sources_source_idx ON claim_sources (source_id)`);
    await q.query(`
      CREATE TABLE audit_events (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await q.query(
      `CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, seq)`,
    );
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only`);
    await q.query(`DROP TABLE claim_sources`);
    await q.query(`DROP TABLE claims`);
    await q.query(`DROP TABLE source_aliases`);
    await q.query(`DROP TABLE sources`);
    await q.query(`DROP TABLE articles`);
    await q.query(`DROP TABLE api_keys`);
  }
}
