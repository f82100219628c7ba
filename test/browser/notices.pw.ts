/**
 * Notices: an officer asks for a supplement; the applicant's bell counts it, the inbox shows it,
 * the applicant marks it read; the embedded default's mail catcher got the mail. Mail settings
 * are a page of their own.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../../playwright.config';
import { itemNames } from '../../libs/domain/src';
import { apiGet, apiToken, itemsOf, reportOf } from './api';
import { expectAccessible, screenshot, setLanguage, signIn } from './helpers';

const mailDir = join(dataDir, 'mail');
const mailsTo = (address: string) =>
  existsSync(mailDir)
    ? readdirSync(mailDir).filter((f) =>
        readFileSync(join(mailDir, f), 'utf8').includes(`To: ${address}`),
      ).length
    : 0;

async function asOfficer(browser: Browser, username: string, act: (page: Page) => Promise<void>) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  try {
    await signIn(page, username);
    await act(page);
  } finally {
    await ctx.close();
  }
}

test('a supplement notice arrives in the applicant’s inbox and mailbox; the applicant marks it read', async ({
  page,
  browser,
  request,
}) => {
  test.slow(); // two people, a workflow decision and a mail on a shared 2-core machine
  const applicant = await apiToken(request, 'applicant');
  const { items: projects } = await apiGet<{ items: { id: string; name: string }[] }>(
    request,
    applicant,
    '/api/projects?pageSize=50',
  );
  let target:
    { project: string; taskId: string; item: string; code: string; dept: string } | undefined;
  for (const p of projects) {
    const open = itemsOf(await reportOf(request, applicant, p.id)).find(
      (i) => i.status === 'UNDER_REVIEW',
    );
    if (open) {
      target = {
        project: p.name,
        taskId: open.taskId,
        item: open.name,
        code: open.code,
        dept: open.department,
      };
      break;
    }
  }
  expect(target, 'the demo seed leaves the applicant an item under review').toBeDefined();
  const { project, taskId, item, code, dept } = target!;
  const comment = `请补充图纸 ${Date.now().toString(36)}`;

  const unread = async () =>
    (await apiGet<{ unread: number }>(request, applicant, '/api/notices?unread=true')).unread;
  const before = await unread();
  await signIn(page, 'applicant');
  await expect(page.getByRole('button', { name: `通知（${before} 条未读）` })).toBeVisible();
  const mailsBefore = mailsTo('applicant@demo.local');

  await asOfficer(browser, `officer.${dept}`, async (officer) => {
    await officer.goto(`/tasks/${encodeURIComponent(taskId)}`);
    await expect(officer.getByRole('heading', { level: 2, name: item })).toBeVisible();
    await officer.getByRole('radio', { name: '要求补正（停止计时）' }).check();
    await officer.getByLabel('意见', { exact: true }).fill(comment);
    await officer.getByRole('button', { name: '提交决定' }).click();
    await officer.getByRole('dialog').getByRole('button', { name: '提交决定' }).click();
    await expect(officer.getByText('事项当前为“待补正”')).toBeVisible();
  });

  // The bell counts it (on the next look), the inbox lists it, unread.
  await page.reload();
  await expect(page.getByRole('button', { name: `通知（${before + 1} 条未读）` })).toBeVisible();
  await page.getByRole('button', { name: `通知（${before + 1} 条未读）` }).click();
  await expect(page.getByRole('heading', { level: 2, name: '通知' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: comment });
  await expect(row).toContainText(project);
  await expect(row).toContainText('计时暂停');
  // The wording in the reader's language: Chinese here, English after the switch.
  await expect(row).toContainText(`停止计时：补正：${comment}`);
  await expect(row.getByRole('link', { name: project })).toHaveAttribute('href', /\/projects\//);
  await screenshot(page, 'notices-inbox');
  await expectAccessible(page, 'the inbox');
  await setLanguage(page, 'en');
  await expect(row).toContainText(`Supplement (补正): ${comment}`);
  // The item by its English name in English, as the catalogue names it.
  await expect(row).toContainText(`The clock of ${itemNames(code).en} stopped`);
  await expect(row).toContainText('Clock stopped');
  await screenshot(page, 'notices-inbox-en');
  await setLanguage(page, 'zh-CN');

  await row.getByRole('button', { name: `将“${project}”的通知标为已读` }).click();
  await expect(row).toContainText('已读');
  expect(await unread()).toBe(before);
  await expect(page.getByRole('button', { name: `通知（${before} 条未读）` })).toBeVisible();

  // Only the unread: it is gone from there.
  await page.getByText('未读（', { exact: false }).click();
  await expect(page.getByRole('row').filter({ hasText: comment })).toHaveCount(0);

  // The embedded default caught the mail (a file per mail in <DATA_DIR>/mail).
  await expect
    .poll(() => mailsTo('applicant@demo.local'), { timeout: 30_000 })
    .toBe(mailsBefore + 1);
});

test('mail settings: the address and mail on or off are kept; English too', async ({ page }) => {
  await signIn(page, 'applicant2', 'en');
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Mail settings' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Mail settings' })).toBeVisible();
  const email = page.getByLabel('E-mail address');
  await expect(email).toHaveValue('applicant2@demo.local');
  await email.fill('org-b@example.test');
  await page.getByRole('switch', { name: 'Receive notices by mail' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await screenshot(page, 'mail-settings');
  await page.reload();
  await expect(page.getByLabel('E-mail address')).toHaveValue('org-b@example.test');
  await expect(page.getByRole('switch', { name: 'Receive notices by mail' })).not.toBeChecked();
  await expectAccessible(page, 'mail settings');
});
