export { AssignmentService } from './assignment.service';
export { ClaimCorrectionService, type ClaimCorrection } from './claim-correction.service';
export { readClaim, type ClaimReviewState } from './claim-review-state';
export { mentionIn, respan, type SpanChange } from './claim-span';
export { decideLease, type LeaseDecision } from './lease-decision';
export { leaseLost } from './lease-errors';
export { LeaseSweeper } from './lease-sweeper';
export { LeaseWorkers, leaseTiming, type LeaseTiming, type ReviewQueueJob } from './lease-workers';
export { LeaseService, type LeaseGrant, type Actor } from './lease.service';
export { mergeRefs, type ClaimRef } from './merged-refs';
export { PartitionedQueueGateway } from './partitioned-queue-gateway';
export { REVIEW_SYSTEM_ACTOR, reviewEvents } from './review-events';
export {
  assignedPartition,
  deskKey,
  leaseCandidates,
  parsePartition,
  partitionOf,
  poolPartition,
  type LeaseFilter,
  type ReviewPartition,
} from './review-partitions';
export { ReviewQueues } from './review-queues';
export { byPartition, ReviewRouter, type RoutedClaim } from './review-router';
export { reviewStats, type ReviewCounts, type ReviewStats } from './review-stats';
export {
  REVERIFY_BATCH,
  REVERIFY_SYSTEM_ACTOR,
  ReverificationService,
} from './reverification.service';
export {
  REVERIFY_TIMEZONE,
  ReverificationStatus,
  type ReverificationStatusView,
} from './reverification-status';
export { isoDuration, policyView, reverifyAtFor } from './reverify-policy';
export { ReviewUpkeep } from './review-upkeep';
export { SourceMergeService, type MergeOutcome } from './source-merge.service';
export { checkVerdict, needsRationale, type VerdictInput } from './verdict-rules';
export { VerdictService } from './verdict.service';
export {
  toVerdictView,
  VerdictViews,
  type ReviewedClaimView,
  type VerdictView,
} from './verdict-views';
