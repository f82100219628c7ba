/**
 * Questionnaire answers of typical projects, one place for the demo seed, the tests and the
 * benchmarks (and a starting point for anyone filling in the questionnaire by hand).
 */
export const EXAMPLE_ANSWERS = {
  /** A government-invested school: 80 working days, 26 items in all three stages. */
  school: {
    projectType: 'GOVERNMENT_INVESTED',
    landAcquisition: 'ALLOCATION',
    regionalAssessment: 'NO',
    eiaCategory: 'TABLE',
    civilAirDefence: 'YES',
    fireSpecial: 'YES',
    belowPermitThreshold: 'NO',
    utilities: ['WATER', 'POWER', 'GAS'],
    municipalWorks: ['ROAD_EXCAVATION'],
    culturalRelics: 'NO',
  },
  /** A social-investment warehouse or commercial building on granted land: 35 working days. */
  warehouse: {
    projectType: 'SOCIAL_INVESTMENT',
    landAcquisition: 'GRANT',
    regionalAssessment: 'YES',
    eiaCategory: 'REGISTRATION',
    civilAirDefence: 'NO',
    fireSpecial: 'NO',
    belowPermitThreshold: 'NO',
    utilities: [],
    municipalWorks: [],
    culturalRelics: 'NO',
  },
  /** A simple low-risk warehouse on the owner's land: 12 working days. */
  lowRiskWarehouse: {
    projectType: 'SIMPLE_LOW_RISK',
    landAcquisition: 'OWN_LAND',
    regionalAssessment: 'NO',
    eiaCategory: 'REGISTRATION',
    civilAirDefence: 'NO',
    fireSpecial: 'NO',
    belowPermitThreshold: 'NO',
    utilities: ['WATER'],
    municipalWorks: [],
    culturalRelics: 'NO',
  },
  /** A social-investment office building with civil air defence and fire review. */
  office: {
    projectType: 'SOCIAL_INVESTMENT',
    landAcquisition: 'GRANT',
    regionalAssessment: 'YES',
    eiaCategory: 'REGISTRATION',
    civilAirDefence: 'YES',
    fireSpecial: 'YES',
    belowPermitThreshold: 'NO',
    utilities: ['WATER', 'POWER'],
    municipalWorks: [],
    culturalRelics: 'NO',
  },
  /** A social-investment housing estate with all utilities. */
  housing: {
    projectType: 'SOCIAL_INVESTMENT',
    landAcquisition: 'GRANT',
    regionalAssessment: 'NO',
    eiaCategory: 'TABLE',
    civilAirDefence: 'YES',
    fireSpecial: 'NO',
    belowPermitThreshold: 'NO',
    utilities: ['WATER', 'POWER', 'GAS'],
    municipalWorks: [],
    culturalRelics: 'NO',
  },
} as const satisfies Record<string, Record<string, string | readonly string[]>>;

export type ExampleProject = keyof typeof EXAMPLE_ANSWERS;
