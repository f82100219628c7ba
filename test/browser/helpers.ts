/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import { type Locator, type Page, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { questionnaire } from '../../libs/domain/src';

export type Lang = 'zh-CN' | 'en';

/** Signs in on the sign-in page as a person does (demo password), in the given language. */
export async function signIn(page: Page, username: string, lang: Lang = 'zh-CN'): Promise<void> {
  await page.goto('/login');
  await setLanguage(page, lang);
  const en = lang === 'en';
  await page.getByLabel(en ? 'Username' : '用户名').fill(username);
  await page.getByLabel(en ? 'Password' : '密码').fill('demo');
  await page.getByRole('button', { name: en ? 'Sign in' : '登录', exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.removeItem('pa.session'));
}

/** The 中文 / English switch (remembered in the browser). */
export async function setLanguage(page: Page, lang: Lang): Promise<void> {
  await page
    .getByText(lang === 'en' ? 'English' : '中文', { exact: true })
    .first()
    .click();
}

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Colours as they rest: no hover left over from the last click, no transition half way (a
  // button's hover colour measured mid-fade failed contrast now and then under load).
  await page.mouse.move(0, 0);
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity) // not a spinner
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    ),
    `accessibility of ${what}`,
  ).toEqual([]);
}

/** The page fits its viewport's width: nothing to scroll sideways. */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${what}: page width ${scroll} px in a ${client} px viewport`).toBeLessThanOrEqual(
    client,
  );
}

export const SHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots');

/** The page has its data: no request in flight and nothing marked busy (loading overlays). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.waitForTimeout(400); // the overlays fade out
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await settle(page);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * Picks `option` in the Ant Design select whose combobox is `select`, and waits until the select
 * shows it and its list is closed. A click while the list or a dialog is still animating can miss
 * or leave the list open over the dialog's buttons, so the pick is retried until it holds.
 */
export async function pick(page: Page, select: Locator, option: string): Promise<void> {
  const shown = select
    .locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]')
    .getByTitle(option, { exact: true });
  const openList = page.locator('.ant-select-dropdown:visible');
  const choice = openList.locator(`.ant-select-item-option[title=${JSON.stringify(option)}]`);
  await expect(async () => {
    if ((await openList.count()) === 0) await select.click({ timeout: 5_000 });
    await choice.first().click({ timeout: 5_000 });
    await expect(shown).toBeVisible({ timeout: 2_000 });
    await expect(openList).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

/** Ticks the questionnaire's answers on the new-project page, by each question's label. */
export async function answerQuestionnaire(
  page: Page,
  answers: Record<string, string | readonly string[]>,
): Promise<void> {
  for (const q of questionnaire.questions) {
    const value = answers[q.id];
    const chosen: readonly string[] = typeof value === 'string' ? [value] : value;
    const group = page.getByRole(q.kind === 'single' ? 'radiogroup' : 'group', {
      name: q.text,
      exact: true,
    });
    for (const o of q.options)
      if (chosen.includes(o.id)) await group.getByLabel(o.text, { exact: true }).check();
  }
}

/** The window opens a submitted stage from its queue: the check of its materials. */
export async function openAtWindow(page: Page, project: string, stage: string): Promise<void> {
  await page
    .getByRole('row')
    .filter({ hasText: project })
    .filter({ hasText: stage })
    .getByRole('button', { name: '审查材料' })
    .click();
  await expect(
    page.getByRole('heading', { level: 2, name: `受理审查：${project} · ${stage}` }),
  ).toBeVisible();
}

/** The window opens a submitted stage, finds its materials complete and accepts it. */
export async function acceptAtWindow(page: Page, project: string, stage: string): Promise<void> {
  await openAtWindow(page, project, stage);
  await page.getByRole('button', { name: '受理', exact: true }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '受理队列' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: project })).toHaveCount(0);
}
