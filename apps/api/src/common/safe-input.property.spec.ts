/**
 * Every string field of every body the API takes, through the API's own input pipes, with
 * strings of full UTF-16 — lone surrogates, C0 and C1 controls, bidirectional formatting,
 * line breaks, mixed into ordinary text. A body either passes with nothing in it PostgreSQL
 * would refuse or a name would print wrongly, or is a 400 naming the field: never anything
 * else (which would leave as a 500, or reach a workflow and freeze its read model).
 */
import { ArgumentMetadata, BadRequestException, PipeTransform, Type } from '@nestjs/common';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_ANSWERS, textProblem } from '../../../../libs/domain/src';
import { inputPipes } from '../app.setup';
import {
  CreateOrganisationDto,
  CreateUserDto,
  UpdateUserDto,
  UserQuery,
} from '../accounts/dto/accounts.dto';
import { LoginDto } from '../auth/dto/login.dto';
import { ChangePasswordDto, RefreshDto } from '../auth/dto/session.dto';
import { UpdateMailSettingsDto } from '../notices/dto/notice.dto';
import {
  AcceptanceDto,
  AgentDto,
  CommitmentCheckDto,
  DecisionDto,
  ExtensionDto,
  JointProcedureDto,
  JointResultDto,
  MaterialVerdictDto,
  NoteDto,
  PreReviewCommentDto,
  SubmissionDto,
  WithdrawalDto,
} from '../projects/dto/commands.dto';
import {
  CreateRegionDto,
  PublishVersionDto,
  VersionsQuery,
} from '../catalog/dto/catalogue-versions.dto';
import { CreateProjectDto } from '../projects/dto/create-project.dto';
import { ListProjectsQuery } from '../projects/dto/list-query.dto';
import { ProjectMasterDataDto } from '../projects/dto/master-data.dto';
import { AssignSpecialistDto, KeyReasonDto, PlanDto } from '../projects/dto/key-project.dto';
import { ConfirmationBodyDto, RatingBodyDto, ResponseBodyDto } from '../ratings/dto/ratings.dto';
import { StatisticsQuery } from '../statistics/dto/statistics.dto';
import { ReconciliationQuery } from '../exchange/dto/exchange.dto';
import { HandOverDto } from '../projects/dto/contact.dto';
import { EscalationsQuery } from '../tasks/dto/task.dto';
import { FREE_TEXT_FIELDS } from './safe-input.pipe';

type In = ArgumentMetadata['type'];

/**
 * A valid value of each DTO the API reads from a body or a query, with every string field present
 * (nested ones included). The first test fails when a DTO with a string field is missing here.
 */
const BODIES: [Type<unknown>, Record<string, unknown>, In?][] = [
  [
    CreateProjectDto,
    {
      name: '仓库',
      answers: EXAMPLE_ANSWERS.warehouse,
      ownerOrganisation: 'org-a',
      region: '370700',
      acceptedAt: '2026-03-02',
      projectCode: '2026-440300-47-01-000016',
      constructionUnits: [{ name: '甲公司', creditCode: '91350100M000100Y43' }],
      address: '深圳市南山区',
    },
  ],
  [
    ProjectMasterDataDto,
    {
      projectCode: '2026-440300-47-01-000016',
      constructionUnits: [{ name: '甲公司', creditCode: '91350100M000100Y43' }],
      address: '深圳市南山区',
    },
  ],
  [
    SubmissionDto,
    { note: '材料齐全', materials: [{ name: '申请表', uri: 'https://x/1' }], theme: 'LAND_SITE' },
  ],
  [
    AcceptanceDto,
    {
      decision: 'RETURN',
      theme: 'LAND_SITE',
      reason: '缺少图纸',
      materials: [{ itemCode: 'LAND_PRE_REVIEW', materialCode: 'SITE_PLAN', reason: '模糊' }],
      deficiencies: [
        { itemCode: 'LAND_PRE_REVIEW', materials: ['SITE_PLAN'], dueDate: '2026-03-02' },
      ],
    },
  ],
  [
    DecisionDto,
    {
      action: 'APPROVE',
      comment: '同意',
      deficiency: { description: '图纸', dueDate: '2026-03-02' },
      materials: [{ code: 'SITE_PLAN', reason: '请补盖章' }],
      commitment: '本单位承诺已具备施工条件',
    },
  ],
  [CommitmentCheckDto, { passed: false, comment: '现场核查不符' }],
  [PreReviewCommentDto, { comment: '请补充总平面图' }],
  [MaterialVerdictDto, { verdict: 'NEEDS_CORRECTION', reason: '页码不全' }],
  [NoteDto, { note: '已补正' }],
  [WithdrawalDto, { reason: '项目取消' }],
  [ExtensionDto, { days: 3, reason: '专家论证' }],
  [JointProcedureDto, { type: 'SITE_SURVEY', date: '2026-03-02', itemCodes: ['LAND_PRE_REVIEW'] }],
  [JointResultDto, { passed: true, comment: '通过' }],
  [AgentDto, { agentUsername: 'agent' }],
  [KeyReasonDto, { reason: '市重点工程' }],
  [AssignSpecialistDto, { username: 'specialist' }],
  [PlanDto, { targets: [{ item: 'LAND_PRE_REVIEW', date: '2026-03-02' }] }],
  [RatingBodyDto, { score: 4, comment: '很好' }],
  [ResponseBodyDto, { note: '已整改' }],
  [ConfirmationBodyDto, { satisfied: true, note: '满意' }],
  [LoginDto, { username: 'applicant', password: 'demo' }],
  [RefreshDto, { refreshToken: 'abc' }],
  [ChangePasswordDto, { currentPassword: 'old-password', newPassword: 'a new long password' }],
  [UpdateMailSettingsDto, { email: 'a@example.com', mailNotices: true }],
  [CreateOrganisationDto, { name: '甲公司', creditCode: '91350100M000100Y43', code: 'org-x' }],
  [
    CreateUserDto,
    {
      username: 'u1',
      role: 'APPLICANT',
      organisation: 'org-a',
      department: 'DRC',
      region: '370700',
      displayName: '某人',
      email: 'u@example.com',
      password: 'a long password',
    },
  ],
  [
    UpdateUserDto,
    { organisation: 'org-a', department: 'DRC', region: '370700', displayName: '某人' },
  ],
  [UserQuery, { department: 'DRC', organisation: 'org-a', q: '张' }, 'query'],
  [ListProjectsQuery, { q: '仓库', code: '2026-440300-47-01-000016', department: 'DRC' }, 'query'],
  [StatisticsQuery, { from: '2026-01-01', to: '2026-03-02', department: 'DRC' }, 'query'],
  [EscalationsQuery, { department: 'DRC' }, 'query'],
  [ReconciliationQuery, { day: '2026-03-02' }, 'query'],
  [HandOverDto, { toWindow: 'window.sd', reason: '省级事项' }],
  [CreateRegionDto, { code: '370700', name: '潍坊市', parent: '370000' }],
  [PublishVersionDto, { effectiveFrom: '2026-03-02' }],
  [VersionsQuery, { region: '370700' }, 'query'],
];

/** Every DTO module of the API, so a new one is in the metadata the coverage test reads. */
function loadAllDtos(dir = join(__dirname, '..')): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) loadAllDtos(path);
    else if (/[\\/]dto[\\/][^\\/]+\.ts$/.test(path) && !path.endsWith('.spec.ts'))
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(path);
  }
}

/** The paths of the string leaves of a body, with the field each belongs to. */
function stringLeaves(v: unknown, path = '', field = ''): { path: string[]; field: string }[] {
  if (typeof v === 'string') return [{ path: path.split('\u0001').slice(1), field }];
  if (Array.isArray(v)) return v.flatMap((x, i) => stringLeaves(x, `${path}\u0001${i}`, field));
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => stringLeaves(x, `${path}\u0001${k}`, k));
  return [];
}

// class-transformer's registry of @Type, which its package exports without typings.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

/** The DTO class that declares the leaf at `path` of a body of `dto` (nested through @Type). */
function ownerOf(dto: Type<unknown>, path: string[]): Type<unknown> {
  let owner = dto;
  for (const key of path.slice(0, -1)) {
    if (/^\d+$/.test(key)) continue;
    const nested = defaultMetadataStorage.findTypeMetadata(owner, key)?.typeFunction() as
      Type<unknown> | undefined;
    if (!nested) return owner; // a plain object (answers): its keys are not DTO properties
    owner = nested;
  }
  return owner;
}

const shown = (path: string[]) =>
  path.reduce((s, k) => (/^\d+$/.test(k) ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');

function withValue(body: unknown, path: string[], value: string): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[path[path.length - 1]] = value;
  return copy;
}

const pipes: PipeTransform[] = inputPipes();

/** Node's own check (ES2024), independent of the pipe's. */
const isWellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

async function throughPipes(
  body: unknown,
  metatype: Type<unknown>,
  type: In = 'body',
): Promise<unknown> {
  const meta: ArgumentMetadata = { type, metatype };
  let v = body;
  for (const p of pipes) v = await p.transform(v, meta);
  return v;
}

const messagesOf = (e: BadRequestException): string[] => {
  const m = (e.getResponse() as { message: unknown }).message;
  return Array.isArray(m) ? m.map(String) : [String(m)];
};

/** Characters that broke things or could: what a fuzzer must not leave to luck. */
const hostileChar = fc.constantFrom(
  '\ud83d', // a lone high surrogate (froze a project's read model)
  '\udca9', // a lone low surrogate
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\r',
  '\n',
  '\t',
  '\u000b',
  '\u2028',
  '\u202e',
  '\u202a',
  '\u2066',
  '\u2069',
  '\u200f',
  '\u061c',
  '\ufeff',
  '😀',
);
/** Full UTF-16 (not only well-formed text), and ordinary text with hostile characters in it. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'binary-ascii', maxLength: 30 }),
  fc
    .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), hostileChar), {
      minLength: 1,
      maxLength: 8,
    })
    .map((parts) => parts.join('')),
);

const cases = BODIES.flatMap(([dto, body, type]) =>
  stringLeaves(body).map((leaf) => ({ dto, body, type, ...leaf })),
);

describe('every string field of every body, through the input pipes', () => {
  it('covers every string property of every DTO of the API', () => {
    loadAllDtos();
    const strings = ['isString', 'isEmail', 'matches', 'isLength', 'isISO8601', 'isUUID'];
    // Every class with validation metadata (what the API reads; its answers have none).
    const declared = (
      getMetadataStorage() as unknown as {
        validationMetadatas: Map<Type<unknown>, { name?: string; propertyName: string }[]>;
      }
    ).validationMetadatas;
    const covered = new Set(cases.map((c) => `${ownerOf(c.dto, c.path).name}.${c.field}`));
    const missing = [...declared].flatMap(([target, metas]) =>
      metas
        .filter((m) => strings.includes(m.name ?? ''))
        .map((m) => `${target.name}.${m.propertyName}`)
        .filter((p) => !covered.has(p)),
    );
    expect([...new Set(missing)]).toEqual([]);
  });

  it.each(cases.map((c) => [`${c.dto.name} ${shown(c.path)}`, c]))(
    '%s: stored clean or refused with a 400 naming it',
    async (_name, c) => {
      const path = shown(c.path);
      const kind = FREE_TEXT_FIELDS.has(c.field) ? 'text' : 'line';
      await fc.assert(
        fc.asyncProperty(anyText, async (s) => {
          let out: unknown;
          try {
            out = await throughPipes(withValue(c.body, c.path, s), c.dto, c.type);
          } catch (e) {
            if (!(e instanceof BadRequestException)) throw e;
            const messages = messagesOf(e);
            // Every message names the field (validation names an array's by the array).
            for (const m of messages) expect(m.includes(path) || m.includes(c.field)).toBe(true);
            if (s.includes('\u0000')) {
              expect(messages).toEqual([`${path}: must not contain the NUL character`]);
            } else if (!isWellFormed(s)) {
              expect(messages).toEqual([
                `${path}: must be well-formed Unicode (it holds a lone surrogate)`,
              ]);
            }
            return;
          }
          // Accepted: what goes on holds nothing the database refuses or a name misprints.
          expect(textProblem(s, kind)).toBeUndefined();
          expect(JSON.stringify(out)).toContain(JSON.stringify(s).slice(1, -1));
        }),
        { numRuns: 150, seed: 20261207 },
      );
    },
  );
});
