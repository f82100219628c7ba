/**
 * Issue 27's express lanes clicked through, in Chinese and in English: the applicant hands in
 * the next stage for pre-review (预审) while the current one is in review and an officer of its
 * departments comments; an officer approves an eligible item on the applicant's written
 * commitment (告知承诺), and the follow-up check (核查) passes or fails (the approval revoked).
 * The project gets to PLAN in review through the API (the stage's files as documents.pw.ts
 * hands them in); every step of this issue is the page's.
 */
import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import { ApiClient, handInStage, itemsOf } from '../../libs/client/src';
import { EXAMPLE_ANSWERS } from '../../libs/domain/src';
import { apiToken, reportOf } from './api';
import { expectAccessible, type Lang, screenshot, signIn, signOut } from './helpers';

test.setTimeout(6 * 60_000);

const T = {
  'zh-CN': {
    preReviewSend: '提交开工许可阶段预审',
    ok: '确定',
    preReviewedOn: /已于 \d{4}-\d{2}-\d{2} 提交预审/,
    comment: '预审意见',
    commentSend: '发送预审意见',
    commentText: '消防车道宽度未标注，请补充',
    onCommitment: '告知承诺审批（准予许可，事后核查）',
    commitment: '申请人的书面承诺',
    commitmentText: '本单位承诺按水土保持方案落实拦挡与排水措施',
    submit: '提交决定',
    checkComment: '核查意见',
    checkFail: '核查不通过，撤销许可',
    revoked: '已撤销',
    checkPass: '核查通过',
  },
  en: {
    preReviewSend: 'Hand in Start permit for pre-review',
    ok: 'Confirm',
    preReviewedOn: /Handed in for pre-review on \d{4}-\d{2}-\d{2}/,
    comment: 'Pre-review comment',
    commentSend: 'Send the comment',
    commentText: 'The fire lane width is not marked',
    onCommitment: 'Approve on commitment (checked afterwards)',
    commitment: 'The applicant’s written commitment',
    commitmentText: 'We commit to the runoff and retaining measures of the plan',
    submit: 'Record the decision',
    checkComment: 'Check comment',
    checkFail: 'Check failed: revoke the approval',
    revoked: 'Revoked',
    checkPass: 'Check passed',
  },
} as const;

/** A school (PLAN holds SOIL_WATER and EIA_TABLE, both eligible) with PLAN in review. */
async function schoolInReview(request: APIRequestContext, baseURL: string, name: string) {
  const applicant = await apiToken(request, 'applicant');
  const window = await apiToken(request, 'window');
  const post = (path: string, token: string, data: object) =>
    request.post(path, {
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': crypto.randomUUID() },
      data,
    });
  const created = await post('/api/projects', applicant, { name, answers: EXAMPLE_ANSWERS.school });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  const api = new ApiClient(baseURL);
  await handInStage(api, applicant, id, 'PLAN', { keyPrefix: `lanes-${id}` });
  expect((await post(`/api/projects/${id}/stages/PLAN/submission`, applicant, {})).status()).toBe(
    200,
  );
  expect(
    (
      await post(`/api/projects/${id}/stages/PLAN/acceptance`, window, { decision: 'ACCEPT' })
    ).status(),
  ).toBe(200);
  // The next stage's files, uploaded as the materials page does (materials.pw.ts clicks them).
  await handInStage(api, applicant, id, 'START_PERMIT', { keyPrefix: `lanes-sp-${id}` });
  return { id, applicant };
}

const taskOf = async (request: APIRequestContext, token: string, id: string, code: string) =>
  itemsOf(await reportOf(request, token, id)).find((i) => i.code === code)!;

async function openTask(page: Page, taskId: string) {
  await page.goto(`/tasks/${encodeURIComponent(taskId)}`);
}

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  const t = T[lang];

  test(`${lang}: the applicant hands in the next stage for pre-review and an officer comments`, async ({
    page,
    request,
    baseURL,
  }) => {
    const name = `预审学校 ${lang} ${Date.now().toString(36)}`;
    const { id, applicant } = await schoolInReview(request, baseURL!, name);

    await signIn(page, 'applicant', lang);
    await page.goto(`/projects/${id}`);
    await page.getByRole('button', { name: t.preReviewSend }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.ok }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByText(t.preReviewedOn)).toBeVisible();
    const fire = await taskOf(request, applicant, id, 'FIRE_DESIGN_REVIEW');
    expect(fire.status).toBe('PRE_REVIEW');

    await signOut(page);
    await signIn(page, 'officer.FIRE', lang);
    await openTask(page, fire.taskId);
    await page.getByLabel(t.comment, { exact: true }).fill(t.commentText);
    await page.getByRole('button', { name: t.commentSend }).click();
    await expect(page.getByLabel(t.comment, { exact: true })).toHaveValue('');
    await expectAccessible(page, `the pre-review comment form (${lang})`);
    await screenshot(page, `pre-review-comment-${lang}`);

    // The applicant reads it on the project page.
    await signOut(page);
    await signIn(page, 'applicant', lang);
    await page.goto(`/projects/${id}`);
    await expect(page.getByText(t.commentText)).toBeVisible();
    await screenshot(page, `pre-review-applicant-${lang}`);
    expect((await taskOf(request, applicant, id, 'FIRE_DESIGN_REVIEW')).status).toBe('PRE_REVIEW');
  });

  test(`${lang}: an officer approves on commitment, and the follow-up check is made`, async ({
    page,
    request,
    baseURL,
  }) => {
    const name = `告知承诺学校 ${lang} ${Date.now().toString(36)}`;
    const { id, applicant } = await schoolInReview(request, baseURL!, name);
    const soil = await taskOf(request, applicant, id, 'SOIL_WATER');

    await signIn(page, 'officer.WRB', lang);
    await openTask(page, soil.taskId);
    await page.getByRole('radio', { name: t.onCommitment }).check();
    await page.getByLabel(t.commitment, { exact: true }).fill(t.commitmentText);
    await expectAccessible(page, `the commitment decision (${lang})`);
    await screenshot(page, `commitment-decision-${lang}`);
    await page.getByRole('button', { name: t.submit }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.submit }).click();
    // The check is now the task: the commitment shown, its due date with it.
    await expect(page.getByText(t.commitmentText)).toBeVisible();
    const approved = await taskOf(request, applicant, id, 'SOIL_WATER');
    expect(approved).toMatchObject({
      status: 'APPROVED',
      onCommitment: { text: t.commitmentText },
    });
    await expect(page.getByText(approved.onCommitment!.checkDue).first()).toBeVisible();

    if (lang === 'zh-CN') {
      // Failed: the approval is revoked.
      await page.getByLabel(t.checkComment, { exact: true }).fill('现场未建设拦挡设施');
      await page.getByRole('button', { name: t.checkFail }).click();
      await page.getByRole('dialog').getByRole('button', { name: t.checkFail }).click();
      await expect(page.getByText(t.revoked).first()).toBeVisible();
      expect((await taskOf(request, applicant, id, 'SOIL_WATER')).status).toBe('REVOKED');
    } else {
      await page.getByRole('button', { name: t.checkPass }).click();
      await expect(page.getByRole('button', { name: t.checkPass })).toBeHidden();
      expect(
        (await taskOf(request, applicant, id, 'SOIL_WATER')).onCommitment?.check,
      ).toMatchObject({ passed: true });
    }
  });
}
