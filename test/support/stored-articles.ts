import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Stores an article row as intake does, without queueing a job and without an audit event:
 * for tests that run extraction themselves.
 */
export async function storeArticle(
  db: DataSource,
  text: string,
  fields: { headline?: string; outlet?: string; language?: 'ar' | 'en' } = {},
): Promise<string> {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO articles (content_hash, text, headline, outlet, language) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      createHash('sha256')
        .update(`${fields.outlet ?? ''}\n${text}`)
        .digest('hex'),
      text,
      fields.headline ?? null,
      fields.outlet ?? null,
      fields.language ?? null,
    ],
  );
  return rows[0]!.id;
}
