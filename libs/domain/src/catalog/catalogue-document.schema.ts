import { PROJECT_TYPES, STAGE_CODES } from '../project-types';
import { DEPARTMENT_CODE_PATTERN } from './load-catalog';
import { ITEM_CODE_PATTERN, STANDARD_ITEM_CODE_PATTERN } from './load-item';
import { MATERIAL_CODE_PATTERN } from './load-materials';
import { DEPARTMENT_LEVELS, JOINT_PROCEDURES, MATERIAL_SOURCES } from './types';

/*
 * The JSON Schema (draft 2020-12) of a catalogue version document, published at
 * `GET /api/catalogue/schema` so a city prepares its file with any schema-aware editor. It states
 * the shape; the cross-references (unknown department, prerequisite cycles, promised above
 * statutory, conditions on unknown questions) are checked by `loadCatalogueDocument`.
 */

const text = { type: 'string', minLength: 1 } as const;
const days = { type: 'integer', minimum: 1 } as const;
const names = { name: text, nameEn: text } as const;

const rule = {
  oneOf: [
    {
      type: 'object',
      required: ['question', 'anyOf'],
      properties: { question: text, anyOf: { type: 'array', minItems: 1, items: text } },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['all'],
      properties: { all: { type: 'array', minItems: 1, items: { $ref: '#/$defs/rule' } } },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['any'],
      properties: { any: { type: 'array', minItems: 1, items: { $ref: '#/$defs/rule' } } },
      additionalProperties: false,
    },
  ],
};

const nullableRule = { oneOf: [{ type: 'null' }, { $ref: '#/$defs/rule' }] };

const material = {
  type: 'object',
  required: ['code', 'name', 'nameEn', 'standard'],
  properties: {
    code: { type: 'string', pattern: MATERIAL_CODE_PATTERN.source },
    ...names,
    source: { enum: MATERIAL_SOURCES },
    producedBy: { oneOf: [text, { type: 'array', items: text }, { type: 'null' }] },
    paper: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['originals', 'copies'],
          properties: {
            originals: { type: 'integer', minimum: 0, maximum: 20 },
            copies: { type: 'integer', minimum: 0, maximum: 20 },
            size: { enum: ['A3', 'A4', 'A5'] },
          },
        },
      ],
    },
    deficiencyAllowed: { type: 'boolean' },
    template: { type: ['string', 'null'] },
    standard: text,
    /** In English; default: the built-in translation of `standard` (standards-en.ts). */
    standardEn: text,
    requiredWhen: nullableRule,
    waivedWhen: nullableRule,
  },
};

const byType = Object.fromEntries(PROJECT_TYPES.map((t) => [t, days]));

export const catalogueDocumentSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://parallel-approvals.example/schemas/catalogue-version.json',
  title: 'Catalogue version',
  description: "One version of a region's approval catalogue (items, themes, departments, limits)",
  type: 'object',
  required: ['version', 'region', 'departments', 'stages', 'themes', 'items', 'policies'],
  properties: {
    version: text,
    region: { type: 'string', pattern: '^(CN|\\d{6})$' },
    departments: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'name', 'nameEn', 'kind', 'level', 'region'],
        properties: {
          code: { type: 'string', pattern: DEPARTMENT_CODE_PATTERN.source },
          ...names,
          kind: { enum: ['GOVERNMENT', 'UTILITY'] },
          level: { enum: DEPARTMENT_LEVELS },
          region: { type: 'string', pattern: '^(CN|\\d{6})$' },
        },
      },
    },
    stages: {
      type: 'array',
      minItems: STAGE_CODES.length,
      maxItems: STAGE_CODES.length,
      items: {
        type: 'object',
        required: ['code', 'name', 'nameEn', 'nationalStages'],
        properties: {
          code: { enum: STAGE_CODES },
          ...names,
          nationalStages: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 4 } },
        },
      },
    },
    themes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'stage', 'name', 'nameEn'],
        properties: {
          code: { type: 'string', pattern: ITEM_CODE_PATTERN.source },
          stage: { enum: STAGE_CODES },
          ...names,
        },
      },
    },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'code',
          'name',
          'nameEn',
          'stage',
          'theme',
          'department',
          'promisedLimitDays',
          'statutoryLimitDays',
          'statutoryBasis',
          'requiredWhen',
        ],
        properties: {
          code: { type: 'string', pattern: ITEM_CODE_PATTERN.source },
          ...names,
          stage: { enum: STAGE_CODES },
          theme: text,
          department: text,
          promisedLimitDays: days,
          promisedLimitDaysByType: {
            type: ['object', 'null'],
            properties: byType,
            additionalProperties: false,
          },
          statutoryLimitDays: days,
          statutoryBasis: { enum: ['SPECIFIC', 'GENERAL_RULE'] },
          prerequisites: { type: 'array', items: text },
          jointProcedure: { enum: [...JOINT_PROCEDURES, null] },
          requiredWhen: { $ref: '#/$defs/rule' },
          waivedWhen: nullableRule,
          waiverNote: { type: ['string', 'null'] },
          waiverNoteEn: { type: ['string', 'null'] },
          referenceNos: { type: 'array', items: { type: 'integer', minimum: 1 } },
          sources: { type: 'string' },
          materials: { type: 'array', items: material },
          /** 对应标准审批事项编码 (DYBZSPSXBM), the national standard item code; null: none. */
          standardCode: {
            oneOf: [
              { type: 'null' },
              { type: 'string', pattern: STANDARD_ITEM_CODE_PATTERN.source },
            ],
          },
          commitment: {
            type: ['object', 'null'],
            properties: { checkDays: days },
            additionalProperties: false,
          },
        },
      },
    },
    policies: {
      type: 'object',
      required: ['byType'],
      properties: {
        version: text,
        byType: {
          type: 'object',
          required: [...PROJECT_TYPES],
          properties: Object.fromEntries(
            PROJECT_TYPES.map((t) => [
              t,
              {
                type: 'object',
                required: ['limitDays', 'warning'],
                properties: {
                  limitDays: days,
                  stageBudgets: {
                    type: ['object', 'null'],
                    properties: Object.fromEntries(STAGE_CODES.map((s) => [s, days])),
                    additionalProperties: false,
                  },
                  preReviewAutoAccept: { type: 'boolean' },
                  acceptPerTheme: { type: 'boolean' },
                  warning: {
                    type: 'object',
                    required: ['usedPercent', 'daysLeft'],
                    properties: {
                      usedPercent: { type: 'integer', minimum: 1, maximum: 100 },
                      daysLeft: { type: 'integer', minimum: 0 },
                    },
                  },
                },
              },
            ]),
          ),
        },
      },
    },
  },
  $defs: { rule },
} as const;
