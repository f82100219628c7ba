/**
 * The receipt (受理单) as the applicant gets it: the applicant creates a project and submits its
 * first stage, the window accepts it from its queue, and the applicant opens the project's
 * documents, reads the receipt (its due dates are the report's) and downloads it as a PDF; an
 * officer approves an item and its result notice can be downloaded too.
 */
import { type Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { EXAMPLE_ANSWERS } from '../../libs/domain/src';
import { pdfText } from '../pdf-text';
import { apiToken, itemsOf, reportOf } from './api';
import { ApiClient, handInStage } from '../../libs/client/src';
import {
  acceptAtWindow,
  answerQuestionnaire,
  expectAccessible,
  screenshot,
  signIn,
  signOut,
} from './helpers';

test.setTimeout(6 * 60_000);

/** Saves the download the click starts; its file name and bytes. */
async function download(page: Page, click: () => Promise<void>) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), pdf: readFileSync(path) };
}

test('the window accepts a stage; the applicant reads its receipt and downloads the PDF', async ({
  page,
  request,
  baseURL,
}) => {
  const name = `受理单简易仓库 ${Date.now().toString(36)}`;
  const token = await apiToken(request, 'applicant');

  await signIn(page, 'applicant');
  await page.getByRole('button', { name: '新建项目' }).click();
  await page.getByLabel('项目名称', { exact: true }).fill(name);
  await answerQuestionnaire(page, EXAMPLE_ANSWERS.lowRiskWarehouse);
  await page.getByRole('button', { name: '生成事项清单' }).click();
  await page.getByRole('button', { name: '确认并创建项目' }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  const id = page.url().split('/projects/')[1];

  // Before acceptance there is nothing to download.
  await page.getByRole('tab', { name: '受理单与办结通知' }).click();
  await expect(page.getByText('暂无文书：窗口受理阶段后出具受理单。')).toBeVisible();

  // The stage's files through the API (materials.pw.ts clicks the uploads).
  await handInStage(new ApiClient(baseURL!), token, id, 'PLAN', { keyPrefix: 'documents' });
  await page.reload();
  await page.getByRole('button', { name: '提交策划生成阶段材料' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await signOut(page);
  await signIn(page, 'window');
  await acceptAtWindow(page, name, '策划生成');

  // The applicant: the receipt, with the report's due dates.
  await signOut(page);
  await signIn(page, 'applicant');
  await page.goto(`/projects/${id}`);
  await page.getByRole('tab', { name: '受理单与办结通知' }).click();
  await page.getByRole('button', { name: '查看: 策划生成阶段受理单' }).click();
  const dialog = page.getByRole('dialog', { name: '策划生成阶段受理单' });
  await expect(dialog.getByText(/^SL-\d{4}-\d{6}$/)).toBeVisible();
  const number = (await dialog.getByText(/^SL-\d{4}-\d{6}$/).textContent())!;
  const report = await reportOf(request, token, id);
  const plan = itemsOf(report, 'PLAN');
  expect(plan.length).toBeGreaterThan(0);
  for (const item of plan) {
    const line = dialog.getByRole('row').filter({ hasText: item.name });
    await expect(line).toContainText(String(item.clock.limitDays));
    await expect(line).toContainText(item.clock.dueDate ?? '前置事项办结后起算');
  }
  await screenshot(page, 'documents-receipt-zh-CN');
  await expectAccessible(page, 'the receipt');

  const receipt = await download(page, () =>
    dialog.getByRole('button', { name: '下载 PDF: 策划生成阶段受理单' }).click(),
  );
  expect(receipt.name).toBe(`${number}.pdf`);
  expect(receipt.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(receipt.pdf);
  expect(text).toContain(number);
  expect(text).toContain(name);
  for (const item of plan) expect(text).toContain(item.name.slice(0, 8));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // An officer approves an item from the queue; its result notice appears for the applicant.
  const item = plan.find((i) => i.status === 'UNDER_REVIEW')!;
  await signOut(page);
  await signIn(page, `officer.${item.department}`);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '待办事项' })
    .click();
  await page
    .getByRole('row')
    .filter({ hasText: name })
    .filter({ hasText: item.name })
    .getByRole('link', { name: item.name })
    .click();
  await page.getByRole('radio', { name: '准予许可（办结）' }).check();
  await page.getByRole('button', { name: '提交决定' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByText('事项当前为“已办结”')).toBeVisible();

  await signOut(page);
  await signIn(page, 'applicant', 'en');
  await page.goto(`/projects/${id}`);
  await page.getByRole('tab', { name: 'Receipts and results' }).click();
  const resultTitle = `Result: ${item.nameEn}`;
  await page.getByRole('button', { name: `View: ${resultTitle}` }).click();
  const resultDialog = page.getByRole('dialog', { name: resultTitle });
  await expect(resultDialog.getByText(/^BJ-\d{4}-\d{6}$/)).toBeVisible();
  await expect(resultDialog.getByText('Approved', { exact: true })).toBeVisible();
  await screenshot(page, 'documents-result-en');
  const result = await download(page, () =>
    resultDialog.getByRole('button', { name: `Download PDF: ${resultTitle}` }).click(),
  );
  expect(result.name).toMatch(/^BJ-\d{4}-\d{6}\.pdf$/);
  expect(pdfText(result.pdf)).toContain(item.name.slice(0, 8));
});
