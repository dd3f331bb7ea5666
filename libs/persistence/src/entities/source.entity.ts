import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

@Entity('sources')
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The normalised key a source is matched by across articles ("us officials|official_group"). */
  @Column('text', { name: 'registry_key', unique: true }) registryKey!: string;
  @Column('text') name!: string;
  @Column('text') kind!: string;
  @Column('boolean', { nullable: true }) anonymous!: boolean | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('source_aliases')
export class SourceAliasEntity {
  @Column('uuid', { name: 'source_id', primary: true }) sourceId!: string;
  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'source_aliases_source_id_fkey' })
  source?: SourceEntity;
  @Column('text', { primary: true }) alias!: string;
}
