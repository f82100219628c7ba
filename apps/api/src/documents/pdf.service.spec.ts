import { ServiceUnavailableException } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import { existsSync } from 'node:fs';
import {
  DEBIAN_PDF_FONT_PATH,
  npmPdfFontPath,
  type DocumentsConfig,
} from '../../../../libs/config/src';
import type { ReceiptDto } from './dto/documents.dto';
import { pdfText } from '../../../../test/pdf-text';
import { PdfService } from './pdf.service';

const receipt: ReceiptDto = {
  number: 'SL-2026-000001',
  projectId: '00000000-0000-4000-8000-000000000000',
  projectName: '单元测试仓库',
  projectCode: '2026-440300-47-01-000016',
  ownerOrganisation: 'org-u',
  ownerOrganisationName: '单元建设公司',
  stage: 'PLAN',
  acceptedOn: '2026-03-02',
  projectLimitDays: 35,
  issuedAt: '2026-03-02T01:00:00.000Z',
  items: [
    {
      code: 'ITEM',
      name: '企业投资项目备案',
      department: '发展和改革部门',
      departmentCode: 'DRC',
      limitDays: 1,
      dueDate: '2026-03-03',
    },
  ],
};

const service = (cfg: DocumentsConfig) =>
  new PdfService({ getOrThrow: () => cfg } as unknown as ConfigService);

describe('PdfService', () => {
  it('answers 503 naming PDF_FONT_PATH when the font is missing', async () => {
    const pdf = service({ fontPath: '/nowhere.ttc', fontName: 'X', fontFound: false });
    const err: unknown = await pdf.receipt(receipt).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceUnavailableException);
    expect((err as Error).message).toMatch(/PDF_FONT_PATH/);
  });

  it('answers 503 when the file is not a font pdfkit can read', async () => {
    const pdf = service({ fontPath: __filename, fontName: 'X', fontFound: true });
    await expect(pdf.receipt(receipt)).rejects.toBeInstanceOf(ServiceUnavailableException);
  });

  it('renders a PDF with the font npm ci installs, parsing it once for every PDF', async () => {
    const pdf = service({ fontPath: npmPdfFontPath()!, fontName: 'unused', fontFound: true });
    const first = await pdf.receipt(receipt);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    const parsed = await (pdf as unknown as { font: Promise<unknown> }).font;
    await pdf.receipt(receipt);
    expect(await (pdf as unknown as { font: Promise<unknown> }).font).toBe(parsed);
  });

  const debian = existsSync(DEBIAN_PDF_FONT_PATH) ? it : it.skip;
  debian("takes the simplified Chinese face of Debian's collection", async () => {
    const pdf = service({
      fontPath: DEBIAN_PDF_FONT_PATH,
      fontName: 'NotoSansCJKsc-Regular',
      fontFound: true,
    });
    const bytes = await pdf.receipt(receipt);
    expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
  });

  debian('answers 503 naming the face a collection lacks', async () => {
    const pdf = service({ fontPath: DEBIAN_PDF_FONT_PATH, fontName: 'Nope', fontFound: true });
    await expect(pdf.receipt(receipt)).rejects.toThrow(/no face Nope/);
  });

  it("prints the project's investment code under its name, and no line for a project without", async () => {
    const pdf = service({ fontPath: npmPdfFontPath()!, fontName: 'unused', fontFound: true });
    const lines = pdfText(await pdf.receipt(receipt)).split('\n');
    expect(lines).toContain('项目代码：2026-440300-47-01-000016');
    const none = pdfText(await pdf.receipt({ ...receipt, projectCode: null }));
    expect(none).not.toContain('项目代码');
  }, 30_000);

  it('prints a stored name with line breaks and bidi formatting as one line of its own text', async () => {
    const pdf = service({ fontPath: npmPdfFontPath()!, fontName: 'unused', fontFound: true });
    const text = pdfText(
      await pdf.receipt({
        ...receipt,
        projectName: '仓库\r\n受理单号：SL-2026-999999\u2028审批总时限：1 个工作日\u202e伪造',
      }),
    );
    const lines = text.split('\n');
    expect(lines).toContain('项目名称：仓库 受理单号：SL-2026-999999 审批总时限：1 个工作日伪造');
    expect(lines.filter((l) => l.startsWith('受理单号') || l.startsWith('审批总时限'))).toEqual([]);
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  }, 30_000); // the font is parsed first: seconds on a busy machine
});
