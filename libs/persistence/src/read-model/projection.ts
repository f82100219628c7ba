/**
 * The project workflow's write of the read model, as SQL: the project row gated by the writing
 * task's fence, then its items, timeline events and notices. Called by the projection activity
 * (activities/projection.activities.ts) inside one transaction; see there for the ordering rules.
 */
import type { QueryRunner } from 'typeorm';
import { storableText, type ProjectState } from '../../../approval/src';
import { namedParams, storableJson } from './db';
import { issueDocuments } from './documents';
import { ITEM_ROW_COLUMNS, ITEM_ROW_FIELDS, itemRowOf, type ItemRow } from './item-row';
import type { ProjectionInput } from './projection-input';

export * from './projection-input';

/** The statement's parameters by name, each with its PostgreSQL type, in their `$n` order. */
const P = namedParams({
  id: 'uuid',
  name: 'text',
  type: 'text',
  region: 'text',
  owner: 'text',
  status: 'text',
  stage: 'text',
  risk: 'text',
  limitDays: 'int',
  usedDays: 'int',
  remainingDays: 'int',
  dueDate: 'date',
  calendarVersion: 'text',
  state: 'jsonb',
  seq: 'bigint',
  createdAt: 'timestamptz',
  fenceRun: 'int',
  fenceHistory: 'bigint',
  warnsAt: 'timestamptz',
  overdueAt: 'timestamptz',
  stageDates: 'jsonb',
  changedOnly: 'boolean',
  fromSeq: 'bigint',
  // The items' columns, one array each (ITEM_ROW_COLUMNS).
  ...itemParamTypes(),
  eSeq: 'bigint[]',
  eAt: 'timestamptz[]',
  eActor: 'text[]',
  eRole: 'text[]',
  eOnBehalfOf: 'text[]',
  eType: 'text[]',
  eStage: 'text[]',
  eItemCode: 'text[]',
  eDetail: 'jsonb[]',
  eClockEffect: 'text[]',
  eKey: 'text[]',
  nSeq: 'bigint[]',
  nAt: 'timestamptz[]',
  nRecipientRole: 'text[]',
  nDepartment: 'text[]',
  nOrganisation: 'text[]',
  nKind: 'text[]',
  nItemCode: 'text[]',
  nMessage: 'text[]',
  nExpectedDays: 'int[]',
  nExpectedUntil: 'date[]',
  nText: 'jsonb[]',
  nKey: 'text[]',
});

/** `item_<field>`: one array parameter per column of the item row. */
function itemParamTypes() {
  return Object.fromEntries(
    ITEM_ROW_FIELDS.map((f) => [`item_${f}`, `${ITEM_ROW_COLUMNS[f][1]}[]`]),
  ) as Record<`item_${keyof ItemRow}`, string>;
}

const R = P.ref;
const itemColumns = ITEM_ROW_FIELDS.map((f) => `"${ITEM_ROW_COLUMNS[f][0]}"`);
/** Every column but the key (code). */
const itemValueColumns = itemColumns.slice(1);
const itemList = (prefix: string, columns = itemColumns) =>
  columns.map((c) => `${prefix}${c}`).join(', ');

/**
 * The whole write as one statement (one round trip): the project row, gated by the writing
 * task's fence, then — only if it applied — the items, timeline events and notices.
 *
 * `stale`: the batch carries only the changed items, but an item row was changed after
 * `fromSeq` by a write this batch does not carry (a task the server never committed). Then
 * nothing is written and the caller sends every item again.
 */
const WRITE_SQL = `
WITH stale AS (
  SELECT ${R.changedOnly} AND ${R.fromSeq} IS NOT NULL AND EXISTS (
    SELECT 1 FROM "project_items" WHERE "project_id" = ${R.id} AND "state_seq" > ${R.fromSeq}
      AND NOT ("code" = ANY(${R.item_code}))) AS s
),
p AS (
  -- Never touches idempotency_key, created_by, created_at: the API's create path owns them.
  INSERT INTO "projects" AS p
    ("id", "name", "type", "region", "owner_organisation", "status", "stage", "risk",
     "limit_days", "used_days", "remaining_days", "due_date", "calendar_version", "state",
     "state_seq", "fence_run", "fence_history", "created_at", "updated_at", "warns_at",
     "overdue_at", "stage_dates", "overdue_from")
  SELECT ${R.id}, ${R.name}, ${R.type}, ${R.region}, ${R.owner}, ${R.status}, ${R.stage},
         ${R.risk}, ${R.limitDays}, ${R.usedDays}, ${R.remainingDays}, ${R.dueDate},
         ${R.calendarVersion}, ${R.state}, ${R.seq}, ${R.fenceRun}, ${R.fenceHistory},
         ${R.createdAt}, now(), ${R.warnsAt}, ${R.overdueAt}, ${R.stageDates},
         -- From when the lists' overdue= counts it: always when it is overdue or holds an
         -- overdue item after this write (this batch's rows, and the stored rows it leaves),
         -- else from when time alone makes it overdue.
         CASE WHEN ${R.risk} = 'OVERDUE' OR 'OVERDUE' = ANY(${R.item_risk}) OR EXISTS (
                SELECT 1 FROM "project_items" o WHERE o."project_id" = ${R.id}
                  AND o."risk" = 'OVERDUE' AND NOT (o."code" = ANY(${R.item_code})))
              THEN '-infinity'::timestamptz ELSE ${R.overdueAt} END
  WHERE NOT (SELECT s FROM stale)
  ON CONFLICT ("id") DO UPDATE SET
    "name" = EXCLUDED."name",
    "type" = EXCLUDED."type",
    "region" = EXCLUDED."region",
    "owner_organisation" = EXCLUDED."owner_organisation",
    "status" = EXCLUDED."status",
    "stage" = EXCLUDED."stage",
    "risk" = EXCLUDED."risk",
    "limit_days" = EXCLUDED."limit_days",
    "used_days" = EXCLUDED."used_days",
    "remaining_days" = EXCLUDED."remaining_days",
    "due_date" = EXCLUDED."due_date",
    "calendar_version" = EXCLUDED."calendar_version",
    "state" = EXCLUDED."state",
    "state_seq" = EXCLUDED."state_seq",
    "fence_run" = EXCLUDED."fence_run",
    "fence_history" = EXCLUDED."fence_history",
    "warns_at" = EXCLUDED."warns_at",
    "overdue_at" = EXCLUDED."overdue_at",
    "stage_dates" = EXCLUDED."stage_dates",
    "overdue_from" = EXCLUDED."overdue_from",
    -- A repeated write is not a change: lists ordered by updated_at do not move.
    "updated_at" = CASE WHEN p."state" = EXCLUDED."state" THEN p."updated_at"
                        ELSE EXCLUDED."updated_at" END
  WHERE (p."fence_run", p."fence_history") <= (EXCLUDED."fence_run", EXCLUDED."fence_history")
  RETURNING p."id"
),
items AS (
  -- One row per item: columns travel as arrays, zipped back into rows by unnest.
  INSERT INTO "project_items" AS i ("project_id", ${itemList('')}, "state_seq", "updated_at")
  SELECT ${R.id}, ${itemList('x.')}, ${R.seq}, now()
  FROM unnest(${ITEM_ROW_FIELDS.map((f) => R[`item_${f}`]).join(', ')}) AS x(${itemList('')})
  WHERE EXISTS (SELECT 1 FROM p)
  ON CONFLICT ("project_id", "code") DO UPDATE SET
    ${itemValueColumns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
    "state_seq" = EXCLUDED."state_seq", "updated_at" = EXCLUDED."updated_at"
  WHERE (${itemList('i.', itemValueColumns)})
        IS DISTINCT FROM (${itemList('EXCLUDED.', itemValueColumns)})
  RETURNING 1
),
-- Events and notices after fromSeq that the batch does not carry came from an uncommitted
-- task: removed. The batch's are written over whatever a stale task left under the same seq.
gone_events AS (
  DELETE FROM "timeline_events" WHERE "project_id" = ${R.id} AND ${R.fromSeq} IS NOT NULL
    AND "seq" > ${R.fromSeq} AND NOT ("seq" = ANY(${R.eSeq})) AND EXISTS (SELECT 1 FROM p)
  RETURNING 1
),
events AS (
  INSERT INTO "timeline_events"
    ("project_id", "seq", "at", "actor", "role", "on_behalf_of", "type", "stage", "item_code",
     "detail", "clock_effect", "key")
  SELECT ${R.id}, x.*
  FROM unnest(${R.eSeq}, ${R.eAt}, ${R.eActor}, ${R.eRole}, ${R.eOnBehalfOf}, ${R.eType},
              ${R.eStage}, ${R.eItemCode}, ${R.eDetail}, ${R.eClockEffect}, ${R.eKey})
    AS x(seq, at, actor, role, on_behalf_of, type, stage, item_code, detail, clock_effect, key)
  WHERE EXISTS (SELECT 1 FROM p)
    -- A crossing the deadline sweep wrote first (under a negative seq) is not written twice.
    AND NOT EXISTS (SELECT 1 FROM "timeline_events" k WHERE k."project_id" = ${R.id}
                      AND k."key" = x.key AND k."seq" < 0)
  ON CONFLICT ("project_id", "seq") DO UPDATE SET
    "at" = EXCLUDED."at", "actor" = EXCLUDED."actor", "role" = EXCLUDED."role",
    "on_behalf_of" = EXCLUDED."on_behalf_of", "type" = EXCLUDED."type",
    "stage" = EXCLUDED."stage", "item_code" = EXCLUDED."item_code",
    "detail" = EXCLUDED."detail", "clock_effect" = EXCLUDED."clock_effect",
    "key" = EXCLUDED."key"
  RETURNING 1
),
-- As for events; a notice's read_at belongs to its reader and is kept.
gone_notices AS (
  DELETE FROM "notices" WHERE "project_id" = ${R.id} AND ${R.fromSeq} IS NOT NULL
    AND "seq" > ${R.fromSeq} AND NOT ("seq" = ANY(${R.nSeq})) AND EXISTS (SELECT 1 FROM p)
  RETURNING 1
),
notices AS (
  INSERT INTO "notices"
    ("project_id", "seq", "at", "recipient_role", "department", "organisation", "kind",
     "item_code", "message", "expected_days", "expected_until", "text", "key")
  SELECT ${R.id}, x.*
  FROM unnest(${R.nSeq}, ${R.nAt}, ${R.nRecipientRole}, ${R.nDepartment}, ${R.nOrganisation},
              ${R.nKind}, ${R.nItemCode}, ${R.nMessage}, ${R.nExpectedDays},
              ${R.nExpectedUntil}, ${R.nText}, ${R.nKey})
    AS x(seq, at, recipient_role, department, organisation, kind, item_code, message,
         expected_days, expected_until, text, key)
  WHERE EXISTS (SELECT 1 FROM p)
    AND NOT EXISTS (SELECT 1 FROM "notices" k WHERE k."project_id" = ${R.id}
                      AND k."key" = x.key AND k."seq" < 0)
  ON CONFLICT ("project_id", "seq") DO UPDATE SET
    "at" = EXCLUDED."at", "recipient_role" = EXCLUDED."recipient_role",
    "department" = EXCLUDED."department", "organisation" = EXCLUDED."organisation",
    "kind" = EXCLUDED."kind", "item_code" = EXCLUDED."item_code",
    "message" = EXCLUDED."message", "expected_days" = EXCLUDED."expected_days",
    "expected_until" = EXCLUDED."expected_until", "text" = EXCLUDED."text",
    "key" = EXCLUDED."key"
  RETURNING 1
)
SELECT (SELECT count(*) FROM p)::int AS applied, (SELECT s FROM stale) AS stale,
       (SELECT count(*) FROM items)::int + (SELECT count(*) FROM gone_events)::int
         + (SELECT count(*) FROM events)::int + (SELECT count(*) FROM gone_notices)::int
         + (SELECT count(*) FROM notices)::int AS rows`;

/**
 * Each stage's acceptance and completion days, in `state.stages` order (STAGE_CODES): a small
 * copy beside the state, so the statistics read these instead of de-TOASTing every state.
 */
export const stageDatesOf = (state: Pick<ProjectState, 'stages'>) =>
  state.stages.map((s) => ({
    code: s.code,
    ...(s.acceptedOn ? { acceptedOn: s.acceptedOn } : {}),
    ...(s.completedOn ? { completedOn: s.completedOn } : {}),
    ...(s.preReviewedOn ? { preReviewed: true } : {}),
  }));

function writeParams(input: ProjectionInput): unknown[] {
  const { state, projectClock, fence = { run: 0, history: 0 }, events, notices } = input;
  const computed = new Map(input.items.map((i) => [i.code, i]));
  const rows = state.items
    .filter((i) => computed.has(i.code))
    .map((item) => itemRowOf(item, computed.get(item.code)!));
  const itemColumnValues = Object.fromEntries(
    ITEM_ROW_FIELDS.map((f) => [`item_${f}`, rows.map((r) => r[f])]),
  ) as Record<`item_${keyof ItemRow}`, unknown[]>;
  return P.values({
    id: state.projectId,
    name: state.name,
    type: state.type,
    region: state.region,
    owner: state.ownerOrganisation,
    status: state.status,
    stage: state.stage,
    risk: projectClock.risk,
    limitDays: state.limitDays,
    usedDays: projectClock.usedDays,
    remainingDays: projectClock.remainingDays,
    dueDate: projectClock.dueDate,
    calendarVersion: state.calendarVersion,
    state: storableJson(state),
    seq: state.seq,
    createdAt: state.createdAt,
    fenceRun: fence.run,
    fenceHistory: fence.history,
    // The risk instants (lists as of now) and the stage dates (statistics).
    warnsAt: projectClock.warnsAt ?? null,
    overdueAt: projectClock.overdueAt ?? null,
    stageDates: JSON.stringify(stageDatesOf(state)),
    changedOnly: input.changedItemsOnly === true,
    fromSeq: input.fromSeq ?? null,
    ...itemColumnValues,
    eSeq: events.map((e) => e.seq),
    eAt: events.map((e) => e.at),
    eActor: events.map((e) => e.actor),
    eRole: events.map((e) => e.role),
    eOnBehalfOf: events.map((e) => e.onBehalfOf ?? null),
    eType: events.map((e) => e.type),
    eStage: events.map((e) => e.stage ?? null),
    eItemCode: events.map((e) => e.itemCode ?? null),
    eDetail: events.map((e) => (e.detail === undefined ? null : storableJson(e.detail))),
    eClockEffect: events.map((e) => e.clockEffect ?? null),
    // The keys of what time alone raised (one row per key: the deadline sweep's or this).
    eKey: events.map((e) => e.key ?? null),
    nSeq: notices.map((n) => n.seq),
    nAt: notices.map((n) => n.at),
    nRecipientRole: notices.map((n) => n.recipientRole),
    nDepartment: notices.map((n) => n.department ?? null),
    nOrganisation: notices.map((n) => n.organisation ?? null),
    nKind: notices.map((n) => n.kind),
    nItemCode: notices.map((n) => n.itemCode ?? null),
    nMessage: notices.map((n) => storableText(n.message)),
    nExpectedDays: notices.map((n) => n.expectedDays ?? null),
    nExpectedUntil: notices.map((n) => n.expectedUntil ?? null),
    // The notices' wording in any language (notice-texts.ts).
    nText: notices.map((n) => (n.text ? storableJson(n.text) : null)),
    nKey: notices.map((n) => n.key ?? null),
  });
}

/**
 * Everything one workflow task writes. `applied`: false when a newer task wrote first. `resend`:
 * nothing was written because the batch carries only the changed items and a task the server
 * never committed changed others (the caller writes again with every item).
 */
export async function writeProjection(
  runner: QueryRunner,
  input: ProjectionInput,
): Promise<{ applied: boolean; resend?: boolean }> {
  const [row] = (await runner.query(WRITE_SQL, writeParams(input))) as {
    applied: number;
    stale: boolean;
  }[];
  if (row.stale) return { applied: false, resend: true };
  const applied = row.applied === 1;
  if (applied) await issueDocuments(runner, input);
  return { applied };
}
