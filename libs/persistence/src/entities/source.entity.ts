import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';

@Entity('sources')
@Index('sources_merged_into_idx', ['mergedInto'], { where: 'merged_into IS NOT NULL' })
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The normalised key a source is matched by across articles ("us officials|official_group"). */
  @Column('text', { name: 'registry_key', unique: true }) registryKey!: string;
  @Column('text') name!: string;
  @Column('text') kind!: string;
  @Column('boolean', { nullable: true }) anonymous!: boolean | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** The source this one was merged into (it is retired then); null for a live source. */
  @Column('uuid', { name: 'merged_into', nullable: true }) mergedInto!: string | null;
  @ManyToOne(() => SourceEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'merged_into', foreignKeyConstraintName: 'sources_merged_into_fkey' })
  survivor?: Relation<SourceEntity>;
}

@Entity('source_aliases')
export class SourceAliasEntity {
  @Column('uuid', { name: 'source_id', primary: true }) sourceId!: string;
  @ManyToOne(() => SourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'source_aliases_source_id_fkey' })
  source?: SourceEntity;
  @Column('text', { primary: true }) alias!: string;
}
