/**
 * The built-in acceptance standards (受理标准, catalog/materials.ts) in English, keyed by their
 * Chinese text, for readers of the English pages. A catalogue that brings its own standards
 * gives `standardEn` beside each; one with neither shows the Chinese text.
 */
const STANDARDS_EN: Readonly<Record<string, string>> = {
  加盖申请单位公章内容填写完整与项目信息一致:
    "Sealed with the applicant's official seal, filled in completely and consistent with the project's data",
  图纸完整清晰加盖设计单位出图章及注册人员执业章:
    "Complete, legible drawings with the design unit's drawing seal and the registered professionals' seals",
  由前序事项办结结果自动提供无需申请人提交:
    'Provided automatically from the result of an earlier item; the applicant hands nothing in',
  与公告发布的版本一致: 'The same version as the one published',
  公示时间方式和意见采纳情况齐全:
    'Publicity period, manner and how the comments were taken up all stated',
  公示期满无异议: 'Publicity period ended without objection',
  加盖公章注明容量: 'Sealed, with the capacity stated',
  勘察设计施工监理单位质量合格文件及验收人员签字齐全:
    "Quality certificates of the survey, design, construction and supervision units and the inspectors' signatures all present",
  合同双方签章齐全: 'Signed and sealed by both parties',
  合同复印件验原件出让金缴纳凭证齐全:
    'Copy of the contract, original shown; proof of payment of the land transfer fee present',
  地形图为近一年内测绘成果用地范围标注清楚:
    'Topographic map surveyed within the last year, with the land boundary clearly marked',
  坐标闭合与选址位置示意图一致电子文件为TXT格式:
    'Coordinates closed and consistent with the site location sketch; electronic file in TXT format',
  复印件加盖公章: 'Copy bearing the official seal',
  复印件加盖单位公章: "Copy bearing the unit's official seal",
  复印件验原件: 'Copy, original shown',
  建设单位组织的竣工验收结论明确:
    'A clear completion acceptance conclusion, organised by the construction unit',
  恢复时间和方案明确: 'Restoration date and plan stated',
  批复文件复印件验原件: 'Copy of the approval, original shown',
  按GBT50328整理: 'Arranged according to GB/T 50328',
  按征占地面积和挖填土石方量编制报告书或报告表:
    'A report or report form, as the land taken and the earth moved require',
  授权委托书原件身份证明为复印件验原件:
    'Original authorisation; identity papers as copies, originals shown',
  施工单位盖章交通疏导措施明确:
    'Sealed by the construction unit, with the traffic management measures stated',
  施工单位签章: 'Signed and sealed by the construction unit',
  无删除内容的可说明无: 'Where nothing was removed, state "none"',
  标明地上地下建筑层数及各项指标加盖设计单位公章:
    'Above- and below-ground buildings, storeys and indicators marked; sealed by the design unit',
  标明现状树木位置数量及处理方式: 'Existing trees marked with their number and how each is treated',
  标明用水点位置和管径: 'Water connection points and pipe diameters marked',
  标明用电位置: 'Power connection points marked',
  概算不超过可行性研究报告批复的投资估算10:
    'The estimate exceeds the investment approved with the feasibility study by no more than 10%',
  比例尺不小于110000标明拟选址范围: 'Scale 1:10,000 or larger, with the proposed site marked',
  法定代表人签字并加盖公章: 'Signed by the legal representative and sealed',
  由具备相应能力的单位编制含建设必要性规模投资估算和资金来源:
    'Prepared by a capable unit; covers the need, scale, investment estimate and funding',
  由具备资质的考古机构出具: 'Issued by a qualified archaeological institution',
  由检测机构出具: 'Issued by a testing institution',
  由设计单位测算并盖章: 'Calculated and sealed by the design unit',
  社保经办机构出具: 'Issued by the social insurance agency',
  税务机关出具: 'Issued by the tax authority',
  编制单位及编制人员信息完整全本公开版与报批版一致:
    'Preparer and authors named in full; the public full version matches the version submitted',
  编制单位及编制人员信息完整附图附件齐全:
    'Preparer and authors named in full; all figures and annexes attached',
  编制单位盖章结论明确投资估算与项目建议书批复相符:
    "Sealed by the preparer, with a clear conclusion and an estimate matching the proposal's approval",
  能耗计算依据充分节能措施明确:
    'Energy use calculated on sound grounds, with the saving measures stated',
  评估主体盖章结论明确: 'Sealed by the assessor, with a clear conclusion',
  评估结论明确保护措施具体可行:
    'A clear assessment conclusion with concrete, workable protection measures',
  质量责任承诺书安全措施和危大工程清单齐全:
    'Quality responsibility commitment, safety measures and the list of high-risk works all present',
  超标准或无标准项目须附专家评审意见:
    'Items above or without a standard come with the expert review opinion',
  项目单位基本情况项目名称地点规模内容总投资及符合产业政策的声明齐全:
    "The unit's basic facts, the project's name, location, scale, content, total investment and a statement of conformity with industrial policy all present",
  验原件收复印件: 'Original shown, copy kept',
};

/** Punctuation and spaces left out of the key: the same standard however it is punctuated. */
const key = (zh: string) => zh.replace(/[\s，、；。：“”"'/:%.\-,;]/g, '');

/** The English of a built-in acceptance standard; the Chinese text when there is none. */
export function standardEn(zh: string): string {
  return STANDARDS_EN[key(zh)] ?? zh;
}

/** The standards of the built-in catalogue with no English (a test keeps this empty). */
export function standardsWithoutEnglish(all: readonly string[]): string[] {
  return [...new Set(all)].filter((s) => !(key(s) in STANDARDS_EN));
}
