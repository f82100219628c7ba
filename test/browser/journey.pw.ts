/**
 * The government-invested journey clicked through, as the people do it: the applicant answers the
 * questionnaire and creates the project (a double click makes one), delegates to the agent; the
 * agent submits each stage; the window accepts it; an officer requests a supplement and the
 * applicant answers it; the officers of each department approve their items from their queues;
 * the project page's gauge and Gantt chart follow, to completion.
 */
import { type Page, expect, test } from '@playwright/test';
import { EXAMPLE_ANSWERS } from '../../libs/domain/src';
import { ApiClient, handInStage } from '../../libs/client/src';
import { apiGet, apiToken, itemsOf, reportOf } from './api';
import {
  acceptAtWindow,
  answerQuestionnaire,
  screenshot,
  settle,
  signIn,
  signOut,
} from './helpers';

test.setTimeout(15 * 60_000);

const STAGES = [
  { code: 'PLAN', zh: '策划生成', supplement: true },
  { code: 'START_PERMIT', zh: '开工许可', supplement: false },
  { code: 'COMPLETION', zh: '竣工验收', supplement: false },
] as const;

/** The officer opens the item from the department's queue and records the decision. */
async function decideFromQueue(
  page: Page,
  projectName: string,
  itemName: string,
  decision: string,
  comment: string,
) {
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: '待办事项' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: '待办事项' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: projectName }).filter({ hasText: itemName });
  await row.getByRole('link', { name: itemName }).click();
  await expect(page.getByRole('heading', { level: 2, name: itemName })).toBeVisible();
  await page.getByRole('radio', { name: decision }).check();
  await page.getByLabel('意见', { exact: true }).fill(comment);
  await page.getByRole('button', { name: '提交决定' }).click();
  // The decision is named back before it is sent.
  const confirm = page.getByRole('dialog').filter({ hasText: '确认处理决定' });
  await expect(confirm).toContainText(`对“${itemName}”作出决定：${decision}`);
  await confirm.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByRole('status').filter({ hasText: itemName }).first()).toBeVisible();
}

test('a government-invested school from the questionnaire to completion, clicked through', async ({
  page,
  request,
  baseURL,
}) => {
  const name = `第九实验小学 ${Date.now().toString(36)}`;
  const applicantToken = await apiToken(request, 'applicant');

  // The applicant: questionnaire → checklist preview → create (double click: one project).
  await signIn(page, 'applicant');
  await page.getByRole('button', { name: '新建项目' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '新建项目' })).toBeVisible();
  await page.getByLabel('项目名称', { exact: true }).fill(name);
  await answerQuestionnaire(page, EXAMPLE_ANSWERS.school);
  await page.getByRole('button', { name: '生成事项清单' }).click();
  await expect(page.getByText('80 个工作日').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /策划生成/ })).toBeVisible();
  await expect(page.getByText('需要办理的原因').first()).toBeVisible();
  // An item opens onto its materials: why each is needed, who provides it, the standard.
  await page.getByRole('button', { name: '展开行' }).first().click();
  await expect(page.getByText('受理标准').first()).toBeVisible();
  await screenshot(page, 'journey-checklist');
  await page.getByRole('button', { name: '确认并创建项目' }).dblclick();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  const id = page.url().split('/projects/')[1];
  const same = await apiGet<{ total: number }>(
    request,
    applicantToken,
    `/api/projects?q=${encodeURIComponent(name)}`,
  );
  expect(same.total, 'a double click on create makes one project').toBe(1);
  await expect(page.getByRole('img', { name: /已用 0 个工作日，时限 80 个工作日/ })).toBeVisible();
  await expect(page.getByText('尚无受理的事项。')).toBeVisible();

  // Delegation to the agent.
  await page.getByRole('tab', { name: '代办委托' }).click();
  await page.getByLabel('代办员用户名').fill('agent');
  await page.getByRole('button', { name: '委托', exact: true }).click();
  // The agent by name, not by login.
  await expect(page.getByRole('cell', { name: '帮办代办员', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '有效' })).toBeVisible();

  let accepted = 0;
  const api = new ApiClient(baseURL!);
  const agentToken = await apiToken(request, 'agent');
  for (const stage of STAGES) {
    // The agent submits the stage (its files handed in through the API: materials.pw.ts clicks
    // the uploads; this journey is about the clocks).
    await handInStage(api, agentToken, id, stage.code, { keyPrefix: `journey-${stage.code}` });
    await signOut(page);
    await signIn(page, 'agent');
    await page.getByRole('link', { name }).click();
    await page.getByRole('button', { name: `提交${stage.zh}阶段材料` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('说明').fill(`${stage.zh}阶段材料齐全`);
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('正在由政府部门办理')).toBeVisible();

    // The window checks the materials and accepts it from its queue.
    await signOut(page);
    await signIn(page, 'window');
    await acceptAtWindow(page, name, stage.zh);

    let r = await reportOf(request, applicantToken, id);
    // Items whose clock has run: the chart draws one bar for each.
    accepted = itemsOf(r).filter((i) => i.startedOn).length;
    expect(itemsOf(r, stage.code).some((i) => i.status === 'UNDER_REVIEW')).toBe(true);

    // The applicant's page: the Gantt chart now draws the accepted items; the gauge still 0 used today.
    await signOut(page);
    await signIn(page, 'applicant');
    await page.goto(`/projects/${id}`);
    await expect(
      page.getByRole('img', { name: new RegExp(`甘特图：${accepted} 个已受理事项`) }),
    ).toBeVisible();
    await expect(
      page.getByRole('img', { name: /已用 0 个工作日，时限 80 个工作日，剩余 80 个/ }),
    ).toBeVisible();

    // Officers work their queues until the stage completes (prerequisites release later items).
    let supplement = stage.supplement;
    for (let round = 0; round < 10; round++) {
      r = await reportOf(request, applicantToken, id);
      if (r.stages.find((s) => s.code === stage.code)!.status === 'COMPLETED') break;
      const open = itemsOf(r, stage.code).filter((i) => i.status === 'UNDER_REVIEW');
      expect(open.length, `stage ${stage.code} has items to decide`).toBeGreaterThan(0);
      for (const dept of [...new Set(open.map((i) => i.department))]) {
        await signOut(page);
        await signIn(page, `officer.${dept}`);
        for (const item of open.filter((i) => i.department === dept)) {
          if (supplement) {
            supplement = false;
            await decideFromQueue(
              page,
              name,
              item.name,
              '要求补正（停止计时）',
              '请补充用地红线图',
            );
            await expect(page.getByText('事项当前为“待补正”')).toBeVisible();
            // The applicant answers on the project page; the clock resumes.
            await signOut(page);
            await signIn(page, 'applicant');
            await page.goto(`/projects/${id}`);
            await page.getByRole('button', { name: `补正：${item.name}` }).click();
            const d = page.getByRole('dialog');
            await d.getByLabel('说明').fill('已补充用地红线图');
            await d.getByRole('button', { name: '确定' }).click();
            await expect(d).toBeHidden();
            await page.getByRole('tab', { name: '办理记录' }).click();
            await expect(page.getByText('补正材料已提交').first()).toBeVisible();
            await expect(page.getByText('恢复计时').first()).toBeVisible();
            await screenshot(page, 'journey-after-supplement');
            await signOut(page);
            await signIn(page, `officer.${dept}`);
          }
          await decideFromQueue(page, name, item.name, '准予许可（办结）', '同意');
          await expect(page.getByText('事项当前为“已办结”')).toBeVisible();
        }
      }
    }
    r = await reportOf(request, applicantToken, id);
    expect(r.stages.find((s) => s.code === stage.code)!.status).toBe('COMPLETED');
  }

  // Completed: the applicant sees it so, with every item on the chart.
  await signOut(page);
  await signIn(page, 'applicant');
  await page.goto(`/projects/${id}`);
  await expect(page.getByText('项目已全部办结。')).toBeVisible();
  const final0 = await reportOf(request, applicantToken, id);
  accepted = itemsOf(final0).filter((i) => i.startedOn).length;
  expect(accepted).toBe(itemsOf(final0).length);
  await expect(
    page.getByRole('img', { name: new RegExp(`甘特图：${accepted} 个已受理事项`) }),
  ).toBeVisible();
  await settle(page);
  await screenshot(page, 'journey-completed');
  const final = await reportOf(request, applicantToken, id);
  expect(final.status).toBe('COMPLETED');
});
