import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';
import { ClaimEntity } from './claim.entity';

/** Who said it: the attribution axis of a verdict. */
export const ATTRIBUTIONS = ['confirmed', 'misattributed', 'unconfirmed'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];
/** Is it so: the veracity axis of a verdict. */
export const VERACITIES = ['true', 'mostly_true', 'misleading', 'false', 'unverifiable'] as const;
export type Veracity = (typeof VERACITIES)[number];

export interface EvidenceLink {
  url: string;
  note?: string;
}

/** One verdict on a claim. Rows are never changed or deleted (Postgres refuses it). */
@Entity('verdicts')
@Check('verdicts_attribution_check', `attribution IN ('confirmed', 'misattributed', 'unconfirmed')`)
@Check(
  'verdicts_veracity_check',
  `veracity IN ('true', 'mostly_true', 'misleading', 'false', 'unverifiable')`,
)
@Index('verdicts_claim_idx', ['claimId', 'createdAt'])
export class VerdictEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'claim_id' }) claimId!: string;
  @ManyToOne(() => ClaimEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'claim_id', foreignKeyConstraintName: 'verdicts_claim_id_fkey' })
  claim?: Relation<ClaimEntity>;
  @Column('uuid', { name: 'reviewer_id' }) reviewerId!: string;
  @ManyToOne(() => ApiKeyEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'reviewer_id', foreignKeyConstraintName: 'verdicts_reviewer_id_fkey' })
  reviewer?: ApiKeyEntity;
  @Column('text') attribution!: Attribution;
  @Column('text') veracity!: Veracity;
  @Column('text', { nullable: true }) rationale!: string | null;
  @Column('jsonb') evidence!: EvidenceLink[];
  @Column('timestamptz', { name: 'reverify_at', nullable: true }) reverifyAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
