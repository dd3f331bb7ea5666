import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const ARTICLE_STATUSES = ['queued', 'extracting', 'extracted', 'failed'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

@Entity('articles')
@Check('articles_language_check', `language IN ('ar', 'en')`)
@Check('articles_status_check', `status IN ('queued', 'extracting', 'extracted', 'failed')`)
@Index('articles_status_idx', ['status', 'updatedAt'])
export class ArticleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** SHA-256 of outlet and text: the same text from the same outlet is one article. */
  @Column('text', { name: 'content_hash', unique: true }) contentHash!: string;
  @Column('text') text!: string;
  @Column('text', { nullable: true }) headline!: string | null;
  @Column('text', { nullable: true }) outlet!: string | null;
  @Column('text', { nullable: true }) url!: string | null;
  @Column('text', { nullable: true }) language!: 'ar' | 'en' | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
  @Column('text', { default: 'queued' }) status!: ArticleStatus;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('integer', { default: 0 }) attempts!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'extracted_at', nullable: true }) extractedAt!: Date | null;
}
