import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('audit_events')
@Index('audit_events_entity_idx', ['entityType', 'entityId', 'seq'])
export class AuditEventEntity {
  @PrimaryColumn('bigint') seq!: string;
  @Column('timestamptz') at!: Date;
  @Column('text') actor!: string;
  @Column('text') action!: string;
  @Column('text', { name: 'entity_type' }) entityType!: string;
  @Column('text', { name: 'entity_id' }) entityId!: string;
  @Column('jsonb', { nullable: true }) before!: unknown;
  @Column('jsonb', { nullable: true }) after!: unknown;
  @Column('text', { name: 'prev_hash' }) prevHash!: string;
  @Column('text') hash!: string;
}
