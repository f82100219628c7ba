/** 一次性告知书 as an A4 PDF in Chinese (the layout of receipts and results, pdf-renderer.ts). */
import type { StageCode } from '../../../../libs/domain/src';
import type { RequirementsDto } from './dto/requirements.dto';
import { fields, heading, render, stageName, table, type PdfFont } from './pdf-renderer';

const SOURCE: Record<string, string> = {
  APPLICANT: '申请人',
  EARLIER_ITEM: '前序事项结果',
  GOVERNMENT: '政府部门',
  INTERMEDIARY: '中介机构',
};

const paperText = (
  p: RequirementsDto['stages'][number]['items'][number]['materials'][number]['paper'],
) => (p ? `原件${p.originals}份，复印件${p.copies}份${p.size ? `，${p.size}` : ''}` : '电子件');

export function requirementsPdf(font: PdfFont, r: RequirementsDto): Promise<Buffer> {
  const title = '工程建设项目审批一次性告知书';
  return render(font, title, (doc) => {
    heading(doc, title, '', r.projectName ?? '项目设立前的预览');
    fields(doc, [
      ...(r.projectName ? ([['项目名称', r.projectName]] as [string, string][]) : []),
      ...(r.projectCode ? ([['项目代码', r.projectCode]] as [string, string][]) : []),
      ['审批总时限', `${r.limitDays} 个工作日`],
      ['在线提交', r.handIn.online],
      ['窗口提交', r.handIn.window],
      ['告知日期', r.generatedOn],
    ]);
    for (const stage of r.stages) {
      doc
        .fontSize(14)
        .text(`${stageName(stage.code as StageCode)}阶段`)
        .moveDown(0.4);
      for (const item of stage.items) {
        doc
          .fontSize(11)
          .text(
            `${item.name} — ${item.departmentName}（承诺时限 ${item.limitDays} 个工作日，法定时限 ${item.statutoryLimitDays} 个工作日）`,
          )
          .moveDown(0.3);
        table(
          doc,
          [28, 130, 70, 95, 160],
          ['序号', '材料名称', '来源', '纸质要求', '受理标准'],
          item.materials.map((m, n) => [
            String(n + 1),
            `${m.name}${m.required ? '' : '（免于提交）'}${m.deficiencyAllowed ? '（可容缺）' : ''}${
              m.reason.length ? `\n依据：${m.reason.map((x) => x.text).join('；')}` : ''
            }`,
            m.producedBy
              ? `${SOURCE.EARLIER_ITEM}（${m.producedBy}）`
              : (SOURCE[m.source] ?? m.source),
            paperText(m.paper),
            m.standard,
          ]),
        );
      }
    }
    if (r.waived.length > 0) {
      doc.fontSize(12).text('免于办理的事项').moveDown(0.3);
      for (const w of r.waived) doc.fontSize(10).text(`${w.name}：${w.because}`);
      doc.moveDown(0.8);
    }
    doc
      .fontSize(9)
      .text(
        '前序事项办结后，其结果作为后续事项材料由系统共享，申请人无需重复提交（发改投资〔2019〕268号）。标注“可容缺”的材料可在承诺期限内补交（容缺受理）。',
      );
  });
}
