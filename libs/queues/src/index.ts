export {
  JOB_OPTIONS,
  QUEUES,
  RECONCILE_EVERY_MS,
  RECONCILE_SCHEDULER_ID,
  jobIds,
  reviewJob,
  reviewPriority,
  type ExtractJob,
  type JobOf,
  type QueueName,
  type ReconcileJob,
  type ReviewCandidate,
  type ReviewJob,
} from './queue-catalog';
export { createRedis } from './redis-connection';
