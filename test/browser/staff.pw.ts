/**
 * What the other roles do on their pages: a department head extends an overdue item's limit, an
 * agent creates a project for an organisation under its mandate, an administrator imports a
 * project already under review elsewhere.
 */
import { expect, test } from '@playwright/test';
import { EXAMPLE_ANSWERS } from '../../libs/domain/src';
import { apiGet, apiToken, itemsOf, reportOf } from './api';
import { answerQuestionnaire as answer, signIn } from './helpers';

test('a department head extends an escalated item; the item’s limit grows by the days granted', async ({
  page,
  request,
}) => {
  const head = await apiToken(request, 'head.NRP');
  const { items } = await apiGet<{
    items: { projectId: string; itemCode: string; itemName: string }[];
  }>(request, head, '/api/escalations');
  expect(items.length, 'the demo seed leaves NRP items at risk or overdue').toBeGreaterThan(0);
  const target = items[0];
  const before = itemsOf(await reportOf(request, head, target.projectId)).find(
    (i) => i.code === target.itemCode,
  )!;
  await signIn(page, 'head.NRP');
  await expect(
    page.getByRole('heading', { level: 2, name: '督办事项（预警与超期）' }),
  ).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: target.itemName }).first();
  await row.getByRole('button', { name: '延长时限' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('延长工作日（累计不超过 10 个）').fill('3');
  await dialog.getByLabel('理由', { exact: true }).fill('专家论证需要补充时间');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  const after = itemsOf(await reportOf(request, head, target.projectId)).find(
    (i) => i.code === target.itemCode,
  )!;
  expect(after.clock.limitDays).toBe(before.clock.limitDays + 3);
});

test('an agent creates a project for an organisation under its mandate; it is recorded as acting for it', async ({
  page,
}) => {
  const name = `代办新建仓库 ${Date.now().toString(36)}`;
  await signIn(page, 'agent');
  await page.getByRole('button', { name: '新建项目' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '新建项目' })).toBeVisible();
  await page.getByLabel('项目名称', { exact: true }).fill(name);
  // The organisations that gave the agent a mandate (the demo: 乙置业公司, by its name, not its
  // code); chosen with the keyboard.
  await page.getByLabel('代办单位', { exact: true }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByTitle('乙置业公司').first()).toBeVisible();
  await expect(page.getByTitle('org-b')).toHaveCount(0);
  await answer(page, EXAMPLE_ANSWERS.lowRiskWarehouse);
  await page.getByRole('button', { name: '生成事项清单' }).click();
  await expect(page.getByText('12 个工作日').first()).toBeVisible();
  await page.getByRole('button', { name: '确认并创建项目' }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  // The owner by its name, here and in the timeline.
  await expect(page.getByText('乙置业公司', { exact: true }).first()).toBeVisible();
  await page.getByRole('tab', { name: '办理记录' }).click();
  await expect(page.getByText('代办员 帮办代办员 代 乙置业公司').first()).toBeVisible();
});

test('an administrator imports a project accepted elsewhere; its clock counts from that day', async ({
  page,
  request,
}) => {
  const name = `导入仓库 ${Date.now().toString(36)}`;
  await signIn(page, 'admin');
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '导入项目' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: '导入项目' })).toBeVisible();
  await page.getByLabel('项目名称', { exact: true }).fill(name);
  await page.getByLabel('建设单位', { exact: true }).fill('org-a');
  const accepted = page.getByLabel('首阶段受理日期', { exact: true });
  await accepted.click();
  await accepted.fill('2026-11-02');
  await accepted.press('Enter');
  await answer(page, EXAMPLE_ANSWERS.warehouse);
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  const id = page.url().split('/projects/')[1];
  const r = await reportOf(request, await apiToken(request, 'admin'), id);
  expect(r.clock.usedDays, 'working days since 2026-11-02 are on the clock').toBeGreaterThan(10);
  await expect(
    page.getByRole('img', {
      name: new RegExp(`已用 ${r.clock.usedDays} 个工作日，时限 35 个工作日`),
    }),
  ).toBeVisible();
});
