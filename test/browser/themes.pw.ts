/**
 * 一次受理 per theme (issue 27) as the applicant and the window do it: on a catalogue whose policy
 * accepts per theme, the applicant hands in the one theme whose materials are complete from the
 * project page; the window sees that theme alone to decide, with the theme still to come named,
 * and accepts it; the project page shows each theme's standing, in both languages. The province,
 * its catalogue, the project and its files are set up through the API (their pages have their
 * own tests: catalogue.pw.ts, pages.pw.ts, materials.pw.ts).
 */
import { type APIRequestContext, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, handInStage } from '../../libs/client/src';
import { EXAMPLE_ANSWERS } from '../../libs/domain/src';
import { apiToken, reportOf } from './api';
import {
  expectAccessible,
  openAtWindow,
  screenshot,
  setLanguage,
  signIn,
  signOut,
} from './helpers';

const PROVINCE = '330000';

/** The Weifang fixture moved to a province of its own, its PLAN split in two themes. */
function perThemeCatalogue() {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const doc: Record<string, any> = JSON.parse(
    readFileSync(join(__dirname, '..', 'fixtures', 'catalogue-weifang.json'), 'utf8'),
  );
  doc.version = `zhejiang-per-theme-${Date.now()}`;
  doc.region = PROVINCE;
  for (const d of doc.departments) Object.assign(d, { region: PROVINCE, level: 'PROVINCE' });
  doc.themes.push({ code: 'WF_ENV', stage: 'PLAN', name: '环境评价主题', nameEn: 'Environment' });
  doc.items.find((i: { code: string }) => i.code === 'WF_EIA').theme = 'WF_ENV';
  for (const p of Object.values<Record<string, unknown>>(doc.policies.byType))
    p.acceptPerTheme = true;
  return doc;
}

async function setUp(request: APIRequestContext, baseURL: string, name: string) {
  const admin = await apiToken(request, 'admin');
  const applicant = await apiToken(request, 'applicant');
  const post = (path: string, token: string, data: object) =>
    request.post(path, {
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': crypto.randomUUID() },
      data,
    });
  const region = await post('/api/admin/regions', admin, {
    code: PROVINCE,
    name: '浙江省',
    parent: 'CN',
  });
  expect([201, 409]).toContain(region.status());
  const draft = await post('/api/catalogue/versions', admin, perThemeCatalogue());
  expect(draft.status(), await draft.text()).toBe(201);
  const { id: version } = (await draft.json()) as { id: string };
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const published = await post(`/api/catalogue/versions/${version}/publish`, admin, {
    effectiveFrom: today,
  });
  expect(published.status(), await published.text()).toBe(200);
  const created = await post('/api/projects', applicant, {
    name,
    answers: EXAMPLE_ANSWERS.school,
    region: PROVINCE,
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  // The filing's files only: the environment item's application is not there yet.
  await handInStage(new ApiClient(baseURL), applicant, id, 'PLAN', {
    keyPrefix: `themes-${id}`,
    items: ['WF_FILING'],
  });
  return { id, applicant };
}

test('the applicant hands in one theme; the window accepts it alone; the other theme waits', async ({
  page,
  request,
  baseURL,
}) => {
  const name = `分主题受理学校 ${Date.now() % 100000}`;
  const { id, applicant } = await setUp(request, baseURL!, name);

  await signIn(page, 'applicant');
  await page.goto(`/projects/${id}`);
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  // Each theme is its own action; the environment theme says what it still lacks.
  const land = page.getByRole('button', { name: '提交“立项用地主题”材料' });
  await expect(page.getByRole('button', { name: '提交“环境评价主题”材料' })).toBeVisible();
  await expect(page.getByText('尚缺 1 份必需材料')).toBeVisible();
  await land.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('本主题必需的材料已齐全。');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已提交“立项用地主题”的申报材料，等待综合窗口受理。')).toBeVisible();
  await signOut(page);

  // The window decides on that theme alone; the one still to come is named.
  await signIn(page, 'window');
  await openAtWindow(page, name, '策划生成');
  await expect(page.getByRole('heading', { level: 3, name: '立项用地主题' })).toBeVisible();
  await expect(page.getByText('尚未提交的主题：环境评价主题')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: '环境评价主题' })).toHaveCount(0);
  await expectAccessible(page, 'the window’s check of one theme');
  await screenshot(page, 'window-theme-zh-CN');
  await page.getByRole('button', { name: '受理', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('受理“立项用地主题”');
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '受理队列' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);

  // Only the filing runs; the environment item waits for its theme.
  const r = await reportOf(request, applicant, id);
  const plan = r.stages.find((s) => s.code === 'PLAN')!;
  expect(plan.themes.map((t) => [t.code, t.acceptance?.status])).toEqual([
    ['WF_PROJECT_START', 'ACCEPTED'],
    ['WF_ENV', 'NOT_STARTED'],
  ]);
  await page.goto(`/projects/${id}`);
  await page.getByRole('tab', { name: '阶段与事项' }).click();
  const stages = page.getByRole('tabpanel');
  await expect(stages.getByText('等待本主题提交并受理')).toBeVisible();
  await expect(stages.getByText('已受理')).toBeVisible();
  await stages.getByText('环境评价主题').scrollIntoViewIfNeeded();
  await screenshot(page, 'project-themes-zh-CN');

  await setLanguage(page, 'en');
  await expect(stages.getByText('Waits for its theme to be handed in and accepted')).toBeVisible();
  await expect(stages.getByText('Environment', { exact: true })).toBeVisible();
  await expect(stages.getByText('Accepted', { exact: true })).toBeVisible();
  await setLanguage(page, 'zh-CN');
});
