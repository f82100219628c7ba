/**
 * What a person sees when something is refused or mistyped: a 409 in words, a 400 next to the
 * field, and an expired session sends them to sign in and back to where they were.
 */
import { expect, test } from '@playwright/test';
import { apiGet, apiToken } from './api';
import { signIn } from './helpers';

test('a refusal (409) is shown in words when a colleague decided the item first', async ({
  page,
  request,
}) => {
  // An officer with an item under review (the demo seed leaves several) opens it …
  const admin = await apiToken(request, 'admin');
  const { items: departments } = await apiGet<{ items: { code: string }[] }>(
    request,
    admin,
    '/api/departments',
  );
  let found:
    { username: string; token: string; task: { taskId: string; itemName: string } } | undefined;
  for (const d of departments) {
    const token = await apiToken(request, `officer.${d.code}`);
    const q = await apiGet<{ items: { taskId: string; itemName: string }[] }>(
      request,
      token,
      '/api/tasks?status=UNDER_REVIEW',
    );
    if (q.items[0]) {
      found = { username: `officer.${d.code}`, token, task: q.items[0] };
      break;
    }
  }
  expect(found, 'some officer has an item under review').toBeDefined();
  const { username, token: officer, task } = found!;
  await signIn(page, username);
  await page.goto(`/tasks/${encodeURIComponent(task.taskId)}`);
  await expect(page.getByRole('heading', { level: 2, name: task.itemName })).toBeVisible();
  // … while a colleague approves it elsewhere.
  const r = await request.post(`/api/tasks/${encodeURIComponent(task.taskId)}/decision`, {
    headers: { authorization: `Bearer ${officer}` },
    data: { action: 'APPROVE', comment: '同事已办结' },
  });
  expect(r.status()).toBe(200);
  await page.getByRole('radio', { name: '要求补正（停止计时）' }).check();
  // The comment is required for a supplement: said next to the field, in Chinese, once.
  await page.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByText('请填写意见（告诉申请人需要补正什么或不予许可的理由）')).toHaveCount(
    1,
  );
  await page.getByLabel('意见', { exact: true }).fill('请补交图纸');
  await page.getByRole('button', { name: '提交决定' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交决定' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '当前状态不允许此操作' });
  await expect(alert).toBeVisible();
  // In the reader's words: the item's state by its name, no code, no English.
  await expect(alert).toContainText(/事项“.+”当前为“已办结”/);
  await expect(alert).not.toContainText('APPROVED');
});

test('a bad field (400) is shown next to the field, and nothing typed is lost', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { level: 2, name: '工作日历' })).toBeVisible();
  const holidays = page.getByLabel('放假日期', { exact: true });
  await holidays.fill('2031-01-01 2031-02-30x');
  await page.getByRole('button', { name: '载入', exact: true }).click();
  // Said once, in Chinese, next to the field (no box above the form repeats it).
  await expect(
    page.getByText('放假日期：日期须写成“年-月-日”的有效日期，如 2027-01-01'),
  ).toHaveCount(1);
  await expect(page.getByRole('alert').filter({ hasText: '填写有误' })).toHaveCount(0);
  await expect(holidays).toHaveValue('2031-01-01 2031-02-30x');
});

test('an expired session sends the person to sign in, and back to the page they wanted', async ({
  page,
}) => {
  await signIn(page, 'supervisor');
  // The session ends while the page is open (revoked, or signed out elsewhere): the access token
  // is refused and so is its refresh token (the HttpOnly cookie), so the silent refresh cannot
  // save it.
  const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'pa_refresh');
  await page.context().addCookies([{ ...cookie, value: `${cookie.value}x` }]);
  await page.evaluate(() => {
    const s = JSON.parse(localStorage.getItem('pa.session')!) as { token: string };
    localStorage.setItem('pa.session', JSON.stringify({ ...s, token: `${s.token}x` }));
  });
  await page.goto('/projects?risk=OVERDUE');
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByText('登录已过期，请重新登录后继续。')).toBeVisible();
  await page.getByLabel('用户名', { exact: true }).fill('supervisor');
  await page.getByLabel('密码', { exact: true }).fill('demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/projects\?risk=OVERDUE$/);
  await expect(page.getByRole('link', { name: '滨江商业综合体（导入）' })).toBeVisible();
});

test('the keyboard alone signs in and reaches a project', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).focus();
  await page.keyboard.type('applicant');
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: '我的项目' })).toBeVisible();
  const link = page.getByRole('link', { name: '城东第一实验小学新建工程' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 2, name: '城东第一实验小学新建工程' }),
  ).toBeVisible();
});
