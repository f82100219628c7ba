/**
 * The demo projects' master data (issue 28), as the online investment approval platform gives it:
 * each project's code, construction unit(s) with their credit codes (check character valid),
 * investment (万元), areas (m²), address, nature and funding.
 */
const ORG_A_UNIT = { name: '甲建设公司', creditCode: '91110108MA01A2B3CF' };
export const MASTER = {
  onTrack: {
    projectCode: '2025-110108-83-01-100231',
    constructionUnits: [{ name: '北京市海淀区教育委员会', creditCode: '11110108000012345A' }],
    totalInvestment: 18600,
    landArea: 24000,
    floorArea: 31500,
    address: '北京市海淀区东升镇学院路 20 号',
    constructionNature: 'NEW',
    fundingSource: 'GOVERNMENT',
  },
  atRisk: {
    projectCode: '2025-110108-59-03-100872',
    constructionUnits: [ORG_A_UNIT],
    totalInvestment: 1200,
    landArea: 6000,
    floorArea: 4800,
    address: '北京市海淀区上庄镇物流园 8 号',
    constructionNature: 'NEW',
    fundingSource: 'PRIVATE',
  },
  overdue: {
    projectCode: '2025-110108-70-03-101455',
    constructionUnits: [
      ORG_A_UNIT,
      { name: '甲建设滨江置业有限公司', creditCode: '91110108MA02C3D4EB' },
    ],
    totalInvestment: 96000,
    landArea: 38000,
    floorArea: 156000,
    address: '北京市海淀区滨江大道 66 号',
    constructionNature: 'NEW',
    fundingSource: 'PRIVATE',
  },
  supplement: {
    projectCode: '2026-110108-65-03-100019',
    constructionUnits: [ORG_A_UNIT],
    totalInvestment: 42000,
    landArea: 15000,
    floorArea: 68000,
    address: '北京市海淀区高新区软件园 3 期',
    constructionNature: 'EXTENSION',
    fundingSource: 'PRIVATE',
  },
  byAgent: {
    projectCode: '2026-310115-70-03-100204',
    constructionUnits: [{ name: '乙置业公司', creditCode: '91310115MA1K4D5E6D' }],
    totalInvestment: 154000,
    landArea: 52000,
    floorArea: 186000,
    address: '上海市浦东新区滨河路 188 弄',
    constructionNature: 'NEW',
    fundingSource: 'PRIVATE',
  },
} as const;
