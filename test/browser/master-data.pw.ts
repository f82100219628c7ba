/**
 * A project's identity and master data in the browser: the applicant gives the investment
 * project code, a construction unit with its credit code, investment, areas, location, nature and
 * funding on the new-project page (a wrong check character comes back next to its field), sees
 * them on the project page, finds the project by its code in the list, and edits the location
 * before the plan stage is accepted; in English too.
 */
import { expect, test } from '@playwright/test';
import { EXAMPLE_ANSWERS } from '../../libs/domain/src';
import { apiToken, reportOf } from './api';
import {
  answerQuestionnaire,
  expectAccessible,
  pick,
  screenshot,
  setLanguage,
  signIn,
} from './helpers';

test.setTimeout(4 * 60_000);

test('the applicant gives, sees, finds and edits a project’s master data', async ({
  page,
  request,
}) => {
  const tag = Date.now().toString(36);
  const name = `基本信息测试楼 ${tag}`;
  const code = `2026-440300-47-01-${String(Date.now() % 1e6).padStart(6, '0')}`;

  await signIn(page, 'applicant');
  await page.getByRole('button', { name: '新建项目' }).click();
  await page.getByLabel('项目名称', { exact: true }).fill(name);
  await answerQuestionnaire(page, EXAMPLE_ANSWERS.office);
  const section = page.getByRole('region', { name: '项目基本信息' });
  await section.getByLabel('项目代码', { exact: true }).fill(code);
  await section.getByLabel('建设单位名称', { exact: true }).fill('甲建设公司');
  // The 18th character is wrong: the API's check catches it.
  await section.getByLabel('统一社会信用代码', { exact: true }).fill('91110108MA01A2B3CG');
  await section.getByLabel('总投资（万元）').fill('42000');
  await section.getByLabel('用地面积（m²）').fill('15000');
  await section.getByLabel('建筑面积（m²）').fill('68000');
  await section.getByLabel('建设地点').fill('深圳市南山区科技园');
  await pick(page, section.getByLabel('建设性质'), '新建');
  await pick(page, section.getByLabel('投资来源'), '民间投资');
  await expectAccessible(page, 'the new-project page with its master data');
  await page.getByRole('button', { name: '生成事项清单' }).click();
  await page.getByRole('button', { name: '确认并创建项目' }).click();
  // Back on the form, the refusal next to the field it names.
  const credit = section.getByLabel('统一社会信用代码', { exact: true });
  await expect(credit).toBeVisible();
  await expect(section.getByText(/建设单位统一社会信用代码.*校验码/)).toBeVisible();
  await credit.fill('91110108MA01A2B3CF');
  await page.getByRole('button', { name: '生成事项清单' }).click();
  await page.getByRole('button', { name: '确认并创建项目' }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  const id = page.url().split('/projects/')[1];
  await expect(page.getByText(code).first()).toBeVisible();

  await page.getByRole('tab', { name: '项目基本信息' }).click();
  const panel = page.getByRole('tabpanel', { name: '项目基本信息' });
  await expect(panel.getByText('甲建设公司（91110108MA01A2B3CF）')).toBeVisible();
  await expect(panel.getByText('42,000 万元')).toBeVisible();
  await expect(panel.getByText('民间投资')).toBeVisible();
  await panel.getByRole('button', { name: '修改项目基本信息' }).click();
  const dialog = page.getByRole('dialog', { name: '修改项目基本信息' });
  await dialog.getByLabel('建设地点').fill('深圳市南山区科技园南区 6 号');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText('深圳市南山区科技园南区 6 号')).toBeVisible();
  const report = await reportOf(request, await apiToken(request, 'applicant'), id);
  expect(report).toMatchObject({
    projectCode: code,
    address: '深圳市南山区科技园南区 6 号',
    floorArea: 68000,
    constructionNature: 'NEW',
  });
  await screenshot(page, 'master-data-zh-CN');

  // The list's search box finds it by part of its code.
  await page.goto('/projects');
  await page.getByLabel('按项目名称或项目代码搜索').fill(code.slice(-6));
  await page.getByLabel('按项目名称或项目代码搜索').press('Enter');
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText(code);

  await setLanguage(page, 'en');
  await page.goto(`/projects/${id}`);
  await page.getByRole('tab', { name: 'Project master data' }).click();
  const en = page.getByRole('tabpanel', { name: 'Project master data' });
  await expect(en.getByText('Private')).toBeVisible();
  await expect(en.getByRole('button', { name: 'Edit master data' })).toBeVisible();
  await expectAccessible(page, 'the master data tab in English');
  await setLanguage(page, 'zh-CN');
});
