import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const CLAIM_STATUSES = ['queued', 'in_review', 'reviewed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

@Entity('claims')
export class ClaimEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'article_id' }) articleId!: string;
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
export class ClaimSourceEntity {
  @Column('uuid', { name: 'claim_id', primary: true }) claimId!: string;
  @Column('text', { primary: true }) role!: 'source' | 'via';
  @Column('integer', { primary: true }) position!: number;
  @Column('uuid', { name: 'source_id' }) sourceId!: string;
  @Column('text') mention!: string;
}
