/**
 * The administrator's account pages and the forced password change, as people use them: an
 * organisation (a wrong credit code is refused), a user with a one-time password, a change of
 * department, a disabled account; the new user signs in and must set their own password first.
 */
import { type Page, expect, test } from '@playwright/test';
import { apiGet, apiToken } from './api';
import { expectAccessible, pick, screenshot, signIn, signOut } from './helpers';

/**
 * The form's submit button. Ant Design's loading icon of the previous submit may still be
 * fading out (its name then starts with "loading"), though the button takes clicks again.
 */
const submit = (page: Page, name: string) =>
  page.getByRole('button', { name: new RegExp(`^(loading )?${name}$`) }).click();

/** Picks an option of the Ant Design select labelled `label`. */
const choose = (page: Page, label: string, option: string) =>
  pick(page, page.getByLabel(label, { exact: true }), option);

test('an administrator creates an organisation and users, moves and disables one; the new user must replace the initial password', async ({
  page,
}) => {
  // Two pages, five forms and a second sign-in: longer than one page's test on a busy machine.
  test.setTimeout(360_000);
  await signIn(page, 'admin');
  await page.getByRole('link', { name: '单位管理' }).click();
  await expect(page.getByRole('heading', { name: '单位管理' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'org-a', exact: true })).toBeVisible();

  await page.getByLabel('单位名称').fill('丁市政工程公司');
  await page.getByLabel('统一社会信用代码').fill('91330106MA2B3C4D5E');
  await page.getByLabel('单位代号').fill('org-ding');
  await submit(page, '新增');
  await expect(
    page.getByText('统一社会信用代码的校验码（第 18 位）不对，按前 17 位应为 D'),
  ).toBeVisible();
  await page.getByLabel('统一社会信用代码').fill('91330106MA2B3C4D5D');
  await submit(page, '新增');
  await expect(page.getByRole('cell', { name: 'org-ding', exact: true })).toBeVisible();
  await page.mouse.move(0, 0); // not hovering the button just pressed
  await expectAccessible(page, 'organisations');
  await screenshot(page, 'admin-organisations-zh-CN');

  await page.getByRole('link', { name: '用户管理' }).click();
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
  // An officer, then moved to another department.
  await page.getByLabel('用户名', { exact: true }).fill('pw-officer');
  await page.getByLabel('姓名', { exact: true }).fill('浏览器 审批人员');
  await choose(page, '角色', '审批人员');
  await choose(page, '所属部门', '发展和改革部门 (DRC)');
  await submit(page, '新增');
  await expect(page.getByRole('status')).toContainText('已创建用户 pw-officer');
  // Among the demo accounts on more than one page: search for the new ones.
  await page.getByLabel('搜索用户名或姓名').fill('pw-');
  await page.getByLabel('搜索用户名或姓名').press('Enter');
  const officerRow = page.getByRole('row', { name: /pw-officer/ });
  await expect(officerRow).toContainText('发展和改革部门');
  await officerRow.getByRole('button', { name: '调整角色或部门' }).click();
  const dialog = page.getByRole('dialog');
  await pick(page, dialog.getByLabel('所属部门'), '自然资源和规划部门 (NRP)');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(officerRow).toContainText('自然资源和规划部门');
  await officerRow.getByRole('button', { name: '停用' }).click();
  await expect(officerRow).toContainText('已停用');
  await expect(officerRow.getByRole('button', { name: '启用' })).toBeVisible();

  // An applicant of the new organisation: the one-time password is shown once.
  await page.getByLabel('用户名', { exact: true }).fill('pw-applicant');
  await page.getByLabel('姓名', { exact: true }).fill('丁 申请人');
  await choose(page, '角色', '申请人');
  await choose(page, '所属单位', '丁市政工程公司 (org-ding)');
  await submit(page, '新增');
  const created = page.getByRole('status');
  await expect(created).toContainText('已创建用户 pw-applicant');
  await expect(created).toContainText('只显示这一次');
  const initial = (await created.getByLabel('初始密码').first().textContent())!.trim();
  expect(initial).toMatch(/^\S{16}$/);
  await expect(page.getByRole('row', { name: /pw-applicant/ })).toContainText('待改初始密码');
  await page.mouse.move(0, 0);
  await expectAccessible(page, 'users');
  await screenshot(page, 'admin-users-zh-CN');

  // The applicant signs in with it and can do nothing before choosing a password.
  await signOut(page);
  await page.goto('/login');
  await page.getByLabel('用户名').fill('pw-applicant');
  await page.getByLabel('密码').fill(initial);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByText('请先设置自己的密码')).toBeVisible();
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.getByLabel('当前密码').fill(initial);
  await page.getByLabel('新密码', { exact: true }).fill('password123');
  await page.getByLabel('确认新密码').fill('password123');
  await submit(page, '保存新密码');
  await expect(page.getByText('新密码是常见密码，容易被猜中，请换一个')).toBeVisible();
  await page.mouse.move(0, 0);
  await expectAccessible(page, 'change password');
  await screenshot(page, 'change-password-zh-CN');
  await page.getByLabel('新密码', { exact: true }).fill('丁公司的长密码 2026');
  await page.getByLabel('确认新密码').fill('丁公司的长密码 2026');
  await submit(page, '保存新密码');
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole('link', { name: '我的项目' })).toBeVisible();
});

test('a session outlives its access token: the page refreshes silently, and signs out when refused', async ({
  page,
}) => {
  await signIn(page, 'supervisor');
  await expect(page).toHaveURL(/\/boards/);
  // The access token is lost (as when it expires): the refresh token renews it silently.
  await page.evaluate(() => {
    const s = JSON.parse(localStorage.getItem('pa.session')!);
    localStorage.setItem('pa.session', JSON.stringify({ ...s, token: 'x.y.z' }));
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: '监察看板' })).toBeVisible();
  // The heading is there before the board's first request comes back 401 and is renewed.
  await expect
    .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('pa.session')!).token), {
      timeout: 15_000,
    })
    .not.toBe('x.y.z');
  await expect(page).toHaveURL(/\/boards/);
  // The refresh cookie is gone (the session ended elsewhere): the person is sent to sign in.
  await page.context().clearCookies();
  await page.evaluate(() => {
    const s = JSON.parse(localStorage.getItem('pa.session')!);
    localStorage.setItem('pa.session', JSON.stringify({ ...s, token: 'x.y.z' }));
  });
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
});

test('two tabs whose access token expired both stay signed in: one refreshes, the other takes its token, and no theft alarm is raised', async ({
  context,
  request,
}) => {
  const since = new Date(Date.now() - 1_000).toISOString();
  const one = await context.newPage();
  await signIn(one, 'head.DRC');
  const home = one.url();
  const two = await context.newPage();
  await two.goto(home);
  await expect(two).toHaveURL(home);

  // The refresh token is an HttpOnly, SameSite=Strict cookie of /api/auth; no script sees it.
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === 'pa_refresh')).toMatchObject({
    httpOnly: true,
    sameSite: 'Strict',
    path: '/api/auth',
  });
  const stored = await one.evaluate(() => localStorage.getItem('pa.session')!);
  expect(stored).not.toContain('refreshToken');
  expect(await one.evaluate(() => document.cookie)).not.toContain('pa_refresh');

  // The access token expires (both tabs share it); both tabs load at the same moment. The tabs
  // wait on a page of the same origin without the app meanwhile, so no app code sees the expired
  // token before the loads (a refresh begun by a page that then navigates away is lost to it).
  for (const p of [one, two]) await p.goto('/health');
  await one.evaluate(() => {
    const s = JSON.parse(localStorage.getItem('pa.session')!);
    localStorage.setItem(
      'pa.session',
      JSON.stringify({ ...s, token: 'expired.x.y', expiresAt: Date.now() - 1_000 }),
    );
  });
  // Each refresh is held 1.5 s on its way, so both tabs want one while the first is in flight.
  const refreshes: number[] = [];
  await context.route('**/api/auth/refresh', async (route) => {
    await new Promise((r) => setTimeout(r, 1_500));
    const res = await route.fetch();
    refreshes.push(res.status());
    await route.fulfill({ response: res });
  });
  await Promise.all([one.goto(home), two.goto(home)]);
  for (const p of [one, two]) {
    await expect(p).toHaveURL(home);
    await expect
      .poll(() => p.evaluate(() => JSON.parse(localStorage.getItem('pa.session')!).token), {
        timeout: 15_000,
      })
      .not.toBe('expired.x.y');
  }
  // One tab refreshed; the other took its token (Web Locks), so nothing was spent twice.
  expect(refreshes).toEqual([200]);
  await one.reload();
  await two.reload();
  for (const p of [one, two]) await expect(p).toHaveURL(home);

  const admin = await apiToken(request, 'admin');
  const audit = await apiGet<{ items: { action: string }[] }>(
    request,
    admin,
    `/api/audit?username=head.DRC&from=${encodeURIComponent(since)}`,
  );
  expect(audit.items.map((a) => a.action)).not.toContain('REFRESH_TOKEN_REUSED');
  expect(audit.items.map((a) => a.action)).toContain('LOGIN_SUCCEEDED');
});
