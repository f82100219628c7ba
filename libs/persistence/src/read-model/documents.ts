/**
 * Receipts (受理单) and issued results (办结通知), written by the projection in its transaction.
 *
 * A receipt is keyed by project and stage (a stage is accepted at most once: only a SUBMITTED
 * stage can be, and an accepted one never is again), a result by project, item and round. The
 * number is taken from a per-kind, per-year counter row the first time the key is seen and never
 * changes: a retried write finds the row; a rewrite after a crash (a task the server never
 * committed wrote first, see activities/projection.activities.ts) refreshes the contents from the
 * write that carries the acceptance or approval again, keeping the number. The project row's
 * upsert earlier in the transaction locks the project, so two writes of one project never race
 * for a number.
 */
import type { QueryRunner } from 'typeorm';
import { departmentNames } from '../../../domain/src';
import { ItemResultRecord, ReceiptRecord, type ReceiptItem } from '../entities';
import { storableJson, type Db } from './db';
import type { ProjectionInput } from './projection-input';

export const RECEIPT_PREFIX = 'SL';
export const RESULT_PREFIX = 'BJ';

/** `SL-2026-000123`: prefix, year, serial of that year. */
export function documentNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}-${year}-${String(serial).padStart(6, '0')}`;
}

async function nextNumber(runner: QueryRunner, prefix: string, onDate: string): Promise<string> {
  const year = Number(onDate.slice(0, 4));
  const [{ last }] = (await runner.query(
    `INSERT INTO "document_counters" ("kind", "year", "last") VALUES ($1, $2, 1)
     ON CONFLICT ("kind", "year") DO UPDATE SET "last" = "document_counters"."last" + 1
     RETURNING "last"`,
    [prefix, year],
  )) as { last: number }[];
  return documentNumber(prefix, year, last);
}

const departmentName = (code: string) => departmentNames(code).zh;

async function issueReceipts(
  runner: QueryRunner,
  { state, items, events, changedItemsOnly }: ProjectionInput,
) {
  const accepted = state.stages.filter((s) => s.acceptedOn);
  if (accepted.length === 0) return;
  const issued = new Set(
    (
      (await runner.query(`SELECT "stage" FROM "receipts" WHERE "project_id" = $1`, [
        state.projectId,
      ])) as { stage: string }[]
    ).map((r) => r.stage),
  );
  let dueDates = new Map(items.map((i) => [i.code, i.dueDate]));
  for (const stage of accepted) {
    const carried = events.some((e) => e.type === 'STAGE_ACCEPTED' && e.stage === stage.code);
    if (issued.has(stage.code) && !carried) continue;
    if (
      changedItemsOnly &&
      state.items.some((i) => i.stage === stage.code && !dueDates.has(i.code))
    ) {
      // A write of the changed items only: the others' due dates are the rows already written.
      dueDates = new Map(
        (
          (await runner.query(
            `SELECT "code", to_char("due_date", 'YYYY-MM-DD') AS due FROM "project_items" WHERE "project_id" = $1`,
            [state.projectId],
          )) as { code: string; due: string | null }[]
        ).map((r) => [r.code, dueDates.has(r.code) ? dueDates.get(r.code)! : r.due]),
      );
    }
    const lines: ReceiptItem[] = state.items
      .filter((i) => i.stage === stage.code && i.status !== 'WITHDRAWN')
      .map((i) => ({
        code: i.code,
        name: i.name,
        department: i.department,
        departmentName: departmentName(i.department),
        limitDays: i.limitDays,
        dueDate: dueDates.get(i.code) ?? null,
      }));
    if (issued.has(stage.code)) {
      await runner.query(
        `UPDATE "receipts" SET "accepted_on" = $3::date, "project_limit_days" = $4,
           "items" = $5::jsonb WHERE "project_id" = $1 AND "stage" = $2`,
        [state.projectId, stage.code, stage.acceptedOn, state.limitDays, storableJson(lines)],
      );
    } else {
      await runner.query(
        `INSERT INTO "receipts"
           ("project_id", "stage", "number", "accepted_on", "project_limit_days", "items")
         VALUES ($1, $2, $3, $4::date, $5, $6::jsonb)`,
        [
          state.projectId,
          stage.code,
          await nextNumber(runner, RECEIPT_PREFIX, stage.acceptedOn!),
          stage.acceptedOn,
          state.limitDays,
          storableJson(lines),
        ],
      );
    }
  }
}

/** The approving officer: the batch's approval event, else the last one recorded. */
async function approverOf(
  runner: QueryRunner,
  projectId: string,
  itemCode: string,
  carried: string | undefined,
): Promise<string> {
  const [row] = (await runner.query(
    `SELECT coalesce(
       (SELECT u."display_name" FROM "users" u WHERE u."username" = a.actor), a.actor) AS name
     FROM (SELECT coalesce($3::text,
             (SELECT e."actor" FROM "timeline_events" e WHERE e."project_id" = $1
                AND e."item_code" = $2 AND e."type" = 'ITEM_APPROVED'
              ORDER BY e."seq" DESC LIMIT 1), 'system') AS actor) a`,
    [projectId, itemCode, carried ?? null],
  )) as { name: string }[];
  return row.name;
}

async function issueResults(runner: QueryRunner, { state, events }: ProjectionInput) {
  const approved = state.items.filter((i) => i.status === 'APPROVED' && i.decidedOn);
  if (approved.length === 0) return;
  const issued = new Set(
    (
      (await runner.query(
        `SELECT "item_code" || ':' || "round" AS key FROM "item_results" WHERE "project_id" = $1`,
        [state.projectId],
      )) as { key: string }[]
    ).map((r) => r.key),
  );
  for (const item of approved) {
    const carried = events
      .filter((e) => e.type === 'ITEM_APPROVED' && e.itemCode === item.code)
      .pop();
    const exists = issued.has(`${item.code}:${item.round}`);
    if (exists && !carried) continue;
    const officer = await approverOf(runner, state.projectId, item.code, carried?.actor);
    const fields = [item.name, item.department, departmentName(item.department)];
    if (exists) {
      await runner.query(
        `UPDATE "item_results" SET "item_name" = $4, "department" = $5, "department_name" = $6,
           "decided_on" = $7::date, "officer" = $8
         WHERE "project_id" = $1 AND "item_code" = $2 AND "round" = $3`,
        [state.projectId, item.code, item.round, ...fields, item.decidedOn, officer],
      );
    } else {
      await runner.query(
        `INSERT INTO "item_results" ("project_id", "item_code", "round", "number", "item_name",
           "department", "department_name", "decided_on", "officer")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::date, $9)`,
        [
          state.projectId,
          item.code,
          item.round,
          await nextNumber(runner, RESULT_PREFIX, item.decidedOn!),
          ...fields,
          item.decidedOn,
          officer,
        ],
      );
    }
  }
}

/** Issues what the write's state calls for; the projection calls it after its own writes. */
export async function issueDocuments(runner: QueryRunner, input: ProjectionInput): Promise<void> {
  await issueReceipts(runner, input);
  await issueResults(runner, input);
}

export function receiptOf(db: Db, projectId: string, stage: string): Promise<ReceiptRecord | null> {
  return db.getRepository(ReceiptRecord).findOneBy({ projectId, stage });
}

export function resultOf(
  db: Db,
  projectId: string,
  itemCode: string,
  round: number,
): Promise<ItemResultRecord | null> {
  return db.getRepository(ItemResultRecord).findOneBy({ projectId, itemCode, round });
}

/** Every result issued for a project's items (all rounds), oldest first. */
export function itemResultsOf(db: Db, projectId: string): Promise<ItemResultRecord[]> {
  return db
    .getRepository(ItemResultRecord)
    .find({ where: { projectId }, order: { issuedAt: 'ASC' } });
}
