/**
 * The statistics dashboard: the supervisor sees the figures the API counts (the demo seed has
 * decided items), filters by department, downloads the table as CSV; a department head sees its
 * own department only; English; a phone.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { apiGet, apiToken } from './api';
import { expectAccessible, expectNoSidewaysScroll, screenshot, signIn } from './helpers';

interface Stats {
  from: string;
  to: string;
  items: { decided: number; onTime: number; onTimeRate: number | null };
  byDepartment: {
    department: string;
    decided: number;
    onTime: number;
    onTimeRate: number | null;
    averageDays: number | null;
    overdueNow: number;
  }[];
}
interface Departments {
  items: { code: string; name: string; nameEn: string }[];
}
const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

test('the supervisor’s dashboard shows the figures by department and downloads them as CSV', async ({
  page,
  request,
}) => {
  const token = await apiToken(request, 'supervisor');
  const stats = await apiGet<Stats>(request, token, '/api/statistics');
  const names = await apiGet<Departments>(request, token, '/api/departments');
  const name = (code: string) => names.items.find((d) => d.code === code)!.name;
  const busy = stats.byDepartment.find((d) => d.decided > 0);
  expect(busy, 'the demo seed has decided items').toBeDefined();

  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'supervisor');
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '统计分析' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: '统计分析' })).toBeVisible();
  await expect(page.getByText(`统计 ${stats.from} 至 ${stats.to} 办结的事项`)).toBeVisible();

  // The table: one row per department, the API's numbers.
  const row = page.getByRole('row', { name: new RegExp(name(busy!.department)) });
  await expect(row.getByRole('cell')).toHaveText([
    name(busy!.department),
    String(busy!.decided),
    String(busy!.onTime),
    percent(busy!.onTimeRate),
    busy!.averageDays === null ? '—' : String(busy!.averageDays),
    String(busy!.overdueNow),
  ]);
  // The bar chart says the same to a screen reader.
  await expect(
    page.getByRole('img', {
      name: new RegExp(
        `${name(busy!.department)} ${percent(busy!.onTimeRate).replace('.', '\\.')}`,
      ),
    }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /各阶段平均用时柱状图/ })).toBeVisible();
  await screenshot(page, 'statistics-supervisor-zh-CN-1280');
  await expectAccessible(page, 'the statistics page');

  // The CSV of the table, for Excel: a BOM, the header, Chinese names.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`statistics-${stats.from}-${stats.to}.csv`);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('部门代码,部门,办结数,按时办结数,按时办结率,平均用时（工作日）,当前超期');
  expect(lines).toHaveLength(stats.byDepartment.length + 1);
  expect(lines.find((l) => l.startsWith(`${busy!.department},`))).toBe(
    [
      busy!.department,
      name(busy!.department),
      busy!.decided,
      busy!.onTime,
      busy!.onTimeRate ?? '',
      busy!.averageDays ?? '',
      busy!.overdueNow,
    ].join(','),
  );

  // One department: the table holds its row alone, and the URL keeps the filter.
  await page.getByLabel('部门', { exact: true }).fill(name(busy!.department));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`department=${busy!.department}`));
  await expect(page.getByRole('row')).toHaveCount(2); // the header and the department
  await expect(row).toBeVisible();
});

test('a department head sees its own department’s statistics', async ({ page, request }) => {
  const token = await apiToken(request, 'head.NRP');
  const stats = await apiGet<Stats>(request, token, '/api/statistics');
  expect(stats.byDepartment.map((d) => d.department)).toEqual(['NRP']);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'head.NRP');
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '统计分析' })
    .click();
  await expect(
    page.getByRole('heading', { level: 2, name: '自然资源和规划部门 统计' }),
  ).toBeVisible();
  await expect(page.getByLabel('部门', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(
    page
      .getByRole('row', { name: /自然资源和规划部门/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText(String(stats.byDepartment[0].decided));
});

test('the statistics in English, and on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, 'supervisor', 'en');
  await page.goto('/statistics');
  await expect(page.getByRole('heading', { level: 2, name: 'Statistics' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeVisible();
  await expect(page.getByRole('img', { name: /on-time rate by department/i })).toBeVisible();
  await screenshot(page, 'statistics-supervisor-en-1280');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/statistics');
  await expect(page.getByRole('heading', { level: 2, name: 'Statistics' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'statistics-supervisor-en-390');
  await expectNoSidewaysScroll(page, 'the statistics page on a phone');
});
