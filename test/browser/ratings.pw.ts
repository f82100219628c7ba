/**
 * 好差评 and its rectification, as the people do it: the applicant rates a decided item
 * 非常不满意, the department head answers on the rectifications page, the applicant confirms it
 * was put right, and the supervisor finds it among the confirmed ones.
 */
import { expect, test } from '@playwright/test';
import { apiGet, apiToken, itemsOf, reportOf } from './api';
import { pick, screenshot, signIn, signOut } from './helpers';

test('rate → rectification → the head responds → the applicant confirms; the supervisor sees it', async ({
  page,
  request,
}) => {
  // Four sign-ins and three roles' pages: longer than one page's test on two busy cores.
  test.setTimeout(300_000);
  const applicant = await apiToken(request, 'applicant');
  const { items } = await apiGet<{ items: { id: string; name: string }[] }>(
    request,
    applicant,
    `/api/projects?q=${encodeURIComponent('城东第一实验小学')}`,
  );
  const project = items[0];
  const approved = itemsOf(await reportOf(request, applicant, project.id)).find(
    (i) => i.status === 'APPROVED',
  );
  expect(approved, 'the demo seed approves some of the school’s PLAN items').toBeDefined();
  const item = approved!;

  await signIn(page, 'applicant');
  await page.goto(`/projects/${project.id}`);
  await page.getByRole('tab', { name: '服务评价（好差评）' }).click();
  await page.getByRole('button', { name: `评价 ${item.name}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: '非常不满意' }).click();
  await expect(dialog.getByText('提交后将转主管部门整改')).toBeVisible();
  await dialog.getByLabel('评价内容').fill('补正要求前后不一致');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: item.name });
  await expect(row.getByText('非常不满意')).toBeVisible();
  await expect(row.getByText('待答复')).toBeVisible();
  await expect(page.getByRole('button', { name: `评价 ${item.name}` })).toHaveCount(0);
  await screenshot(page, 'ratings-project');

  await signOut(page);
  await signIn(page, `head.${item.department}`);
  await page.getByRole('link', { name: '差评整改' }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: '差评整改' })).toBeVisible();
  const open = page.getByRole('row').filter({ hasText: '补正要求前后不一致' });
  await expect(open.getByText('待答复')).toBeVisible();
  await open.getByRole('button', { name: '答复' }).click();
  await dialog.getByLabel('整改情况').fill('已统一补正清单并电话回访');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(open.getByText('已答复待确认')).toBeVisible();

  await signOut(page);
  await signIn(page, 'applicant');
  await page.goto('/rectifications');
  const answered = page.getByRole('row').filter({ hasText: '补正要求前后不一致' });
  await expect(answered.getByText('已统一补正清单并电话回访')).toBeVisible();
  await answered.getByRole('button', { name: '确认' }).click();
  await dialog.getByLabel('已整改到位').check();
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(answered.getByText('已确认')).toBeVisible();

  await signOut(page);
  await signIn(page, 'supervisor');
  await page.goto('/rectifications');
  await pick(page, page.getByLabel('整改状态'), '已确认');
  await expect(page).toHaveURL(/status=CONFIRMED/);
  await expect(page.getByRole('row').filter({ hasText: '补正要求前后不一致' })).toBeVisible();
  await screenshot(page, 'rectifications-supervisor');
});
