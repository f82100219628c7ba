import type { DataSource } from 'typeorm';
import { SmokeRecord } from '../libs/persistence/src';

export interface RecordSmokeInput {
  workflowId: string;
  message: string;
}

/** Activities are plain functions built from their dependencies: no Nest inside. */
export function createSmokeActivities({ dataSource }: { dataSource: DataSource }) {
  const repo = dataSource.getRepository(SmokeRecord);
  return {
    /** Idempotent: a retry or a replayed schedule writes nothing twice (keyed by workflow id). */
    async recordSmoke({ workflowId, message }: RecordSmokeInput): Promise<{ recordedAt: string }> {
      await repo.createQueryBuilder().insert().values({ workflowId, message }).orIgnore().execute();
      const row = await repo.findOneByOrFail({ workflowId });
      return { recordedAt: row.recordedAt.toISOString() };
    },
  };
}

export type SmokeActivities = ReturnType<typeof createSmokeActivities>;
