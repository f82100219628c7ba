/**
 * Every role's main page, in Chinese and English, at desktop and phone width: it shows what the
 * role works on, has no serious accessibility violation, and (applicants' and agents' pages) fits
 * a phone without sideways scrolling. Screenshots go to test-results/screenshots.
 */
import { expect, test } from '@playwright/test';
import { apiToken, itemsOf, reportOf } from './api';
import { type Lang, expectAccessible, expectNoSidewaysScroll, screenshot, signIn } from './helpers';

const ROLES: { user: string; heading: Record<Lang, string>; phone: boolean }[] = [
  { user: 'applicant', heading: { 'zh-CN': '我的项目', en: 'My projects' }, phone: true },
  {
    user: 'agent',
    heading: { 'zh-CN': '代办项目（风险高的在前）', en: 'Projects I act for (riskiest first)' },
    phone: true,
  },
  { user: 'window', heading: { 'zh-CN': '受理队列', en: 'Acceptance queue' }, phone: false },
  { user: 'officer.NRP', heading: { 'zh-CN': '待办事项', en: 'My queue' }, phone: false },
  {
    user: 'head.NRP',
    heading: { 'zh-CN': '督办事项（预警与超期）', en: 'Escalations (at risk and overdue)' },
    phone: false,
  },
  { user: 'supervisor', heading: { 'zh-CN': '监察看板', en: 'Boards' }, phone: false },
  { user: 'admin', heading: { 'zh-CN': '工作日历', en: 'Working-day calendar' }, phone: false },
  { user: 'centre', heading: { 'zh-CN': '项目', en: 'Projects' }, phone: false },
];

for (const lang of ['zh-CN', 'en'] as const) {
  for (const width of [1280, 390]) {
    for (const role of ROLES) {
      test(`${role.user}'s main page, ${lang}, ${width} px`, async ({ page }) => {
        await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
        await signIn(page, role.user, lang);
        await expect(
          page.getByRole('heading', { level: 2, name: role.heading[lang] }),
        ).toBeVisible();
        await page.waitForLoadState('networkidle');
        await screenshot(page, `${role.user}-${lang}-${width}`);
        await expectAccessible(page, `${role.user}'s page`);
        if (role.phone && width < 800) await expectNoSidewaysScroll(page, `${role.user}'s page`);
      });
    }
  }
}

test('the applicant sees the demo projects with their gauges and opens one on a phone', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, 'applicant');
  const school = page.getByRole('link', { name: '城东第一实验小学新建工程' });
  await expect(school).toBeVisible();
  await expect(
    page.getByRole('progressbar', { name: /已用 \d+ 个工作日，时限 80 个工作日/ }).first(),
  ).toBeVisible();
  await school.click();
  await expect(
    page.getByRole('heading', { level: 2, name: '城东第一实验小学新建工程' }),
  ).toBeVisible();
  const gantt = page.getByRole('img', { name: /甘特图/ });
  await expect(gantt).toBeVisible();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'applicant-project-375');
  // Each started item's name stands whole on the phone's Gantt (wrapped, never cut short).
  const id = new URL(page.url()).pathname.split('/').pop()!;
  const started = itemsOf(await reportOf(request, await apiToken(request, 'applicant'), id))
    .filter((i) => i.startedOn)
    .map((i) => i.name);
  expect(started.length).toBeGreaterThan(0);
  const labels = await gantt
    .locator('svg text')
    .evaluateAll((ts) => ts.map((t) => t.textContent ?? ''));
  expect(labels.filter((l) => /\.\.\.|…$/.test(l))).toEqual([]);
  const drawn = labels.join('').replace(/\s/g, '');
  for (const name of started) expect(drawn).toContain(name.replace(/\s/g, ''));
  await expectNoSidewaysScroll(page, 'the project page');
  await expectAccessible(page, 'the project page');
});

test('the new-project questionnaire fits a phone and is accessible', async ({ page }) => {
  await page.setViewportSize({ width: 414, height: 896 });
  await signIn(page, 'applicant');
  await page.getByRole('button', { name: '新建项目' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '新建项目' })).toBeVisible();
  await expect(page.getByRole('radiogroup').first()).toBeVisible();
  await expectNoSidewaysScroll(page, 'the questionnaire');
  await expectAccessible(page, 'the questionnaire');
});

test('the language choice is remembered', async ({ page }) => {
  await signIn(page, 'supervisor', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Boards' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Boards' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the sign-in page lists the demo accounts; a click fills the form and signs in', async ({
  page,
}) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 2, name: '演示账户' })).toBeVisible();
  // Each officer's account names its department beside the username.
  await page.getByRole('button', { name: 'officer.NRP 自然资源和规划部门', exact: true }).click();
  await expect(page.getByLabel('用户名', { exact: true })).toHaveValue('officer.NRP');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '待办事项' })).toBeVisible();
  await screenshot(page, 'sign-in-then-queue');
});
