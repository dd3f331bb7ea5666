import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@claimtrail/audit';
import { ExportRecords } from '@claimtrail/export';
import { ExportQueue } from './export-queue';
import { ExportsController } from './exports.controller';

/** Exports over libs/export: asked for and downloaded here, written by the worker. */
@Module({
  controllers: [ExportsController],
  providers: [
    {
      provide: ExportRecords,
      inject: [DataSource, AuditLog],
      useFactory: (db: DataSource, audit: AuditLog) => new ExportRecords(db, audit),
    },
    ExportQueue,
  ],
})
export class ExportsModule {}
