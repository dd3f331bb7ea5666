import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { ArticleEntity } from './article.entity';
import { SourceEntity } from './source.entity';

export const CLAIM_STATUSES = ['queued', 'in_review', 'reviewed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

@Entity('claims')
@Unique('claims_article_id_ordinal_key', ['articleId', 'ordinal'])
@Check('claims_type_check', `type IN ('direct_quote', 'indirect', 'mixed', 'unattributed')`)
@Check('claims_status_check', `status IN ('queued', 'in_review', 'reviewed')`)
@Index('claims_status_idx', ['status', 'createdAt', 'id'])
export class ClaimEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'article_id' }) articleId!: string;
  @ManyToOne(() => ArticleEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'claims_article_id_fkey' })
  article?: ArticleEntity;
  @Column('integer') ordinal!: number;
  @Column('text') text!: string;
  @Column('integer', { name: 'start_offset' }) start!: number;
  @Column('integer', { name: 'end_offset' }) end!: number;
  @Column('integer') sentence!: number;
  @Column('text') type!: 'direct_quote' | 'indirect' | 'mixed' | 'unattributed';
  @Column('text', { nullable: true }) cue!: string | null;
  @Column('real') checkworthiness!: number;
  @Column('text') language!: 'ar' | 'en';
  @Column('text', { default: 'queued' }) status!: ClaimStatus;
  @Column('integer', { default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('claim_sources')
@Check('claim_sources_role_check', `role IN ('source', 'via')`)
@Index('claim_sources_source_idx', ['sourceId'])
export class ClaimSourceEntity {
  @Column('uuid', { name: 'claim_id', primary: true }) claimId!: string;
  @Column('text', { primary: true }) role!: 'source' | 'via';
  @Column('integer', { primary: true }) position!: number;
  @Column('uuid', { name: 'source_id' }) sourceId!: string;
  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id', foreignKeyConstraintName: 'claim_sources_claim_id_fkey' })
  claim?: ClaimEntity;
  @ManyToOne(() => SourceEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'claim_sources_source_id_fkey' })
  source?: SourceEntity;
  @Column('text') mention!: string;
}
