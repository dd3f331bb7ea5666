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

export const EXPORT_KINDS = ['audit-csv', 'audit-jsonl', 'claims-csv', 'claimreview'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
/** `expired`: done, and its file deleted once EXPORT_RETENTION had passed. */
export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** What an export was asked to cover: a time range, each end optional ([from, to)). */
export interface ExportParams {
  from?: string;
  to?: string;
}

/**
 * One export: what was asked, how far it got, and, once done, the file it wrote (relative to
 * EXPORT_DIR) with its SHA-256 and the audit chain head it was cut at. An expired export
 * keeps all of that; only its file is gone.
 */
@Entity('exports')
@Check('exports_kind_check', `kind IN ('audit-csv', 'audit-jsonl', 'claims-csv', 'claimreview')`)
@Check('exports_status_check', `status IN ('queued', 'running', 'done', 'failed', 'expired')`)
@Check('exports_expired_check', `(status = 'expired') = (expired_at IS NOT NULL)`)
@Check('exports_progress_check', `progress BETWEEN 0 AND 100`)
@Index('exports_created_idx', ['createdAt', 'id'])
export class ExportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') kind!: ExportKind;
  @Column('text', { default: 'queued' }) status!: ExportStatus;
  @Column('uuid', { name: 'requested_by' }) requestedBy!: string;
  @ManyToOne(() => ApiKeyEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'exports_requested_by_fkey' })
  requester?: Relation<ApiKeyEntity>;
  @Column('jsonb') params!: ExportParams;
  @Column('integer', { default: 0 }) progress!: number;
  @Column('bigint', { name: 'row_count', nullable: true }) rowCount!: string | null;
  @Column('bigint', { name: 'byte_count', nullable: true }) byteCount!: string | null;
  @Column('text', { nullable: true }) sha256!: string | null;
  @Column('bigint', { name: 'audit_head_seq', nullable: true }) auditHeadSeq!: string | null;
  @Column('text', { name: 'audit_head_hash', nullable: true }) auditHeadHash!: string | null;
  /** The file's name inside EXPORT_DIR, once written. */
  @Column('text', { nullable: true }) file!: string | null;
  @Column('text', { nullable: true }) error!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
  /** When the retention sweep deleted the file (status expired). */
  @Column('timestamptz', { name: 'expired_at', nullable: true }) expiredAt!: Date | null;
}
