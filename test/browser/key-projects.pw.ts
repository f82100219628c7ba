/**
 * Key projects (重点项目) through the pages: the service centre flags a running project of the
 * demo applicant and assigns the specialist; the applicant consents; the specialist edits the
 * plan and everyone reads it; the badge shows in the centre's list. In Chinese and in English.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiGet, apiToken } from './api';
import { expectAccessible, pick, screenshot, signIn, signOut, type Lang } from './helpers';

const WORDS = {
  'zh-CN': {
    flag: '标为重点项目',
    reason: '理由',
    confirm: '确定',
    badge: '重点项目',
    assign: '指派代办专员',
    specialist: '代办专员',
    proposed: '待申请人同意',
    accept: '同意',
    active: '已同意，代办中',
    editPlan: '编辑方案',
    add: '添加目标',
    target: '目标 1',
    date: '目标日期 1',
    stageTarget: '阶段办结：竣工验收',
    open: '进行中',
    plan: '代办方案',
    agentService: '帮办代办服务',
    served: '有代办服务',
    bySpecialist: /其中代办专员服务的项目：[1-9]\d* 个/,
  },
  en: {
    flag: 'Flag as key project',
    reason: 'Reason',
    confirm: 'Confirm',
    badge: 'Key project',
    assign: 'Assign a specialist',
    specialist: 'Specialist',
    proposed: 'Waiting for the applicant',
    accept: 'Accept',
    active: 'Accepted, acting',
    editPlan: 'Edit the plan',
    add: 'Add a target',
    target: 'Target 1',
    date: 'Target date 1',
    stageTarget: 'Stage completed: Completion',
    open: 'Open',
    plan: 'Specialist’s plan',
    agentService: 'Agent service',
    served: 'Served',
    bySpecialist: /Of them served by a specialist: [1-9]\d*/,
  },
};

/** A running project of the demo applicant that is not key and has no specialist yet. */
async function freeProject(request: APIRequestContext, skip: string[]) {
  const token = await apiToken(request, 'applicant');
  const { items } = await apiGet<{
    items: { id: string; name: string; status: string; key: unknown }[];
  }>(request, token, '/api/projects?status=IN_PROGRESS&pageSize=100');
  for (const p of items) {
    if (p.key || skip.includes(p.id)) continue;
    const r = await apiGet<{ specialist: unknown }>(request, token, `/api/projects/${p.id}`);
    if (!r.specialist) return p;
  }
  throw new Error('the demo seed leaves no running project of org-a without a specialist');
}

const used: string[] = [];

async function open(page: Page, id: string, user: string, lang: Lang) {
  if (page.url().startsWith('http')) await signOut(page);
  await signIn(page, user, lang);
  await page.goto(`/projects/${id}`);
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`the centre flags a project and assigns the specialist; the applicant consents; the specialist keeps the plan (${lang})`, async ({
    page,
    request,
  }) => {
    const w = WORDS[lang];
    const project = await freeProject(request, used);
    used.push(project.id);
    const reason = lang === 'en' ? 'Provincial key project' : '市级重点工程';

    // The service centre: flag with a reason, then the specialist from the agent team.
    await open(page, project.id, 'centre', lang);
    await expect(page.getByRole('heading', { level: 2, name: project.name })).toBeVisible();
    await page.getByRole('button', { name: w.flag }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(w.reason, { exact: true }).fill(reason);
    await dialog.getByRole('button', { name: w.confirm }).click();
    await expect(dialog).toBeHidden();
    const heading = page.getByRole('heading', { level: 2, name: project.name });
    await expect(heading.getByText(w.badge, { exact: true })).toBeVisible();
    await expect(page.getByText(reason, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: w.assign }).click();
    dialog = page.getByRole('dialog');
    await pick(page, dialog.getByLabel(w.specialist, { exact: true }), '代办专员');
    await dialog.getByRole('button', { name: w.confirm }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(w.proposed, { exact: true })).toBeVisible();
    await expectAccessible(page, `the centre's project page (${lang})`);
    await screenshot(page, `key-project-centre-${lang}`);

    // The centre's list carries the badge beside the name.
    await page.goto('/projects');
    await expect(
      page.getByRole('row').filter({ hasText: project.name }).getByText(w.badge, { exact: true }),
    ).toBeVisible();

    // The specialist cannot see the project before the applicant agrees.
    const specialistToken = await apiToken(request, 'specialist');
    const early = await request.get(`/api/projects/${project.id}`, {
      headers: { authorization: `Bearer ${specialistToken}` },
    });
    expect(early.status()).toBe(404);

    // The applicant consents.
    await open(page, project.id, 'applicant', lang);
    await page.getByRole('button', { name: w.accept, exact: true }).click();
    await expect(page.getByText(w.active, { exact: true })).toBeVisible();

    // The specialist sets a target; everyone reads it as open.
    await open(page, project.id, 'specialist', lang);
    await expect(page.getByRole('heading', { level: 2, name: project.name })).toBeVisible();
    await page.getByRole('button', { name: w.editPlan }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: w.add }).click();
    await pick(page, dialog.getByLabel(w.target, { exact: true }), w.stageTarget);
    const date = dialog.getByLabel(w.date, { exact: true });
    await date.click();
    await date.fill('2099-12-31');
    await date.press('Enter');
    await dialog.getByRole('button', { name: w.confirm }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 2, name: w.plan })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: w.stageTarget });
    await expect(row).toContainText('2099-12-31');
    await expect(row.getByText(w.open, { exact: true })).toBeVisible();
    await expectAccessible(page, `the specialist's plan (${lang})`);
    await screenshot(page, `key-project-plan-${lang}`);

    await open(page, project.id, 'applicant', lang);
    await expect(
      page.getByRole('row').filter({ hasText: w.stageTarget }).getByText(w.open, { exact: true }),
    ).toBeVisible();

    // The centre's statistics count the project among those served, by a specialist.
    await open(page, project.id, 'centre', lang);
    await page.goto('/statistics');
    await expect(page.getByRole('heading', { level: 3, name: w.agentService })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 4, name: w.served, exact: true }),
    ).toBeVisible();
    await expect(page.getByText(w.bySpecialist)).toBeVisible();
  });
}

test('an administrator puts a new agent on the agent team', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('link', { name: '用户管理' }).click();
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
  await page.getByLabel('用户名', { exact: true }).fill('pw-team');
  await page.getByLabel('姓名', { exact: true }).fill('浏览器 代办专员');
  await pick(page, page.getByLabel('角色', { exact: true }), '代办员');
  await page.getByLabel('帮办代办队伍（代办专员）').check();
  await page.getByRole('button', { name: /^(loading )?新增$/ }).click();
  await expect(page.getByRole('status')).toContainText('已创建用户 pw-team');
  await page.getByLabel('搜索用户名或姓名').fill('pw-team');
  await page.getByLabel('搜索用户名或姓名').press('Enter');
  await expect(page.getByRole('row', { name: /pw-team/ })).toContainText(
    '帮办代办队伍（代办专员）',
  );
  await expectAccessible(page, 'the users page with an agent on the team');
});
