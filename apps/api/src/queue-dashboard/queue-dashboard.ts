import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';
import type { MonitoredQueues } from '../infrastructure/monitored-queues';

type ServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** The BullMQ dashboard of the monitored queues (admins only, see create-api-app). */
export async function mountQueueDashboard(
  fastify: FastifyInstance,
  queues: MonitoredQueues,
): Promise<void> {
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.list.map(({ queue }) => new BullMQAdapter(queue)),
    // @bull-board/fastify pins its own copy of @bull-board/api one patch release behind the
    // top-level one; the adapter interface is the same, only the private fields differ
    serverAdapter: serverAdapter as unknown as ServerAdapter,
  });
  await fastify.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
}
