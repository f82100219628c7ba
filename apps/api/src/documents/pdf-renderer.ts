/**
 * Receipts and results as A4 PDFs in Chinese, with the CJK font subset-embedded (pdfkit keeps
 * only the glyphs used, with a ToUnicode map, so the text can be searched and copied).
 */
import type { Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { defaultStages, oneLine, type StageCode } from '../../../../libs/domain/src';
import type { ItemResultDto, ReceiptDto } from './dto/documents.dto';

/** A font parsed once by fontkit; pdfkit takes it as it is and embeds the glyphs used. */
export type PdfFont = Font;

export const MARGIN = 56;
export const stageName = (code: StageCode) =>
  defaultStages.find((s) => s.code === code)?.name ?? code;

export function render(font: PdfFont, title: string, draw: (doc: PDFKit.PDFDocument) => void) {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      info: { Title: title, Producer: 'parallel-approvals', Creator: 'parallel-approvals' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      // pdfkit 0.20 accepts a fontkit font object (its typings name only files and buffers).
      doc.font(font as unknown as PDFKit.Mixins.PDFFontSource);
      draw(doc);
      doc.end();
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

/** The title, and under it the document's number (`编号：…`) or another line as given. */
export function heading(
  doc: PDFKit.PDFDocument,
  title: string,
  number: string,
  subtitle = `编号：${number}`,
) {
  doc.fontSize(20).text(title, { align: 'center' });
  doc.moveDown(0.3).fontSize(11).text(oneLine(subtitle), { align: 'center' });
  doc.moveDown(1.2);
}

/**
 * Label and value, one line each (wrapped only by width): a stored name's line breaks or bidi
 * formatting must not print as a line of its own ("受理单号：…") or reorder the text around it.
 */
export function fields(doc: PDFKit.PDFDocument, rows: [string, string][]) {
  doc.fontSize(11);
  for (const [label, value] of rows) doc.text(`${label}：${oneLine(value)}`).moveDown(0.3);
  doc.moveDown(0.8);
}

/** A table with wrapped cells; a row that does not fit goes to a new page. */
export function table(
  doc: PDFKit.PDFDocument,
  widths: number[],
  header: string[],
  rows: string[][],
) {
  const left = MARGIN;
  const pad = 4;
  const bottom = doc.page.height - MARGIN;
  const line = (cells: string[], size: number) => {
    doc.fontSize(size);
    const h =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 2 * pad }))) +
      2 * pad;
    if (doc.y + h > bottom) doc.addPage();
    const top = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.rect(x, top, widths[i], h).stroke();
      doc.text(c, x + pad, top + pad, { width: widths[i] - 2 * pad });
      x += widths[i];
    });
    doc.x = left;
    doc.y = top + h;
  };
  line(header, 10);
  for (const r of rows) line(r, 10);
  doc.moveDown(1);
}

/** 投资项目统一代码, when the project has one. */
const projectCodeField = (code: string | null): [string, string][] =>
  code ? [['项目代码', code]] : [];

export function receiptPdf(font: PdfFont, r: ReceiptDto): Promise<Buffer> {
  return render(font, `受理单 ${r.number}`, (doc) => {
    heading(doc, '工程建设项目审批受理单', r.number);
    fields(doc, [
      ['项目名称', r.projectName],
      ...projectCodeField(r.projectCode),
      ['建设单位', r.ownerOrganisationName],
      ['受理阶段', stageName(r.stage)],
      ['受理日期', r.acceptedOn],
      ['项目审批总时限', `${r.projectLimitDays} 个工作日`],
    ]);
    table(
      doc,
      [32, 170, 130, 72, 79],
      ['序号', '审批事项', '承办部门', '承诺时限（工作日）', '办结期限'],
      r.items.map((i, n) => [
        String(n + 1),
        i.name,
        i.department,
        String(i.limitDays),
        i.dueDate ?? '前置事项办结后起算',
      ]),
    );
    doc
      .fontSize(9)
      .text(
        '时限按工作日计算，受理当日不计入（《中华人民共和国行政许可法》第八十二条）；依法需要听证、检验、检测、鉴定和专家评审的时间，以及申请人补正材料的时间，不计入时限（第四十五条）。',
      );
    doc.moveDown(2).fontSize(11).text('综合受理窗口', { align: 'right' });
    doc.text(r.acceptedOn, { align: 'right' });
  });
}

export function resultPdf(font: PdfFont, r: ItemResultDto): Promise<Buffer> {
  return render(font, `办结通知 ${r.number}`, (doc) => {
    heading(doc, '审批事项办结通知', r.number);
    fields(doc, [
      ['项目名称', r.projectName],
      ...projectCodeField(r.projectCode),
      ['建设单位', r.ownerOrganisationName],
      ['审批事项', r.itemName],
      ['承办部门', r.department],
      [
        '办理结果',
        r.revoked
          ? `已撤销（告知承诺核查不通过，${r.revoked.on}）`
          : r.onCommitment
            ? '准予许可（告知承诺）'
            : '准予许可',
      ],
      ['办结日期', r.decidedOn],
      ...(r.onCommitment
        ? ([
            ['申请人承诺', r.onCommitment.text],
            ['核查期限', r.onCommitment.checkDue],
          ] as [string, string][])
        : []),
      ['审批人员', r.officer],
      ...(r.round > 1 ? ([['申请轮次', `第 ${r.round} 次申请`]] as [string, string][]) : []),
    ]);
    doc
      .fontSize(11)
      .text(
        r.revoked
          ? `你单位申请的“${oneLine(r.itemName)}”系按告知承诺制准予许可；经 ${r.revoked.on} 核查，你单位未履行承诺（${oneLine(r.revoked.comment)}），该许可已撤销。`
          : `经审查，你单位申请的“${oneLine(r.itemName)}”符合法定条件，准予许可。请凭本通知到综合窗口领取结果（统一出件）。`,
      );
    doc.moveDown(2).text(oneLine(r.department), { align: 'right' });
    doc.text(r.decidedOn, { align: 'right' });
  });
}
