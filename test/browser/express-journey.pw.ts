/**
 * Issue 27's "Done when", clicked through: a key project with a specialist, pre-review and an
 * item approved on commitment, from the questionnaire to completion. The applicant creates it on
 * the questionnaire page; the service centre flags it key and assigns the specialist; the
 * applicant consents; the specialist sets the plan, uploads the files and submits; the window
 * accepts; while the first stage is in review the specialist hands in the next for pre-review and
 * an officer comments; the stage completes and the window accepts the pre-reviewed stage in one
 * click (its tag and note say so); an officer approves the construction permit on the applicant's
 * commitment; the last stage goes the usual way (no pre-review) to completion; the follow-up
 * check passes; the supervisor's statistics count the handovers with and without pre-review.
 *
 * The applicant is asked for consent by a notice and the centre told the answer; the follow-up
 * check, overdue, is among the supervisor's and the head's escalations until it is made.
 *
 * The API is read behind the pages to check them and to know which files are still missing (the
 * materials view); every step a person does is a page's. The one thing not a person's: the
 * check's due date is moved to a past day in the database (time is not waited for). A simple low-risk warehouse: 9 items.
 */
import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import { Client } from 'pg';
import { embeddedPostgresUrl } from '../../libs/embedded/src';
import { embeddedPgPort } from '../../playwright.config';
import { samplePdf } from '../../libs/client/src';
import { EXAMPLE_ANSWERS } from '../../libs/domain/src';
import { apiGet, apiToken, itemsOf, reportOf } from './api';
import {
  acceptAtWindow,
  answerQuestionnaire,
  expectAccessible,
  openAtWindow,
  pick,
  screenshot,
  signIn,
  signOut,
} from './helpers';

test.setTimeout(5 * 60_000);

const STAGE_ZH = { PLAN: '策划生成', START_PERMIT: '开工许可', COMPLETION: '竣工验收' } as const;
type Stage = keyof typeof STAGE_ZH;

interface MaterialsView {
  items: {
    code: string;
    name: string;
    stage: string;
    status: string;
    materials: {
      code: string;
      name: string;
      required: boolean;
      status: string;
      producedBy: string | null;
    }[];
  }[];
}

interface HandoverFigures {
  handover: {
    withPreReview: number | null;
    withPreReviewCount: number;
    withoutPreReview: number | null;
    withoutPreReviewCount: number;
  };
}

async function as(page: Page, username: string, path?: string) {
  if (page.url().startsWith('http')) await signOut(page);
  await signIn(page, username);
  if (path) await page.goto(path);
}

/**
 * The stage's files, uploaded one by one on the project page's materials section as a person
 * picks them (which are still missing is read from the materials view).
 */
async function uploadStage(
  page: Page,
  request: APIRequestContext,
  token: string,
  id: string,
  stage: Stage,
) {
  const view = await apiGet<MaterialsView>(request, token, `/api/projects/${id}/materials`);
  const missing = view.items
    .filter((i) => i.stage === stage && i.status === 'PENDING')
    .flatMap((i) =>
      i.materials
        .filter((m) => m.required && !m.producedBy && m.status === 'MISSING')
        .map((m) => ({ item: i, m })),
    );
  expect(missing.length, `${stage} has files to hand in`).toBeGreaterThan(0);
  for (const { item, m } of missing) {
    const region = page.getByRole('region', { name: `上传文件：${item.name} · ${m.name}` });
    // The item's panel: open for the current stage's items still missing files, closed for
    // the next stage's (pre-review): opened then.
    const header = page.locator('.ant-collapse-header').filter({ hasText: item.name }).first();
    await expect(header).toBeVisible();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    await expect(region).toBeVisible();
    const file = `${m.code}.pdf`;
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      region.getByRole('button', { name: /点击或拖拽文件到此处上传/ }).click(),
    ]);
    await chooser.setFiles({
      name: file,
      mimeType: 'application/pdf',
      buffer: Buffer.from(samplePdf(`${item.code} ${m.code}`)),
    });
    await expect(page.getByText(file).first()).toBeVisible();
  }
  return missing.length;
}

/** The specialist submits the stage on the project page. */
async function submitStage(page: Page, stage: Stage) {
  await page.getByRole('button', { name: `提交${STAGE_ZH[stage]}阶段材料` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
}

/** The window accepts a stage handed in the usual way: no 已预审 tag in its queue. */
async function acceptPlain(page: Page, project: string, stage: Stage) {
  await as(page, 'window');
  const row = page
    .getByRole('row')
    .filter({ hasText: project })
    .filter({ hasText: STAGE_ZH[stage] });
  await expect(row).toBeVisible();
  await expect(row.getByText('已预审')).toHaveCount(0);
  await acceptAtWindow(page, project, STAGE_ZH[stage]);
}

/** The officer decides the item on its task page: approve, or approve on commitment. */
async function decide(page: Page, taskId: string, itemName: string, commitment?: string) {
  await page.goto(`/tasks/${encodeURIComponent(taskId)}`);
  await expect(page.getByRole('heading', { level: 2, name: itemName })).toBeVisible();
  if (commitment) {
    await page.getByRole('radio', { name: '告知承诺审批（准予许可，事后核查）' }).check();
    await page.getByLabel('申请人的书面承诺', { exact: true }).fill(commitment);
  } else {
    await page.getByRole('radio', { name: '准予许可（办结）' }).check();
    await page.getByLabel('意见', { exact: true }).fill('同意');
  }
  await page.getByRole('button', { name: '提交决定' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByRole('status').filter({ hasText: itemName }).first()).toBeVisible();
}

/** Officers decide the stage's items from their task pages until it completes. */
async function reviewStage(
  page: Page,
  request: APIRequestContext,
  token: string,
  id: string,
  stage: Stage,
  commitments: Record<string, string> = {},
) {
  for (let round = 0; round < 6; round++) {
    const r = await reportOf(request, token, id);
    if (r.stages.find((s) => s.code === stage)!.status === 'COMPLETED') return;
    const open = itemsOf(r, stage).filter((i) => i.status === 'UNDER_REVIEW');
    expect(open.length, `${stage} has items to decide`).toBeGreaterThan(0);
    for (const dept of [...new Set(open.map((i) => i.department))]) {
      await as(page, `officer.${dept}`);
      for (const item of open.filter((i) => i.department === dept))
        await decide(page, item.taskId, item.name, commitments[item.code]);
    }
  }
  const r = await reportOf(request, token, id);
  expect(r.stages.find((s) => s.code === stage)!.status).toBe('COMPLETED');
}

test('a key project with a specialist, pre-review and an approval on commitment, from the questionnaire to completion', async ({
  page,
  request,
}) => {
  const name = `重点仓储项目 ${Date.now().toString(36)}`;
  const commitment = '本单位承诺施工现场已具备开工条件，安全措施已落实';
  const applicant = await apiToken(request, 'applicant');
  const supervisor = await apiToken(request, 'supervisor');
  const before = await apiGet<HandoverFigures>(request, supervisor, '/api/statistics');

  // ── The applicant: the questionnaire, the checklist, the project.
  await as(page, 'applicant');
  await page.getByRole('button', { name: '新建项目' }).click();
  await page.getByLabel('项目名称', { exact: true }).fill(name);
  await answerQuestionnaire(page, EXAMPLE_ANSWERS.lowRiskWarehouse);
  await page.getByRole('button', { name: '生成事项清单' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /策划生成/ })).toBeVisible();
  await page.getByRole('button', { name: '确认并创建项目' }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  const id = page.url().split('/projects/')[1];

  // ── The service centre: key project with a reason, and the specialist from the agent team.
  await as(page, 'centre', `/projects/${id}`);
  await page.getByRole('button', { name: '标为重点项目' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('理由', { exact: true }).fill('市级重点产业项目，拿地即开工');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: '指派代办专员' }).click();
  dialog = page.getByRole('dialog');
  await pick(page, dialog.getByLabel('代办专员', { exact: true }), '代办专员');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('待申请人同意', { exact: true })).toBeVisible();

  // ── The applicant is asked by a notice, opens the project from it and consents there.
  await as(page, 'applicant', '/notices');
  const asked = page.getByRole('row').filter({ hasText: name }).filter({ hasText: '指派代办专员' });
  await expect(asked).toContainText('您同意前，代办专员没有任何权限');
  await asked.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await page.getByRole('button', { name: '同意', exact: true }).click();
  await expect(page.getByText('已同意，代办中', { exact: true })).toBeVisible();
  // The centre user who assigned is told (the specialist too: key-projects.e2e-spec.ts).
  await as(page, 'centre', '/notices');
  await expect(
    page.getByRole('row').filter({ hasText: name }).filter({ hasText: '代办专员已同意' }),
  ).toBeVisible();

  // ── The specialist: the plan (the start permit by a date far ahead), then the first stage.
  await as(page, 'specialist', `/projects/${id}`);
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await page.getByRole('button', { name: '编辑方案' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '添加目标' }).click();
  await pick(page, dialog.getByLabel('目标 1', { exact: true }), '阶段办结：开工许可');
  const date = dialog.getByLabel('目标日期 1', { exact: true });
  await date.click();
  await date.fill('2099-12-31');
  await date.press('Enter');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  const target = page.getByRole('row').filter({ hasText: '阶段办结：开工许可' });
  await expect(target.getByText('进行中', { exact: true })).toBeVisible();

  await uploadStage(page, request, applicant, id, 'PLAN');
  await submitStage(page, 'PLAN');

  // ── The window accepts the first stage (no pre-review: no tag).
  await acceptPlain(page, name, 'PLAN');

  // ── While PLAN is in review: the specialist hands in START_PERMIT for pre-review.
  await as(page, 'specialist', `/projects/${id}`);
  await uploadStage(page, request, applicant, id, 'START_PERMIT');
  await page.getByRole('button', { name: '提交开工许可阶段预审' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByText(/已于 \d{4}-\d{2}-\d{2} 提交预审/)).toBeVisible();
  let r = await reportOf(request, applicant, id);
  const planning = itemsOf(r, 'START_PERMIT').find((i) => i.code === 'PLANNING_PERMIT')!;
  expect(planning.status).toBe('PRE_REVIEW');

  // An officer of its department comments (no decision, no clock).
  const comment = '总平面图未标注消防车道，请补充';
  await as(page, 'officer.NRP', `/tasks/${encodeURIComponent(planning.taskId)}`);
  await page.getByLabel('预审意见', { exact: true }).fill(comment);
  await page.getByRole('button', { name: '发送预审意见' }).click();
  await expect(page.getByLabel('预审意见', { exact: true })).toHaveValue('');
  await as(page, 'applicant', `/projects/${id}`);
  await expect(page.getByText(comment)).toBeVisible();

  // ── PLAN decided: it completes, and the pre-reviewed START_PERMIT is handed in that day.
  await reviewStage(page, request, applicant, id, 'PLAN');
  r = await reportOf(request, applicant, id);
  const planDone = r.stages.find((s) => s.code === 'PLAN')!.completedOn!;
  expect(r.stages.find((s) => s.code === 'START_PERMIT')).toMatchObject({
    status: 'SUBMITTED',
    submittedOn: planDone,
  });

  // ── The window: the tag in the queue, the note on the check, one click.
  await as(page, 'window');
  const spRow = page.getByRole('row').filter({ hasText: name }).filter({ hasText: '开工许可' });
  await expect(spRow.getByText('已预审', { exact: true })).toBeVisible();
  await expect(spRow.getByText('重点项目', { exact: true })).toBeVisible();
  await screenshot(page, 'express-journey-window-queue');
  await openAtWindow(page, name, '开工许可');
  const note = page.getByRole('note').filter({ hasText: '已预审' });
  await expect(note).toContainText(`各事项自 ${planDone}`);
  await expectAccessible(page, 'the window’s check of a pre-reviewed stage');
  await screenshot(page, 'express-journey-window-check');
  await page.getByRole('button', { name: '受理', exact: true }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '受理队列' })).toBeVisible();
  r = await reportOf(request, applicant, id);
  // Its clocks count from the day it was handed in, the previous stage's completion.
  for (const i of itemsOf(r, 'START_PERMIT').filter((x) => x.startedOn))
    expect(i.startedOn).toBe(planDone);

  // ── START_PERMIT: the construction permit approved on the applicant's commitment.
  await reviewStage(page, request, applicant, id, 'START_PERMIT', {
    CONSTRUCTION_PERMIT: commitment,
  });
  r = await reportOf(request, applicant, id);
  const permit = itemsOf(r).find((i) => i.code === 'CONSTRUCTION_PERMIT')!;
  expect(permit).toMatchObject({ status: 'APPROVED', onCommitment: { text: commitment } });

  // The plan's target is met (销号), for the applicant to see.
  await as(page, 'applicant', `/projects/${id}`);
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: '阶段办结：开工许可' })
      .getByText('已销号', { exact: true }),
  ).toBeVisible();

  // ── COMPLETION the usual way: handed in after START_PERMIT completed, no pre-review.
  await as(page, 'specialist', `/projects/${id}`);
  await uploadStage(page, request, applicant, id, 'COMPLETION');
  await submitStage(page, 'COMPLETION');
  await acceptPlain(page, name, 'COMPLETION');
  await reviewStage(page, request, applicant, id, 'COMPLETION');

  await as(page, 'applicant', `/projects/${id}`);
  await expect(page.getByText('项目已全部办结。')).toBeVisible();
  await screenshot(page, 'express-journey-completed');
  expect((await reportOf(request, applicant, id)).status).toBe('COMPLETED');

  // ── The check not made by its due date is escalated to the supervisor and the department's
  // head, marked as a check. The day is set, not waited for: its due date moved to a past day
  // in the database (the project is complete: nothing of its workflow writes the row again).
  const db = new Client({ connectionString: embeddedPostgresUrl(embeddedPgPort) });
  await db.connect();
  try {
    await db.query(`UPDATE project_items SET check_due = DATE '2020-01-06' WHERE task_id = $1`, [
      permit.taskId,
    ]);
  } finally {
    await db.end();
  }
  for (const who of ['supervisor', 'head.HCD']) {
    await as(page, who);
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '督办事项' })
      .click();
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row.getByText('核查逾期', { exact: true })).toBeVisible();
    await expect(row).toContainText('2020-01-06');
    await expect(row.getByRole('button', { name: '延长时限' })).toHaveCount(0);
  }
  await expectAccessible(page, 'an overdue check among the escalations');
  await screenshot(page, 'express-journey-check-overdue');

  // ── The follow-up check (核查) of the commitment, after completion: it passes.
  await as(page, 'officer.HCD', `/tasks/${encodeURIComponent(permit.taskId)}`);
  await expect(page.getByText(commitment)).toBeVisible();
  await page.getByRole('button', { name: '核查通过' }).click();
  await expect(page.getByRole('button', { name: '核查通过' })).toBeHidden();
  expect(
    itemsOf(await reportOf(request, applicant, id)).find((i) => i.code === 'CONSTRUCTION_PERMIT')!
      .onCommitment?.check,
  ).toMatchObject({ passed: true });
  await as(page, 'head.HCD', '/escalations');
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);

  // ── The supervisor's statistics: this project's two handovers, one pre-reviewed and one not.
  const after = await apiGet<HandoverFigures>(request, supervisor, '/api/statistics');
  expect(after.handover.withPreReviewCount).toBe(before.handover.withPreReviewCount + 1);
  expect(after.handover.withoutPreReviewCount).toBe(before.handover.withoutPreReviewCount + 1);
  await as(page, 'supervisor', '/statistics');
  const card = page.locator('.ant-card').filter({ hasText: '预审与告知承诺' });
  const figure = (title: string) =>
    card.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content');
  const shown = (d: number | null) => (d === null ? '—' : String(d));
  await expect(
    card.getByText(`衔接工作日·经预审（${after.handover.withPreReviewCount} 次）`),
  ).toBeVisible();
  await expect(figure('经预审')).toHaveText(shown(after.handover.withPreReview));
  await expect(
    card.getByText(`衔接工作日·未预审（${after.handover.withoutPreReviewCount} 次）`),
  ).toBeVisible();
  await expect(figure('未预审')).toHaveText(shown(after.handover.withoutPreReview));
  const { withPreReview: pre, withoutPreReview: plain } = after.handover;
  const saved = pre === null || plain === null ? null : Math.round((plain - pre) * 10) / 10;
  await expect(figure('预审节省的衔接工作日')).toHaveText(shown(saved));
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'express-journey-statistics');
});
