/**
 * 首接负责制 (issue 26): the window that first accepts a project is its responsible contact, shown
 * to the applicant with a name, its region and a mail address, until it hands the project over
 * to a window of another level or region, which the timeline records. The administrator gives
 * each window officer its region on the users page.
 */
import { expect, test } from '@playwright/test';
import { EXAMPLE_ANSWERS } from '../../libs/domain/src';
import { ApiClient, handInStage } from '../../libs/client/src';
import { apiToken } from './api';
import { acceptAtWindow, expectAccessible, pick, screenshot, signIn, signOut } from './helpers';

test('the accepting window is the contact; it hands the project over and the applicant sees the new one', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(360_000);
  const stamp = Date.now().toString(36);
  const post = (path: string, token: string, data: object) =>
    request.post(path, {
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': crypto.randomUUID() },
      data,
    });
  // A province (another level than the demo window's default region), and a second window of
  // the default region, which a hand-over may not go to.
  const admin = await apiToken(request, 'admin');
  const region = await post('/api/admin/regions', admin, {
    code: '320000',
    name: '江苏省',
    parent: 'CN',
  });
  expect([201, 409]).toContain(region.status());
  const sameRegion = `同级窗口 ${stamp}`;
  expect(
    (
      await post('/api/admin/users', admin, {
        username: `window.cn.${stamp}`,
        displayName: sameRegion,
        role: 'WINDOW_OFFICER',
      })
    ).status(),
  ).toBe(201);

  // The province's window, made by the administrator on the users page with its region.
  const province = `省级窗口 ${stamp}`;
  await signIn(page, 'admin');
  await page.getByRole('link', { name: '用户管理' }).click();
  await page.getByLabel('用户名', { exact: true }).fill(`window.js.${stamp}`);
  await page.getByLabel('姓名', { exact: true }).fill(province);
  await pick(page, page.getByLabel('角色', { exact: true }), '综合窗口');
  await pick(page, page.getByLabel('所在行政区域', { exact: true }), '江苏省（省级） 320000');
  await page.getByLabel('电子邮箱').fill(`window.js.${stamp}@js.example`);
  await page.getByRole('button', { name: /^(loading )?新增$/ }).click();
  await expect(page.getByRole('status')).toContainText(`已创建用户 window.js.${stamp}`);
  await page.getByLabel('搜索用户名或姓名').fill(stamp);
  await page.getByLabel('搜索用户名或姓名').press('Enter');
  await expect(page.getByRole('row', { name: new RegExp(`window\\.js\\.${stamp}`) })).toContainText(
    '江苏省（省级）',
  );
  await expect(page.getByRole('row', { name: new RegExp(`window\\.cn\\.${stamp}`) })).toContainText(
    '全国（默认）（国家级）',
  );
  await screenshot(page, 'admin-users-region-zh-CN');
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'admin-users-region-zh-CN-390');
  await page.setViewportSize(desktop);
  await signOut(page);
  const applicant = await apiToken(request, 'applicant');
  const name = `首接负责 ${stamp}`;
  const created = await post('/api/projects', applicant, {
    name,
    answers: EXAMPLE_ANSWERS.warehouse,
  });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  await handInStage(new ApiClient(baseURL!), applicant, id, 'PLAN', { keyPrefix: `contact-${id}` });
  expect((await post(`/api/projects/${id}/stages/PLAN/submission`, applicant, {})).status()).toBe(
    200,
  );

  // Before a window accepts, the applicant is told when the contact is set.
  await signIn(page, 'applicant');
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(page.getByText('窗口受理后确定')).toBeVisible();
  await signOut(page);

  // The window accepts on its page: it is the contact from then on, and may hand over.
  await signIn(page, 'window');
  await acceptAtWindow(page, name, '策划生成');
  await page.goto(`/projects/${id}`);
  const field = page.locator('.ant-descriptions-item').filter({ hasText: '首接负责人' });
  await expect(field).toContainText('综合窗口');
  await expect(field).toContainText('全国（默认）（国家级）');
  await expect(field.getByRole('link', { name: 'window@demo.local' })).toBeVisible();
  await field.getByRole('button', { name: '移交' }).click();
  const dialog = page.getByRole('dialog', { name: '移交首接负责' });
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog.getByText('请选择接收的窗口')).toBeVisible();
  await expect(dialog.getByText('请填写移交原因')).toBeVisible();
  // Only windows of another level or region are offered, each with its region.
  await dialog.getByLabel('移交给窗口').click();
  const offered = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(offered.filter({ hasText: province })).toHaveText(`${province} · 江苏省（省级）`);
  await expect(offered.filter({ hasText: sameRegion })).toHaveCount(0);
  await screenshot(page, 'contact-hand-over-zh-CN');
  await pick(page, dialog.getByLabel('移交给窗口'), `${province} · 江苏省（省级）`);
  await dialog.getByLabel('移交原因').fill('环评为省级审批权限，移交省政务服务中心');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(field).toContainText(province);
  // No longer the contact: the button is gone; the timeline holds the hand-over.
  await expect(field.getByRole('button', { name: '移交' })).toHaveCount(0);
  await page.getByRole('tab', { name: '办理记录' }).click();
  const handOver = page.locator('.ant-timeline-item').filter({ hasText: '首接负责移交' });
  await expect(handOver).toContainText(`移交给 ${province}`);
  await expect(handOver).toContainText('环评为省级审批权限');
  await expect(handOver).toContainText('综合窗口');
  await signOut(page);

  // The applicant, in English, sees the new contact and how to reach them.
  await signIn(page, 'applicant', 'en');
  await page.goto(`/projects/${id}`);
  const contact = page.locator('.ant-descriptions-item').filter({ hasText: 'Responsible contact' });
  await expect(contact).toContainText(province);
  await expect(contact).toContainText('江苏省 (Province)');
  await expect(contact.getByRole('link', { name: `window.js.${stamp}@js.example` })).toBeVisible();
  await expect(contact.getByRole('button', { name: 'Hand over' })).toHaveCount(0);
  await expectAccessible(page, 'the project page with its contact, in English');
  await screenshot(page, 'contact-en');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(contact).toContainText('江苏省 (Province)');
  await screenshot(page, 'contact-en-390');
});
