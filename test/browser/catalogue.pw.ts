/**
 * A city's catalogue as its administrator loads it: the region tree, a file with a mistake (the
 * error shown beside its item), the corrected file, the difference against the version in force,
 * publishing with its confirmation; then the city's applicant gets the city's own items.
 */
import { type Page, expect, test } from '@playwright/test';
import { EXAMPLE_ANSWERS } from '../../libs/domain/src';
import { weifangCatalogue } from '../catalogue-fixtures';
import {
  answerQuestionnaire,
  expectAccessible,
  pick,
  screenshot,
  signIn,
  signOut,
} from './helpers';

const file = (name: string, doc: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(doc)),
});

async function addRegion(page: Page, parent: string, code: string, name: string) {
  await pick(page, page.getByLabel('上级区域'), parent);
  await page.getByLabel('区划代码').fill(code);
  await page.getByLabel('名称', { exact: true }).fill(name);
  await page.getByRole('button', { name: /^(loading )?新增$/ }).click();
  await expect(page.getByLabel('区划代码')).toHaveValue('');
}

test("an administrator loads a city's catalogue from a file, sees its error beside the item, compares and publishes it; the city's applicant gets its items", async ({
  page,
}) => {
  test.setTimeout(360_000);
  await signIn(page, 'admin');
  await page.getByRole('link', { name: '事项目录' }).click();
  await expect(page.getByRole('heading', { name: '事项目录' })).toBeVisible();
  await addRegion(page, '全国（默认）（CN）', '370000', '山东省');
  await addRegion(page, '山东省（370000）', '370700', '潍坊市');

  // A file with a mistake: the error is shown beside its item, nothing is stored.
  const bad = weifangCatalogue();
  bad.items[1].department = 'WF_NOBODY';
  await page.getByLabel('目录文件').setInputFiles(file('weifang-bad.json', bad));
  await expect(page.getByText('版本 weifang-2026.1，区域 370700，事项 4 项')).toBeVisible();
  await page.getByRole('button', { name: '导入为草稿' }).click();
  await expect(page.getByText(/目录有 1 处错误/)).toBeVisible();
  await expect(page.getByRole('row', { name: /WF_EIA/ })).toContainText(
    'department: unknown department "WF_NOBODY"',
  );
  await expect(page.getByRole('row', { name: /企业投资项目备案 WF_FILING/ })).not.toContainText(
    'unknown',
  );

  // Corrected in the form, beside the error, and imported: a draft of the city.
  await page.getByRole('button', { name: '编辑事项 WF_EIA' }).click();
  let dialog = page.getByRole('dialog');
  // The error beside its field.
  await expect(
    dialog
      .locator('.ant-form-item')
      .filter({ hasText: '办理部门' })
      .locator('.ant-form-item-explain'),
  ).toContainText('unknown department "WF_NOBODY"');
  await pick(page, dialog.getByLabel('办理部门'), '山东省生态环境厅 (SD_EEB)');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /WF_EIA/ })).not.toContainText('unknown');
  await page.getByRole('button', { name: '导入为草稿' }).click();
  const draft = page.getByRole('row', { name: /weifang-2026\.1/ });
  await expect(draft).toContainText('草稿');

  // The stored draft's item edited: a limit above the statutory one is refused beside it.
  await draft.getByRole('button', { name: '事项', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'weifang-2026.1 的事项' })).toBeVisible();
  // Its policies as the file says them: limits, and the express lanes' switches off.
  await expect(page.getByRole('row', { name: /^社会投资项目/ })).toContainText('30 个工作日');
  await expect(page.getByRole('row', { name: /^社会投资项目/ })).toContainText('否');
  await page.getByRole('button', { name: '编辑事项 WF_EIA' }).click();
  dialog = page.getByRole('dialog');
  const explain = (label: string) =>
    dialog
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel(label, { exact: true }) })
      .locator('.ant-form-item-explain');
  await dialog.getByLabel('承诺时限（工作日）').fill('40');
  await dialog.getByLabel('对应国家标准事项编码').fill('12');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(explain('承诺时限（工作日）')).toContainText('exceeds the statutory limit 30');
  await expect(explain('对应国家标准事项编码')).toHaveText('须为 4–7 位数字');
  await dialog.getByLabel('承诺时限（工作日）').fill('6');
  await dialog.getByLabel('对应国家标准事项编码').fill('0100000');
  // Its materials in the same form: one renamed and allowed to be missing (容缺), one added.
  const material = (n: number) => dialog.locator('.ant-card').filter({ hasText: `材料 ${n}` });
  await material(1).getByLabel('材料名称').fill('环评审批申请表');
  await material(1).getByLabel('可容缺').check();
  await dialog.getByRole('button', { name: '新增材料' }).click();
  await material(2).getByLabel('材料代码').fill('EIA_REPORT');
  await material(2).getByLabel('材料名称').fill('环境影响报告书');
  await material(2).getByLabel('英文名称').fill('Environmental impact report');
  await material(2).getByLabel('受理标准').fill('由具备资质的单位编制');
  await material(2).getByLabel('纸质原件（份）').fill('1');
  await screenshot(page, 'admin-catalogue-item-form-zh-CN');
  await dialog.getByRole('button', { name: /^(loading )?确定$/ }).click();
  await expect(dialog).toBeHidden();
  const eiaRow = page.getByRole('row', { name: /建设项目环境影响评价审批（省级） WF_EIA/ });
  await expect(eiaRow).toContainText('承诺 6 / 法定 30');
  await expect(eiaRow).toContainText('国家标准编码 0100000');
  await expect(eiaRow).toContainText('2 项环评审批申请表、环境影响报告书');
  await expect(page.getByText('+ 建设项目环境影响评价审批（省级）（WF_EIA）')).toBeVisible();
  await expect(page.getByText('− 建设工程规划许可证核发（PLANNING_PERMIT）')).toBeVisible();
  await expectAccessible(page, 'catalogue versions');
  await screenshot(page, 'admin-catalogue-zh-CN');

  // In English: the added material taken out again in the item's form.
  await signOut(page);
  await signIn(page, 'admin', 'en');
  await page.goto('/admin/catalogue');
  await pick(page, page.getByLabel('Region', { exact: true }), '潍坊市（370700）');
  const draftEn = page.getByRole('row', { name: /weifang-2026\.1/ });
  await draftEn.getByRole('button', { name: 'Items', exact: true }).click();
  const eiaEn = page.getByRole('row', { name: /WF_EIA/ });
  await expect(eiaEn).toContainText('national code 0100000');
  await page.getByRole('button', { name: 'Edit item WF_EIA' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('National standard item code')).toHaveValue('0100000');
  await dialog.getByRole('button', { name: 'Remove material 2' }).click();
  await expect(dialog.getByText('Environmental impact report')).toHaveCount(0);
  await screenshot(page, 'admin-catalogue-item-form-en');
  // On a phone the form's fields stack and stay readable.
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(dialog.getByLabel('National standard item code')).toBeVisible();
  await screenshot(page, 'admin-catalogue-item-form-en-390');
  await page.setViewportSize(desktop);
  await dialog.getByRole('button', { name: /^(loading )?Confirm$/ }).click();
  await expect(dialog).toBeHidden();
  await expect(eiaEn).not.toContainText('Environmental impact report');
  await expect(eiaEn).toContainText('Application for environmental impact approval (provincial)');
  await expectAccessible(page, 'catalogue items, in English');
  await screenshot(page, 'admin-catalogue-en');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(eiaEn).toBeVisible();
  await screenshot(page, 'admin-catalogue-en-390');
  await page.setViewportSize(desktop);
  await signOut(page);
  await signIn(page, 'admin');
  await page.goto('/admin/catalogue');
  await pick(page, page.getByLabel('行政区域', { exact: true }), '潍坊市（370700）');

  await draft.getByRole('button', { name: '发布' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('本区域办理中的 0 个项目将继续按原目录版本办理');
  await dialog.getByRole('button', { name: '确认发布' }).click();
  await expect(dialog).toBeHidden();
  await expect(draft).toContainText('已发布');
  await expect(draft).toContainText('现行');

  // The city's applicant chooses the city and gets its own items, limits and departments.
  await signOut(page);
  await signIn(page, 'applicant');
  await page.goto('/projects/new');
  await expect(page.getByRole('heading', { level: 2, name: '新建项目' })).toBeVisible();
  await page.getByLabel('项目名称', { exact: true }).fill('潍坊物流仓库');
  await pick(page, page.getByLabel('所在行政区域'), '潍坊市（370700）');
  await answerQuestionnaire(page, EXAMPLE_ANSWERS.warehouse);
  await page.getByRole('button', { name: '生成事项清单' }).click();
  await expect(page.getByText('30 个工作日').first()).toBeVisible();
  await expect(page.getByText('建设项目环境影响评价审批（省级）')).toBeVisible();
  await expect(page.getByText('山东省生态环境厅')).toBeVisible();
  await expect(page.getByText('建设工程规划许可证核发')).toHaveCount(0);
});
