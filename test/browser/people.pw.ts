/**
 * What a person meets (issue 29): names instead of codes on each role's main pages, refusals in
 * the reader's language, a word and the next step after each act, an officer who must choose and
 * confirm, a long name that keeps the list readable, and the administrator's audit page.
 */
import { type Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { EXAMPLE_ANSWERS } from '../../libs/domain/src';
import { ApiClient, handInStage } from '../../libs/client/src';
import { apiGet, apiToken, itemsOf, reportOf } from './api';
import { acceptAtWindow, pick, screenshot, settle, signIn, signOut } from './helpers';

/** True abbreviations a page may show; anything else in capitals is an internal code. */
const ALLOWED = new Set(['PDF', 'CSV', 'HTTP', 'UTC', 'OPEN', 'DEMO']);

/** The words of capitals and underscores (4 or more) the page shows that are not allowed. */
async function codesOnPage(page: Page): Promise<string[]> {
  await settle(page);
  // A file keeps the name it was handed in under (the test's own files are named by code).
  const text = (await page.locator('body').innerText()).replace(/\S+\.(pdf|png|jpe?g)\b/gi, '');
  return [...new Set(text.match(/[A-Z][A-Z_]{3,}/g) ?? [])].filter((w) => !ALLOWED.has(w));
}

async function createProject(
  request: Parameters<typeof apiToken>[0],
  token: string,
  name: string,
): Promise<string> {
  const r = await request.post('/api/projects', {
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': crypto.randomUUID() },
    data: { name, answers: EXAMPLE_ANSWERS.warehouse },
  });
  expect(r.status()).toBe(201);
  return ((await r.json()) as { id: string }).id;
}

test('no internal code on the applicant’s, window’s and officer’s main pages; the organisation by its name', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(360_000);
  const applicant = await apiToken(request, 'applicant');
  const name = `无代码检查 ${Date.now().toString(36)}`;
  const id = await createProject(request, applicant, name);
  await handInStage(new ApiClient(baseURL!), applicant, id, 'PLAN', { keyPrefix: `codes-${id}` });

  await signIn(page, 'applicant');
  expect(await codesOnPage(page), 'the applicant’s list').toEqual([]);
  // The header and the account menu name the person and the organisation, not the login.
  const account = page.getByRole('button', { name: '账户' });
  await expect(account).toHaveText('甲建设公司 申请人');
  await account.click();
  await expect(page.getByRole('menuitem', { name: /甲建设公司/ }).first()).toBeVisible();
  await expect(page.getByRole('menu').filter({ hasText: '退出登录' })).not.toContainText('org-a');
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  // Before anything is submitted the project is not "in progress" yet.
  await expect(page.getByText('待提交', { exact: true })).toBeVisible();
  await expect(page.getByText('甲建设公司', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: '办理记录' }).click();
  expect(await codesOnPage(page), 'the applicant’s project page').toEqual([]);

  // Submitting says what happened and what comes next.
  await page.getByRole('button', { name: '提交策划生成阶段材料' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '已提交策划生成阶段的申报材料' }),
  ).toContainText('下一步');
  await screenshot(page, 'people-applicant-submitted-zh');

  await signOut(page);
  await signIn(page, 'window');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('甲建设公司');
  expect(await codesOnPage(page), 'the window’s queue').toEqual([]);
  // Accepting: the row leaves the queue with a word and the receipt to print.
  await acceptAtWindow(page, name, '策划生成');
  await expect(page.getByRole('status').filter({ hasText: `已受理“${name}”` })).toBeVisible();
  await page.getByRole('button', { name: '打印受理单' }).click();
  await expect(page.getByRole('dialog', { name: '策划生成阶段受理单' })).toBeVisible();
  await screenshot(page, 'people-window-accepted-zh');

  const item = itemsOf(await reportOf(request, applicant, id)).find(
    (i) => i.status === 'UNDER_REVIEW',
  )!;
  await signOut(page);
  await signIn(page, `officer.${item.department}`);
  expect(await codesOnPage(page), 'the officer’s queue').toEqual([]);
  await expect(page.getByRole('button', { name: '账户' })).toContainText('审批人员');
  await expect(page.getByRole('banner')).not.toContainText('officer.');
  await page.goto(`/tasks/${encodeURIComponent(item.taskId)}`);
  await expect(page.getByRole('heading', { level: 2, name: item.name })).toBeVisible();
  expect(await codesOnPage(page), 'the officer’s item page').toEqual([]);
});

test('the officer must choose a decision and confirm it; a page of another role says whose it is', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(360_000);
  const applicant = await apiToken(request, 'applicant');
  const window = await apiToken(request, 'window');
  const name = `确认决定 ${Date.now().toString(36)}`;
  const id = await createProject(request, applicant, name);
  await handInStage(new ApiClient(baseURL!), applicant, id, 'PLAN', { keyPrefix: `confirm-${id}` });
  const post = (path: string, token: string, data: object) =>
    request.post(path, {
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': crypto.randomUUID() },
      data,
    });
  expect((await post(`/api/projects/${id}/stages/PLAN/submission`, applicant, {})).status()).toBe(
    200,
  );
  expect(
    (
      await post(`/api/projects/${id}/stages/PLAN/acceptance`, window, { decision: 'ACCEPT' })
    ).status(),
  ).toBe(200);
  const item = itemsOf(await reportOf(request, applicant, id)).find(
    (i) => i.status === 'UNDER_REVIEW',
  )!;

  // An applicant opening the officers' queue is told whose page it is, in words.
  await signIn(page, 'applicant');
  await page.goto('/tasks');
  await expect(page.getByText('此页面供审批人员使用')).toBeVisible();
  await expect(page.getByText(/REVIEWING_OFFICER|APPLICANT/)).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: '主导航' })).not.toContainText('待办事项');

  await signOut(page);
  await signIn(page, `officer.${item.department}`);
  await page.goto(`/tasks/${encodeURIComponent(item.taskId)}`);
  await expect(page.getByRole('heading', { level: 2, name: item.name })).toBeVisible();
  for (const decision of ['准予许可（办结）', '不予许可', '要求补正（停止计时）'])
    await expect(page.getByRole('radio', { name: decision })).not.toBeChecked();
  await page.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByText('请选择处理决定')).toBeVisible();

  await page.getByRole('radio', { name: '准予许可（办结）' }).check();
  await page.getByRole('button', { name: '提交决定' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '确认处理决定' });
  await expect(confirm).toContainText(`对“${item.name}”作出决定：准予许可（办结）`);
  await screenshot(page, 'people-officer-confirm-zh');
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(confirm).toBeHidden();
  expect(
    itemsOf(await reportOf(request, applicant, id)).find((i) => i.code === item.code)!.status,
  ).toBe('UNDER_REVIEW');
  await page.getByRole('button', { name: '提交决定' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交决定' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `已准予许可：${item.name}` }),
  ).toBeVisible();
  expect(
    itemsOf(await reportOf(request, applicant, id)).find((i) => i.code === item.code)!.status,
  ).toBe('APPROVED');
});

test('a 200-character name keeps the list readable; the name field shows its count', async ({
  page,
  request,
}) => {
  const applicant = await apiToken(request, 'applicant');
  const long = `超长名称${'城'.repeat(190)}${Date.now().toString(36)}`.slice(0, 200);
  await createProject(request, applicant, long);
  await signIn(page, 'applicant');
  const row = page.getByRole('row').filter({ hasText: long.slice(0, 20) });
  await expect(row).toBeVisible();
  const { height } = (await row.boundingBox())!;
  expect(height, 'one line of name: the row stays short').toBeLessThan(140);
  const typeCell = row.getByRole('cell').nth(1);
  expect((await typeCell.boundingBox())!.width, 'the type column keeps its width').toBeGreaterThan(
    90,
  );
  await screenshot(page, 'people-long-name-zh');

  await page.getByRole('button', { name: '新建项目' }).click();
  // The questionnaire is on screen: the form is mounted for good.
  await expect(page.getByText('项目的投资类型是？')).toBeVisible();
  const field = page.getByLabel('项目名称');
  await field.fill('名'.repeat(200));
  await expect(page.getByText('200 / 200')).toBeVisible();
});

test('the administrator filters the audit trail and downloads it as CSV', async ({ page }) => {
  await signIn(page, 'admin');
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '审计日志' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: '审计日志' })).toBeVisible();
  await page.getByLabel('人员（用户名）').fill('admin');
  await page.getByLabel('人员（用户名）').press('Enter');
  await pick(page, page.getByLabel('操作', { exact: true }), '登录成功');
  await expect(page).toHaveURL(/username=admin/);
  await expect(page).toHaveURL(/action=LOGIN_SUCCEEDED/);
  const rows = page.getByRole('row').filter({ hasText: '登录成功' });
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '登录失败' })).toHaveCount(0);
  await screenshot(page, 'people-audit-zh');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('audit.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('at,action,actor,subject,address,detail');
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((l) => l.split(',')[1] === 'LOGIN_SUCCEEDED')).toBe(true);

  // The time filter: typed into the range (days in Beijing time), kept in the address.
  const day = (offset: number) =>
    new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const [start, end] = [page.getByPlaceholder('开始日期'), page.getByPlaceholder('结束日期')];
  await start.click();
  await start.fill(day(1));
  await start.press('Enter');
  await end.fill(day(2));
  await end.press('Enter');
  await expect(page).toHaveURL(/from=/);
  await expect(page.getByRole('row').filter({ hasText: '登录成功' })).toHaveCount(0);
  await start.click();
  await start.fill(day(0));
  await start.press('Enter');
  await end.fill(day(0));
  await end.press('Enter');
  await expect(rows.first()).toBeVisible();
});

test('the sign-in page says a session expired only when it did', async ({ page }) => {
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText('登录已过期，请重新登录后继续。')).toHaveCount(0);
  await signIn(page, 'applicant');
  await page.getByRole('button', { name: '账户' }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText('登录已过期，请重新登录后继续。')).toHaveCount(0);
});

test('on a phone the next step comes above the clock', async ({ page, request }) => {
  const applicant = await apiToken(request, 'applicant');
  const { items } = await apiGet<{ items: { id: string }[] }>(
    request,
    applicant,
    `/api/projects?q=${encodeURIComponent('城东第一实验小学')}`,
  );
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'applicant');
  await page.goto(`/projects/${items[0].id}`);
  const next = page.getByRole('heading', { level: 2, name: '下一步' });
  const clock = page.getByRole('heading', { level: 2, name: '法定时限' });
  await expect(next).toBeVisible();
  expect((await next.boundingBox())!.y).toBeLessThan((await clock.boundingBox())!.y);
  await screenshot(page, 'people-phone-project-zh');
});
