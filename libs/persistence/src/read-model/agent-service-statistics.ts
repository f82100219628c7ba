/**
 * Agent service in the statistics (issue 27): projects served by a specialist (代办专员, accepted
 * by the owner) or an agent (a delegation of the project, or a mandate of its owner in force at
 * some time while the project ran), and the working days their clocks used against their limits,
 * beside the projects nobody served.
 *
 * Counting rules: **in progress** as of now; **completed** are those whose last stage closed in
 * [from, to]; their **days used** are the project clock's final working days (the union of the
 * items' review days, art. 82) and the **limit** the policy's total, both as the projection wrote
 * them. `usedShare` is the completed projects' days used ÷ their limits, summed.
 */
import type { StatisticsFilter } from './statistics';
import type { Db } from './db';

/** SQL: the project `p` was served by a specialist it accepted, or by an agent. */
export const SERVED = `(EXISTS (SELECT 1 FROM project_specialists s WHERE s.project_id = p.id
      AND s.answered_at IS NOT NULL AND s.status IN ('ACTIVE', 'REPLACED'))
  OR EXISTS (SELECT 1 FROM delegations d WHERE d.project_id = p.id)
  OR EXISTS (SELECT 1 FROM mandates m WHERE m.organisation = p.owner_organisation
      AND m.granted_at <= p.updated_at AND (m.revoked_at IS NULL OR m.revoked_at >= p.created_at)))`;

export interface ServiceGroupCounts {
  inProgress: number;
  completed: number;
  /** Sums over the completed projects (means are the caller's to round). */
  usedDays: number;
  limitDays: number;
}

export interface AgentServiceCounts {
  served: ServiceGroupCounts;
  notServed: ServiceGroupCounts;
  /** Of the served, those with a specialist the owner accepted. */
  bySpecialist: number;
}

export async function agentServiceCounts(
  db: Db,
  { from, to, department }: StatisticsFilter,
): Promise<AgentServiceCounts> {
  const rows = await db.query<
    {
      served: boolean;
      specialist: string;
      in_progress: string;
      completed: string;
      used: string | null;
      limit_days: string | null;
    }[]
  >(
    `SELECT ${SERVED} AS served,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM project_specialists s
         WHERE s.project_id = p.id AND s.answered_at IS NOT NULL
           AND s.status IN ('ACTIVE', 'REPLACED'))) AS specialist,
       count(*) FILTER (WHERE p.status = 'IN_PROGRESS') AS in_progress,
       count(*) FILTER (WHERE p.status = 'COMPLETED') AS completed,
       sum(p.used_days) FILTER (WHERE p.status = 'COMPLETED') AS used,
       sum(p.limit_days) FILTER (WHERE p.status = 'COMPLETED') AS limit_days
     FROM projects p
     WHERE (p.status = 'IN_PROGRESS'
        OR (p.status = 'COMPLETED' AND (p.state->>'closedOn') BETWEEN $1 AND $2))
       AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM project_items i
         WHERE i.project_id = p.id AND i.department = $3))
     GROUP BY 1`,
    [from, to, department ?? null],
  );
  const group = (served: boolean): ServiceGroupCounts => {
    const r = rows.find((x) => x.served === served);
    return {
      inProgress: Number(r?.in_progress ?? 0),
      completed: Number(r?.completed ?? 0),
      usedDays: Number(r?.used ?? 0),
      limitDays: Number(r?.limit_days ?? 0),
    };
  };
  return {
    served: group(true),
    notServed: group(false),
    bySpecialist: Number(rows.find((x) => x.served)?.specialist ?? 0),
  };
}
