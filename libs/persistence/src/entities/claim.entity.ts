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
  type Relation,
} from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';
import { ArticleEntity } from './article.entity';
import { SourceEntity } from './source.entity';
import { VerdictEntity } from './verdict.entity';

export const CLAIM_STATUSES = ['queued', 'in_review', 'reviewed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

@Entity('claims')
@Unique('claims_article_id_ordinal_key', ['articleId', 'ordinal'])
@Check('claims_type_check', `type IN ('direct_quote', 'indirect', 'mixed', 'unattributed')`)
@Check('claims_status_check', `status IN ('queued', 'in_review', 'reviewed')`)
@Index('claims_status_idx', ['status', 'createdAt', 'id'])
@Index('claims_lease_expiry_idx', ['leaseExpiresAt'], { where: `status = 'in_review'` })
@Index('claims_reverify_due_idx', ['reverifyAt'], { where: `status = 'reviewed'` })
export class ClaimEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'article_id' }) articleId!: string;
  @ManyToOne(() => ArticleEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'claims_article_id_fkey' })
  article?: ArticleEntity;
  @Column('integer') ordinal!: number;
  @Column('text') text!: string;
  /** The text as claims are compared by (similarityKey of the attribution library). */
  @Column('text', { name: 'normalized_text', default: '' }) normalizedText!: string;
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
  /** The latest verdict (the history is in verdicts); null until reviewed. */
  @Column('uuid', { name: 'current_verdict_id', nullable: true }) currentVerdictId!: string | null;
  @ManyToOne(() => VerdictEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({
    name: 'current_verdict_id',
    foreignKeyConstraintName: 'claims_current_verdict_id_fkey',
  })
  currentVerdict?: Relation<VerdictEntity>;
  /** When the current verdict is due for re-verification. */
  @Column('timestamptz', { name: 'reverify_at', nullable: true }) reverifyAt!: Date | null;
  /** When the claim last went back to waiting for re-verification (null: never). */
  @Column('timestamptz', { name: 'requeued_at', nullable: true }) requeuedAt!: Date | null;
  /** The API key (reviewer) whose next lease gets this claim first. */
  @Column('uuid', { name: 'assigned_to', nullable: true }) assignedTo!: string | null;
  @ManyToOne(() => ApiKeyEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'assigned_to', foreignKeyConstraintName: 'claims_assigned_to_fkey' })
  assignee?: Relation<ApiKeyEntity>;
  /** The lease in progress (set exactly while status is in_review): who holds it... */
  @Column('uuid', { name: 'lease_holder', nullable: true }) leaseHolder!: string | null;
  @ManyToOne(() => ApiKeyEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'lease_holder', foreignKeyConstraintName: 'claims_lease_holder_fkey' })
  leaseHolderKey?: Relation<ApiKeyEntity>;
  /** ...on which review queue partition its job is locked... */
  @Column('text', { name: 'lease_queue', nullable: true }) leaseQueue!: string | null;
  /** ...and until when (Redis holds the lock itself; this is Postgres's record of it). */
  @Column('timestamptz', { name: 'lease_expires_at', nullable: true })
  leaseExpiresAt!: Date | null;
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

/**
 * Two claims of different articles whose texts are close (trigram similarity of their
 * normalized_text, as pg_trgm measures it). One row per pair, written by whichever claim's linking found the other;
 * reads look a claim up on both sides. Derived from the claims' texts, without foreign keys
 * (see the similar-links-unconstrained migration).
 */
@Entity('claim_similarities')
@Check('claim_similarities_other_claim_check', 'claim_id <> similar_id')
// (similar_id, similarity DESC): see the similar-claims migration; TypeORM cannot describe it
@Index('claim_similarities_similar_idx', { synchronize: false })
export class ClaimSimilarityEntity {
  @Column('uuid', { name: 'claim_id', primary: true }) claimId!: string;
  @Column('uuid', { name: 'similar_id', primary: true }) similarId!: string;
  /** The trigram similarity of the two keys (pg_trgm's measure), 0..1. */
  @Column('real') similarity!: number;
}

/**
 * The places of claims in the MinHash bands of their normalized_text (similarityBands of the
 * attribution library): a band keeps its first two claims (see the similarity-band-places
 * migration), and a new claim is compared with the claims kept in its bands. Derived from the
 * claim's text, keyed by band, without a foreign key (see the similar-claims migration).
 */
@Entity('claim_similarity_bands')
export class ClaimSimilarityBandEntity {
  @Column('integer', { primary: true }) band!: number;
  @Column('uuid', { name: 'claim_id', primary: true }) claimId!: string;
}
