import { Q } from '../questionnaire/questions';
import { when } from '../questionnaire/rules';
import type { MaterialData } from './types';

/*
 * The default materials of each item (申请材料), from shared/reference/materials-per-item.md:
 * names from the lists it cites (mostly Tangshan 2019, [AP-TS]); original/copy, counts and
 * sources only where a source states them; `producedBy` (the earlier item whose result the
 * material is) is our mapping by name, as the reference says. The acceptance standards
 * (受理标准) are ours, written as a window would check them; a region replaces all of it.
 */

const SEALED = '加盖申请单位公章，内容填写完整、与项目信息一致';
const SIGNED_DRAWINGS = '图纸完整清晰，加盖设计单位出图章及注册人员执业章';
const RESULT = '由前序事项办结结果自动提供，无需申请人提交';

/** The application form of an item: always asked, never accepted missing. */
const form = (name: string, nameEn: string): MaterialData => ({
  code: 'APPLICATION',
  name,
  nameEn,
  standard: SEALED,
  paper: { originals: 1, copies: 0, size: 'A4' },
});

/** A result an earlier item of the process issues (2019 national rule: never asked again). */
const result = (code: string, name: string, nameEn: string, producedBy: string): MaterialData => ({
  code,
  name,
  nameEn,
  source: 'EARLIER_ITEM',
  producedBy,
  standard: RESULT,
});

/** The authorisation of whoever hands in for the applicant, and their identity papers. */
const AUTHORISATION: MaterialData = {
  code: 'AUTHORISATION',
  name: '授权委托书及委托人、代理人身份证明',
  nameEn: "Authorisation and the principal's and agent's identity papers",
  standard: '授权委托书原件；身份证明为复印件，验原件',
  paper: { originals: 1, copies: 1, size: 'A4' },
  deficiencyAllowed: true,
};

const PROJECT_BASIS: MaterialData = {
  code: 'PROJECT_BASIS',
  name: '建设项目批准、核准或备案文件',
  nameEn: "The project's approval, authorisation or filing document",
  source: 'EARLIER_ITEM',
  producedBy: ['PROJECT_PROPOSAL', 'ENTERPRISE_FILING'],
  standard: RESULT,
};

export const defaultMaterials: Readonly<Record<string, readonly MaterialData[]>> = {
  // ── PLAN ─────────────────────────────────────────────────────────────────────────────────
  PROJECT_PROPOSAL: [
    form('项目建议书审批申请文件', 'Application for approval of the project proposal'),
    {
      code: 'PROPOSAL',
      name: '项目建议书文本',
      nameEn: 'The project proposal',
      standard: '由具备相应能力的单位编制，含建设必要性、规模、投资估算和资金来源',
    },
  ],
  FEASIBILITY_STUDY: [
    form('可行性研究报告审批申请文件', 'Application for approval of the feasibility study'),
    {
      code: 'FEASIBILITY_REPORT',
      name: '可行性研究报告',
      nameEn: 'The feasibility study report',
      standard: '编制单位盖章，结论明确，投资估算与项目建议书批复相符',
    },
    result(
      'PROPOSAL_APPROVAL',
      '项目建议书批复文件',
      'Approval of the project proposal',
      'PROJECT_PROPOSAL',
    ),
    result(
      'SITE_OPINION',
      '规划选址意见书及用地预审意见',
      'Site-selection and land pre-review opinion',
      'LAND_PRE_REVIEW',
    ),
    {
      code: 'STABILITY_COMMITMENT',
      name: '社会稳定风险评估意见',
      nameEn: 'Social stability risk assessment opinion',
      standard: '评估主体盖章，结论明确',
      deficiencyAllowed: true,
    },
  ],
  ENTERPRISE_FILING: [
    {
      code: 'FILING_FORM',
      name: '项目备案信息登记表',
      nameEn: 'Project filing information form',
      standard: '项目单位基本情况、项目名称、地点、规模、内容、总投资及符合产业政策的声明齐全',
    },
  ],
  LAND_PRE_REVIEW: [
    form(
      '建设项目用地预审与选址意见书申请表',
      'Application for land pre-review and site selection',
    ),
    {
      code: 'SITE_REPORT',
      name: '用地预审申请报告及选址申请',
      nameEn: 'Land pre-review report and site-selection request',
      standard: SEALED,
    },
    PROJECT_BASIS,
    {
      code: 'BOUNDARY_COORDINATES',
      name: '用地边界拐点坐标表（2000国家大地坐标系）',
      nameEn: 'Coordinates of the site boundary (CGCS2000)',
      standard: '坐标闭合，与选址位置示意图一致；电子文件为TXT格式',
    },
    {
      code: 'SITE_MAP',
      name: '标明选址位置的地形图及国土空间规划图',
      nameEn: 'Topographic map marking the site, with the spatial-plan map',
      standard: '比例尺不小于1:10000，标明拟选址范围',
    },
    {
      code: 'LAND_SAVING',
      name: '节约集约用地论证及专家意见',
      nameEn: 'Land-saving assessment and expert opinion',
      standard: '超标准或无标准项目须附专家评审意见',
      deficiencyAllowed: true,
    },
    AUTHORISATION,
  ],
  LAND_USE_PERMIT: [
    form('建设用地规划许可申请', 'Application for the land-use planning permit'),
    PROJECT_BASIS,
    {
      code: 'TOPOGRAPHIC_MAP',
      name: '标示拟用地范围的1:1000或1:500现状地形图',
      nameEn: 'Survey map (1:1000 or 1:500) marking the land to be used',
      standard: '地形图为近一年内测绘成果，用地范围标注清楚',
    },
    {
      code: 'ALLOCATION_APPROVAL',
      name: '国有土地划拨批复文件',
      nameEn: 'Approval of the land allocation (划拨)',
      standard: '批复文件复印件，验原件',
      requiredWhen: when(Q.landAcquisition, 'ALLOCATION'),
    },
    {
      code: 'GRANT_CONTRACT',
      name: '国有建设用地使用权出让合同',
      nameEn: 'Contract granting the state-owned construction-land use right (出让)',
      standard: '合同复印件，验原件；出让金缴纳凭证齐全',
      requiredWhen: when(Q.landAcquisition, 'GRANT'),
    },
    AUTHORISATION,
  ],
  EIA_REPORT: [
    form('建设项目环境影响评价文件报批申请书', 'Application for approval of the EIA document'),
    {
      code: 'EIA_REPORT',
      name: '建设项目环境影响报告书',
      nameEn: 'Environmental impact report',
      standard: '编制单位及编制人员信息完整，全本公开版与报批版一致',
    },
    {
      code: 'PUBLIC_PARTICIPATION',
      name: '公众参与说明',
      nameEn: 'Statement on public participation',
      standard: '公示时间、方式和意见采纳情况齐全',
    },
    {
      code: 'DELETION_NOTE',
      name: '关于环评文件中删除不宜公开信息的说明',
      nameEn: 'Statement on information removed from the public version',
      standard: '无删除内容的可说明“无”',
      deficiencyAllowed: true,
    },
  ],
  EIA_TABLE: [
    form('建设项目环境影响评价文件报批申请书', 'Application for approval of the EIA document'),
    {
      code: 'EIA_TABLE',
      name: '建设项目环境影响报告表',
      nameEn: 'Environmental impact table',
      standard: '编制单位及编制人员信息完整，附图附件齐全',
    },
  ],
  ENERGY_REVIEW: [
    form('项目节能审查申请书', 'Application for the energy review'),
    {
      code: 'ENERGY_REPORT',
      name: '固定资产投资项目节能报告',
      nameEn: 'Energy-saving report of the fixed-asset investment',
      standard: '能耗计算依据充分，节能措施明确',
    },
  ],
  SOIL_WATER: [
    form('生产建设项目水土保持方案审批申请', 'Application for approval of the soil and water plan'),
    {
      code: 'SOIL_WATER_PLAN',
      name: '生产建设项目水土保持方案',
      nameEn: 'Soil and water conservation plan',
      standard: '按征占地面积和挖填土石方量编制报告书或报告表',
    },
  ],
  CULTURAL_RELICS: [
    form('建设单位申请函', "The builder's application letter"),
    {
      code: 'PROTECTION_MEASURES',
      name: '文物保护措施及影响评估报告',
      nameEn: 'Protection measures and impact assessment of the works on cultural relics',
      standard: '评估结论明确，保护措施具体可行',
    },
    {
      code: 'ARCHAEOLOGY',
      name: '考古勘探发掘资料',
      nameEn: 'Archaeological survey and excavation records',
      standard: '由具备资质的考古机构出具',
    },
  ],
  // ── START_PERMIT ─────────────────────────────────────────────────────────────────────────
  PRELIMINARY_DESIGN: [
    form('项目初步设计报告审批申请文件', 'Application for approval of the preliminary design'),
    result(
      'FEASIBILITY_APPROVAL',
      '可行性研究报告批复文件',
      'Approval of the feasibility study',
      'FEASIBILITY_STUDY',
    ),
    {
      code: 'PRELIMINARY_DESIGN',
      name: '项目初步设计文本及概算',
      nameEn: 'Preliminary design and cost estimate',
      standard: '概算不超过可行性研究报告批复的投资估算10%',
    },
  ],
  DESIGN_SCHEME: [
    form('建设工程设计方案审查申请表', 'Application for review of the design scheme'),
    {
      code: 'SCHEME',
      name: '建设工程设计方案文本及图纸',
      nameEn: 'Design scheme and drawings',
      standard: SIGNED_DRAWINGS,
    },
  ],
  PLANNING_PERMIT: [
    form('建设工程规划许可申请', 'Application for the construction-works planning permit'),
    PROJECT_BASIS,
    result(
      'LAND_USE_APPROVAL',
      '建设用地规划许可证或用地预审意见',
      'Land-use planning permit or land pre-review opinion',
      'LAND_USE_PERMIT',
    ),
    result(
      'APPROVED_SCHEME',
      '经审查的建设工程设计方案',
      'The reviewed design scheme',
      'DESIGN_SCHEME',
    ),
    {
      code: 'LAND_TITLE',
      name: '不动产权证书或土地使用权证',
      nameEn: 'Real-estate title or land-use certificate',
      standard: '复印件，验原件',
      requiredWhen: when(Q.landAcquisition, 'GRANT', 'OWN_LAND'),
    },
    AUTHORISATION,
  ],
  CONSTRUCTION_DRAWING_REVIEW: [
    form('施工图设计文件审查申请书', 'Application for review of the construction drawings'),
    {
      code: 'DRAWINGS',
      name: '施工图设计文件（含勘察文件）',
      nameEn: 'Construction drawings with the geotechnical survey',
      standard: SIGNED_DRAWINGS,
    },
    {
      code: 'CONTRACTS',
      name: '勘察、设计合同及勘察设计单位资质证书',
      nameEn: 'Survey and design contracts, and the survey and design firms’ qualifications',
      standard: '复印件加盖单位公章',
      deficiencyAllowed: true,
    },
    result(
      'APPROVED_SCHEME',
      '建设工程设计方案审核通知单',
      'Notice of the reviewed design scheme',
      'DESIGN_SCHEME',
    ),
  ],
  FIRE_DESIGN_REVIEW: [
    form('消防设计审查申请表', 'Application for the fire-design review'),
    PROJECT_BASIS,
    {
      code: 'FIRE_DESIGN',
      name: '消防设计文件（设计说明及图纸）',
      nameEn: 'Fire design (statement and drawings)',
      standard: SIGNED_DRAWINGS,
    },
    {
      code: 'DESIGNER_QUALIFICATION',
      name: '设计单位资质证明',
      nameEn: "The design firm's qualification",
      standard: '复印件加盖单位公章',
      deficiencyAllowed: true,
    },
  ],
  CIVIL_AIR_DEFENCE: [
    form('人民防空地下室建设申报书', 'Declaration of the civil-air-defence basement'),
    {
      code: 'SITE_PLAN',
      name: '设计方案总平面图',
      nameEn: 'Site plan of the design scheme',
      standard: '标明地上地下建筑、层数及各项指标，加盖设计单位公章',
      paper: { originals: 1, copies: 0, size: 'A3' },
    },
    {
      code: 'AREA_CALCULATION',
      name: '人防地下室面积测算表',
      nameEn: 'Area calculation of the shelter basement',
      standard: '由设计单位测算并盖章',
      paper: { originals: 1, copies: 0, size: 'A4' },
    },
    PROJECT_BASIS,
  ],
  TENDER_REPORT: [
    form('招标投标情况书面报告', 'Written report on the tender'),
    PROJECT_BASIS,
    {
      code: 'TENDER_DOCUMENTS',
      name: '招标文件（含工程量清单）及招标公告',
      nameEn: 'Tender documents with the bill of quantities, and the notice',
      standard: '与公告发布的版本一致',
    },
    {
      code: 'AWARD_NOTICE',
      name: '中标通知书及中标公示',
      nameEn: 'Award notice and its publication',
      standard: '公示期满无异议',
    },
    result(
      'DRAWING_APPROVAL',
      '施工图审查合格书',
      'Certificate of the drawing review',
      'CONSTRUCTION_DRAWING_REVIEW',
    ),
  ],
  CONSTRUCTION_PERMIT: [
    form('建筑工程施工许可证申请表', 'Application for the construction permit'),
    result('LAND_APPROVAL', '建筑工程用地批准手续', 'Land-use approval', 'LAND_USE_PERMIT'),
    result(
      'PLANNING_PERMIT',
      '建设工程规划许可证',
      'Construction-works planning permit',
      'PLANNING_PERMIT',
    ),
    result(
      'DRAWING_APPROVAL',
      '施工图设计文件审查合格书',
      'Certificate of the drawing review',
      'CONSTRUCTION_DRAWING_REVIEW',
    ),
    {
      code: 'CONTRACTS',
      name: '中标通知书及施工、监理合同',
      nameEn: 'Award notice, construction and supervision contracts',
      standard: '合同双方签章齐全',
    },
    {
      code: 'FUNDING_COMMITMENT',
      name: '建设资金已经落实承诺书',
      nameEn: 'Commitment that the funds are in place',
      standard: '法定代表人签字并加盖公章',
      deficiencyAllowed: true,
    },
    {
      code: 'INJURY_INSURANCE',
      name: '工伤保险参保证明',
      nameEn: 'Proof of work-injury insurance',
      standard: '社保经办机构出具',
      source: 'GOVERNMENT',
      deficiencyAllowed: true,
    },
    {
      code: 'QUALITY_SAFETY',
      name: '质量安全监督手续申报材料',
      nameEn: 'Quality and safety supervision declaration',
      standard: '质量责任承诺书、安全措施和危大工程清单齐全',
    },
  ],
  ROAD_EXCAVATION: [
    form('市政设施建设类审批申请表', 'Application for municipal-facility works'),
    {
      code: 'DESIGN',
      name: '挖掘破路设计图及地下管线放样资料',
      nameEn: 'Excavation design and underground-pipeline setting-out',
      standard: SIGNED_DRAWINGS,
    },
    {
      code: 'CONSTRUCTION_PLAN',
      name: '施工组织设计、安全评估报告及应急处置方案',
      nameEn: 'Construction plan, safety assessment and emergency plan',
      standard: '施工单位盖章，交通疏导措施明确',
    },
    result(
      'CONSTRUCTION_PERMIT',
      '建筑工程施工许可证',
      'Construction permit',
      'CONSTRUCTION_PERMIT',
    ),
  ],
  GREEN_SPACE: [
    form('工程建设涉及城市绿地树木审批申请表', 'Application for works touching urban green space'),
    {
      code: 'SITE_PLAN',
      name: '施工平面图及树木移植、修剪方案',
      nameEn: 'Site plan and tree transplanting or pruning plan',
      standard: '标明现状树木位置、数量及处理方式',
    },
    {
      code: 'RESTORATION',
      name: '项目完工后恢复协议',
      nameEn: 'Agreement to restore the green space after the works',
      standard: '恢复时间和方案明确',
      deficiencyAllowed: true,
    },
    result(
      'PLANNING_PERMIT',
      '建设工程规划许可证',
      'Construction-works planning permit',
      'PLANNING_PERMIT',
    ),
  ],
  WATER_CONNECTION: [
    form('供水装置申请书', 'Application for a water connection'),
    {
      code: 'SITE_PLAN',
      name: '项目总平面图及给排水设计图（电子版）',
      nameEn: 'Site plan and water-supply and drainage drawings (electronic)',
      standard: '标明用水点位置和管径',
    },
  ],
  POWER_CONNECTION: [
    form('用电申请登记表', 'Application for a power connection'),
    {
      code: 'EQUIPMENT_LIST',
      name: '用电设备清单',
      nameEn: 'List of electrical equipment',
      standard: '加盖公章，注明容量',
      deficiencyAllowed: true,
    },
    {
      code: 'SITE_PLAN',
      name: '平面图',
      nameEn: 'Site plan',
      standard: '标明用电位置',
    },
  ],
  GAS_CONNECTION: [
    form('燃气报装申请表', 'Application for a gas connection'),
    {
      code: 'SITE_PLAN',
      name: '区域位置总平面图（标明用气点）',
      nameEn: 'Site plan marking the gas points',
      standard: '复印件加盖公章',
      paper: { originals: 0, copies: 1, size: 'A4' },
    },
    result(
      'CONSTRUCTION_PERMIT',
      '建筑工程施工许可证',
      'Construction permit',
      'CONSTRUCTION_PERMIT',
    ),
  ],
  // ── COMPLETION ───────────────────────────────────────────────────────────────────────────
  JOINT_SURVEYING: [
    form('竣工联合测绘申请表', 'Application for the joint completion survey'),
    {
      code: 'SURVEY_CONTRACT',
      name: '测绘委托合同及测绘单位资质',
      nameEn: 'Survey contract and the surveyor’s qualification',
      standard: '复印件加盖公章',
      source: 'INTERMEDIARY',
    },
  ],
  PLANNING_VERIFICATION: [
    form('建设工程竣工规划核实申请', 'Application for the completion planning verification'),
    result(
      'PLANNING_PERMIT',
      '建设工程规划许可证及附件',
      'Construction-works planning permit with annexes',
      'PLANNING_PERMIT',
    ),
    result(
      'SURVEY_RESULTS',
      '竣工测绘成果（竣工图、房屋测绘报告）',
      'Completion survey results',
      'JOINT_SURVEYING',
    ),
  ],
  FIRE_ACCEPTANCE: [
    form('建设工程消防验收申请表', 'Application for the fire acceptance'),
    {
      code: 'COMPLETION_REPORT',
      name: '工程竣工验收报告及消防设施竣工图',
      nameEn: 'Completion report and as-built fire drawings',
      standard: '建设单位组织的竣工验收结论明确',
    },
    {
      code: 'FIRE_TESTING',
      name: '消防设施检测合格证明',
      nameEn: 'Test certificate of the fire systems',
      standard: '由检测机构出具',
      source: 'INTERMEDIARY',
    },
  ],
  FIRE_FILING: [
    form('建设工程消防验收备案表', 'Fire acceptance filing form'),
    {
      code: 'COMPLETION_REPORT',
      name: '工程竣工验收报告及消防设施竣工图',
      nameEn: 'Completion report and as-built fire drawings',
      standard: '建设单位组织的竣工验收结论明确',
    },
  ],
  CIVIL_AIR_DEFENCE_FILING: [
    form('人民防空工程专项竣工验收备案表', 'Completion filing form of the civil-air-defence works'),
    result(
      'CONSTRUCTION_PERMIT',
      '建筑工程施工许可证',
      'Construction permit',
      'CONSTRUCTION_PERMIT',
    ),
  ],
  ARCHIVES_ACCEPTANCE: [
    form('建设工程档案预验收申请表', 'Application for pre-acceptance of the project archives'),
    {
      code: 'ARCHIVES',
      name: '工程档案（准备、监理、施工文件及竣工图）',
      nameEn: 'Project archives (preparation, supervision, construction files, as-built drawings)',
      standard: '按GB/T 50328整理',
    },
  ],
  COMPLETION_FILING: [
    form('工程竣工验收备案表', 'Completion acceptance filing form'),
    {
      code: 'ACCEPTANCE_REPORT',
      name: '工程竣工验收报告',
      nameEn: 'Completion acceptance report',
      standard: '勘察、设计、施工、监理单位质量合格文件及验收人员签字齐全',
    },
    result(
      'PLANNING_CONFIRMATION',
      '竣工规划核实确认书',
      'Completion planning verification',
      'PLANNING_VERIFICATION',
    ),
    result(
      'FIRE_ACCEPTANCE',
      '特殊建设工程消防验收合格证明',
      'Fire acceptance certificate',
      'FIRE_ACCEPTANCE',
    ),
    {
      code: 'WARRANTY',
      name: '施工单位签署的工程质量保修书',
      nameEn: "The contractor's quality warranty",
      standard: '施工单位签章',
      deficiencyAllowed: true,
    },
  ],
  FIRST_REGISTRATION: [
    form('不动产登记申请书', 'Application for real-estate registration'),
    {
      code: 'IDENTITY',
      name: '申请人身份证明',
      nameEn: "The applicant's identity papers",
      standard: '验原件收复印件',
      paper: { originals: 0, copies: 1, size: 'A4' },
    },
    result(
      'PLANNING_CONFIRMATION',
      '建设工程符合规划的材料',
      'Proof the works conform to the plan',
      'PLANNING_VERIFICATION',
    ),
    result(
      'COMPLETION',
      '房屋已竣工的材料',
      'Proof the building is completed',
      'COMPLETION_FILING',
    ),
    result(
      'SURVEY_REPORT',
      '房地产调查报告或测绘报告',
      'Real-estate survey report',
      'JOINT_SURVEYING',
    ),
    {
      code: 'TAX_RECEIPTS',
      name: '相关税费缴纳凭证',
      nameEn: 'Receipts of the taxes and fees paid',
      standard: '税务机关出具',
      source: 'GOVERNMENT',
      deficiencyAllowed: true,
    },
  ],
};
