import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@claimtrail/audit';
import { ClaimCorrectionService, SourceMergeService } from '@claimtrail/workflow';
import { ReviewModule } from '../review/review.module';
import { ClaimCorrectionsController } from './claim-corrections.controller';
import { SourceMergeController } from './source-merge.controller';

/** Editors' corrections over libs/workflow: claims corrected, sources merged. */
@Module({
  // VerdictViews: a corrected claim is answered as the contract's Claim, with its verdict
  imports: [ReviewModule],
  controllers: [ClaimCorrectionsController, SourceMergeController],
  providers: [
    {
      provide: ClaimCorrectionService,
      inject: [DataSource, AuditLog],
      useFactory: (db: DataSource, audit: AuditLog) => new ClaimCorrectionService(db, audit),
    },
    {
      provide: SourceMergeService,
      inject: [DataSource, AuditLog],
      useFactory: (db: DataSource, audit: AuditLog) => new SourceMergeService(db, audit),
    },
  ],
})
export class CorrectionsModule {}
