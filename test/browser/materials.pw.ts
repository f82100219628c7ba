/**
 * Materials clicked through (issue 25's browser journey): on a phone the applicant previews a
 * checklist's materials and downloads its 一次性告知书, creates the project and uploads real files
 * made here (a PDF with its progress bar seen, a PNG from the camera input), takes a wrong one
 * back, is refused a submission while materials are missing and then submits; the window checks
 * the files and accepts with one deficiency (容缺); an officer previews the PDF (PDF.js draws it)
 * and asks for one material to be corrected; the applicant uploads version 2 and answers; the
 * officer sees round 2; an approved item's result is a later item's material. Chinese and English.
 */
import { type Page, expect, test } from '@playwright/test';
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { ApiClient, handInStage, itemsOf } from '../../libs/client/src';
import { EXAMPLE_ANSWERS } from '../../libs/domain/src';
import { pdfText } from '../pdf-text';
import { apiGet, apiToken, reportOf } from './api';
import {
  answerQuestionnaire,
  expectAccessible,
  expectNoSidewaysScroll,
  openAtWindow,
  SHOTS,
  screenshot,
  settle,
  signIn,
  signOut,
} from './helpers';

test.setTimeout(10 * 60_000);
test.use({ actionTimeout: 30_000 });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** A PNG of `w`×`h` pixels: a coloured pattern, or noise (which does not compress). */
function png(w: number, h: number, noise = false): Buffer {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = noise ? Math.floor(Math.random() * 256) : (x * 255) / w;
      raw[o + 1] = noise ? Math.floor(Math.random() * 256) : (y * 255) / h;
      raw[o + 2] = noise ? Math.floor(Math.random() * 256) : 160;
    }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF made with pdfkit: a title, a blue frame and a noise image (to weigh ~0.5 MB). */
function pdf(title: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.fontSize(28).text(title, 72, 72);
    doc.rect(72, 140, 450, 300).lineWidth(6).stroke('#1d4ed8');
    doc.image(png(420, 420, true), 100, 460, { width: 200 });
    doc.end();
  });
}

/** Saves the download the click starts: its suggested name and bytes. */
async function download(page: Page, click: () => Promise<void>) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

/** Picks `file` through the button's file chooser, as a person does. */
async function choose(
  page: Page,
  button: ReturnType<Page['getByRole']>,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
}

test('materials: upload on a phone, 容缺 at the window, an officer’s preview and correction, version 2', async ({
  page,
  request,
  baseURL,
}) => {
  const name = `材料仓库 ${Date.now().toString(36)}`;
  const map = {
    name: '现状地形图.pdf',
    mimeType: 'application/pdf',
    buffer: await pdf('Site map 1:500'),
  };
  const photo = { name: 'contract-photo.png', mimeType: 'image/png', buffer: png(320, 200) };
  const photo2 = { name: 'contract-v2.png', mimeType: 'image/png', buffer: png(360, 240) };
  const applicantToken = await apiToken(request, 'applicant');

  // ── The applicant, on a phone: the checklist's materials and its 一次性告知书, before the project.
  await page.setViewportSize(PHONE);
  await signIn(page, 'applicant');
  await page.getByRole('button', { name: '新建项目' }).click();
  await page.getByLabel('项目名称', { exact: true }).fill(name);
  await answerQuestionnaire(page, EXAMPLE_ANSWERS.warehouse);
  await page.getByRole('button', { name: '生成事项清单' }).click();
  const landCard = page
    .getByRole('listitem')
    .filter({ hasText: '建设用地规划许可证核发（含用地批准）' });
  await expect(landCard.getByText('5 份材料')).toBeVisible();
  await landCard.getByRole('button', { name: '查看申请材料' }).click();
  await expect(landCard.getByText('国有建设用地使用权出让合同')).toBeVisible();
  await expect(landCard.getByText('由“企业投资项目备案”的办结结果提供')).toBeVisible();
  await expect(landCard.getByText('可容缺').first()).toBeVisible();
  await expect(landCard.getByText('受理标准').first()).toBeVisible();
  await screenshot(page, 'materials-checklist-390');
  await expectNoSidewaysScroll(page, 'the checklist with materials');
  const notice = await download(page, () =>
    page.getByRole('button', { name: '一次性告知书（PDF）' }).click(),
  );
  expect(notice.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(notice.name).toMatch(/告知书.*\.pdf$/);
  expect(pdfText(notice.bytes).replace(/\s/g, '')).toContain('国有建设用地使用权出让合同');
  await page.getByRole('button', { name: '确认并创建项目' }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  const id = page.url().split('/projects/')[1];
  const land = itemsOf(await reportOf(request, applicantToken, id)).find(
    (i) => i.code === 'LAND_USE_PERMIT',
  )!;

  // The materials section comes first: what each item asks for, and an upload for each.
  const region = (material: string) =>
    page.getByRole('region', { name: `上传文件：${land.name} · ${material}` });
  await expect(region('标示拟用地范围的1:1000或1:500现状地形图')).toBeVisible();
  await screenshot(page, 'materials-project-390');
  await expectNoSidewaysScroll(page, 'the project’s materials');
  await expectAccessible(page, 'the project’s materials');

  // A 0.5 MB PDF on a slow line: its progress bar shows the upload under way.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 50,
    downloadThroughput: 2_000_000,
    uploadThroughput: 150_000,
  });
  const mapRegion = region('标示拟用地范围的1:1000或1:500现状地形图');
  await choose(page, mapRegion.getByRole('button', { name: /点击或拖拽文件到此处上传/ }), map);
  const bar = mapRegion.getByRole('progressbar', { name: '现状地形图.pdf 上传进度' });
  await expect(bar).toBeVisible();
  await expect
    .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await screenshot(page, 'materials-upload-progress-390');
  await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await expect(page.getByText('现状地形图.pdf').first()).toBeVisible();

  // A photo from the phone's camera for the grant contract; a wrong one taken back.
  const contract = region('国有建设用地使用权出让合同');
  await expect(contract.locator('input[capture]')).toHaveAttribute('capture', 'environment');
  await choose(page, contract.getByRole('button', { name: '拍照上传' }), photo);
  await expect(page.getByText('contract-photo.png').first()).toBeVisible();
  const application = region('建设用地规划许可申请');
  await choose(page, application.getByRole('button', { name: /点击或拖拽/ }), {
    ...photo,
    name: 'wrong.png',
  });
  await page.getByRole('button', { name: '撤回：wrong.png' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('wrong.png')).toHaveCount(0);

  // A program renamed .pdf is refused by its content, in the reader's words, and not stored.
  const fake = {
    name: 'looks-fine.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(600, 1)]),
  };
  await choose(page, application.getByRole('button', { name: /点击或拖拽/ }), fake);
  await expect(application.getByRole('alert')).toContainText('文件类型不支持');
  await application.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByText('looks-fine.pdf')).toHaveCount(0);

  // The submission says what is missing before the click, and the API refuses it all the same.
  await expect(page.getByText('尚缺 2 份必需材料')).toBeVisible();
  await page.getByRole('button', { name: '提交策划生成阶段材料' }).click();
  let dialog = page.getByRole('dialog');
  await expect(dialog.getByText('以下必需材料尚未提交，提交将被拒绝：')).toBeVisible();
  await expect(dialog.getByText(`${land.name} · 建设用地规划许可申请`)).toBeVisible();
  await dialog.getByRole('button', { name: '确定' }).click();
  const refused = dialog.getByRole('alert');
  await expect(refused).toContainText('尚缺必需材料：项目备案信息登记表、建设用地规划许可申请');
  await expect(refused).not.toContainText('APPLICATION'); // names, not codes
  await screenshot(page, 'materials-submission-refused-390');
  await dialog.getByRole('button', { name: '取消' }).click();

  // The rest through the API (not what this test is about); then the submission goes through.
  const api = new ApiClient(baseURL!);
  expect(await handInStage(api, applicantToken, id, 'PLAN', { withDeficiencyAllowed: false })).toBe(
    2,
  );
  await page.reload();
  await page.getByRole('button', { name: '提交策划生成阶段材料' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/以下材料尚未提交，但可容缺/)).toBeVisible();
  await expect(dialog.getByText(`${land.name} · 授权委托书及委托人、代理人身份证明`)).toBeVisible();
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();

  // ── The window: the stage's files against the lists; accepted with one deficiency (容缺).
  await signOut(page);
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'window');
  await openAtWindow(page, name, '策划生成');
  await expect(page.getByText('缺 1 份材料')).toBeVisible();
  await expect(page.getByRole('button', { name: '受理', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: '预览：contract-photo.png' }).click();
  dialog = page.getByRole('dialog', { name: 'contract-photo.png' });
  await expect(dialog.getByRole('img', { name: '图片：contract-photo.png' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await screenshot(page, 'materials-window-check');
  await expectAccessible(page, 'the window’s check');
  await page.getByRole('button', { name: '容缺受理' }).click();
  dialog = page.getByRole('dialog', { name: '容缺受理' });
  await expect(
    dialog.getByRole('checkbox', { name: '授权委托书及委托人、代理人身份证明' }),
  ).toBeChecked();
  const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const date = dialog.getByLabel('承诺补交日期');
  await date.click();
  await date.fill(due);
  await screenshot(page, 'materials-window-deficiency');
  await date.press('Enter'); // takes the date and sends the form, as 确定 would
  await expect(page.getByRole('heading', { level: 2, name: '受理队列' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  const accepted = itemsOf(await reportOf(request, applicantToken, id)).find(
    (i) => i.code === 'LAND_USE_PERMIT',
  )!;
  expect(accepted.status).toBe('UNDER_REVIEW');
  expect(accepted.deficiencies.map((d) => d.dueDate)).toEqual([due]);

  // ── The officer, in English: the PDF drawn by PDF.js; one material to correct.
  await signOut(page);
  await signIn(page, `officer.${land.department}`, 'en');
  await page.goto(`/tasks/${encodeURIComponent(land.taskId)}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Materials review' })).toBeVisible();
  await page.getByRole('button', { name: 'Preview: 现状地形图.pdf' }).click();
  dialog = page.getByRole('dialog', { name: '现状地形图.pdf' });
  const canvas = dialog.getByRole('img', { name: 'PDF page 1: 现状地形图.pdf' });
  await expect(canvas).toHaveAttribute('data-rendered', 'true');
  const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] < 600) dark++;
    return dark / (px.length / 4);
  });
  expect(inked, 'the PDF page is drawn, not blank').toBeGreaterThan(0.01);
  await settle(page);
  await dialog.screenshot({ path: join(SHOTS, 'materials-officer-pdf-preview-en.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const materials = await apiGet<{
    items: { code: string; materials: { code: string; nameEn: string }[] }[];
  }>(request, applicantToken, `/api/projects/${id}/materials`);
  const en = (code: string) =>
    materials.items
      .find((i) => i.code === 'LAND_USE_PERMIT')!
      .materials.find((m) => m.code === code)!.nameEn;
  await page.getByRole('button', { name: `Accept: ${en('TOPOGRAPHIC_MAP')}` }).click();
  await page.getByRole('button', { name: `Needs correction: ${en('GRANT_CONTRACT')}` }).click();
  await page
    .getByLabel(`What to correct · ${en('GRANT_CONTRACT')}`)
    .fill('The seal page is missing; photograph every page');
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(page.getByText('Review: Needs correction')).toBeVisible();
  await page.getByRole('radio', { name: 'Request a supplement (clock stops)' }).check();
  await expect(page.getByRole('checkbox', { name: en('GRANT_CONTRACT') })).toBeChecked();
  await page.getByLabel('Comment', { exact: true }).fill('Please hand in the whole contract');
  await screenshot(page, 'materials-officer-supplement-en');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByText('The item is "Supplement requested"')).toBeVisible();

  // ── The applicant, in English on a phone: version 2 in round 2, then the answer.
  await signOut(page);
  await page.setViewportSize(PHONE);
  await signIn(page, 'applicant', 'en');
  await page.goto(`/projects/${id}`);
  await expect(page.getByText('Hand in a new version (round 2)')).toBeVisible();
  await expect(page.getByText('The seal page is missing; photograph every page')).toBeVisible();
  const v2 = page.getByRole('region', {
    name: `Upload files: ${land.nameEn} · ${en('GRANT_CONTRACT')}`,
  });
  await choose(page, v2.getByRole('button', { name: /Click or drag files here/ }), photo2);
  await expect(page.getByText('contract-v2.png').first()).toBeVisible();
  await expect(page.getByText('Round 2 (current)')).toBeVisible();
  await screenshot(page, 'materials-version-2-en-390');
  await expectNoSidewaysScroll(page, 'the project page in English');
  await page.getByRole('button', { name: `Answer the supplement request: ${land.nameEn}` }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByText('new version handed in')).toBeVisible();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  const answered = itemsOf(await reportOf(request, applicantToken, id)).find(
    (i) => i.code === 'LAND_USE_PERMIT',
  )!;
  expect(answered.status).toBe('UNDER_REVIEW');
  const own = await download(page, () =>
    page.getByRole('button', { name: 'Requirements notice (PDF)' }).click(),
  );
  expect(own.bytes.subarray(0, 5).toString()).toBe('%PDF-');

  // ── The officer sees what changed: round 2 holds the new version.
  await signOut(page);
  await page.setViewportSize(DESKTOP);
  await signIn(page, `officer.${land.department}`, 'en');
  await page.goto(`/tasks/${encodeURIComponent(land.taskId)}`);
  await expect(page.getByText('Round 2 holds the new version')).toBeVisible();
  await expect(page.getByText('contract-v2.png')).toBeVisible();
  await screenshot(page, 'materials-officer-round-2-en');

  // ── An approved item's result is a later item's material: nothing to upload, its number shown.
  const filing = itemsOf(await reportOf(request, applicantToken, id)).find(
    (i) => i.code === 'ENTERPRISE_FILING',
  )!;
  const officer = await apiToken(request, `officer.${filing.department}`);
  const approved = await request.post(`/api/tasks/${encodeURIComponent(filing.taskId)}/decision`, {
    headers: { authorization: `Bearer ${officer}` },
    data: { action: 'APPROVE' },
  });
  expect(approved.status()).toBe(200);
  await page.reload();
  const result = page.getByRole('button', { name: /^Open result BJ-\d{4}-\d{6}$/ });
  await expect(result).toBeVisible();
  await result.click();
  await expect(page.getByRole('dialog').getByText(/^BJ-\d{4}-\d{6}$/)).toBeVisible();
});

test('the window returns a stage naming a wrong material with why; the applicant is asked for a new version', async ({
  page,
  request,
  baseURL,
}) => {
  const api = new ApiClient(baseURL!);
  const token = await apiToken(request, 'applicant');
  const name = `退回仓库 ${Date.now().toString(36)}`;
  const { id } = await api.post<{ id: string }>(
    '/api/projects',
    { name, answers: EXAMPLE_ANSWERS.lowRiskWarehouse },
    { token },
  );
  await handInStage(api, token, id, 'PLAN', { keyPrefix: 'return' });
  await api.post(`/api/projects/${id}/stages/PLAN/submission`, {}, { token });

  await signIn(page, 'window');
  await openAtWindow(page, name, '策划生成');
  await expect(page.getByText('材料齐全')).toBeVisible();
  await page.getByRole('button', { name: '退回' }).click();
  const dialog = page.getByRole('dialog', { name: '退回策划生成阶段' });
  await dialog.getByLabel('退回理由', { exact: true }).fill('登记表未盖章');
  await dialog.getByRole('checkbox', { name: '项目备案信息登记表' }).check();
  await dialog.getByLabel('原因：项目备案信息登记表').fill('请加盖单位公章后重新上传');
  await screenshot(page, 'materials-window-return');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '受理队列' })).toBeVisible();

  await signOut(page);
  await signIn(page, 'applicant');
  await page.goto(`/projects/${id}`);
  await expect(page.getByText('请提交新版本（第 2 轮）')).toBeVisible();
  await expect(page.getByText('请加盖单位公章后重新上传')).toBeVisible();
  await expect(page.getByText('尚缺 1 份必需材料')).toBeVisible();
  await screenshot(page, 'materials-returned');
});
