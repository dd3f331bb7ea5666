import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['admin', 'editor', 'reviewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

@Entity('api_keys')
@Check('api_keys_role_check', `role IN ('admin', 'editor', 'reviewer', 'auditor')`)
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') role!: Role;
  /** SHA-256 of the key; the key itself is shown once and never stored. */
  @Column('text', { name: 'key_hash', unique: true }) keyHash!: string;
  @Column('text', { name: 'key_prefix' }) keyPrefix!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
}
