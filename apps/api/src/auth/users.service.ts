import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  UnauthorizedException,
} from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import * as bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import { OidcProvisioning, appConfig } from '../../../../libs/config/src';
import { defaultCatalog } from '../../../../libs/domain/src';
import {
  DEFAULT_REGION,
  Role,
  UserRecord,
  findOrganisation,
  organisationName,
  publishedDepartmentExists,
  insertOrganisation,
} from '../../../../libs/persistence/src';
import { accountShapeProblem, isRole } from './account-rules';

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  organisation?: string;
  department?: string;
  displayName?: string;
  /** Where notices are mailed (demo accounts: `<username>@demo.local`). */
  email?: string;
  isDemo?: boolean;
  /** An initial password handed out: the user must set their own at first sign-in. */
  mustChangePassword?: boolean;
  /** Agents: on the government's agent team (the service centre assigns them as specialists). */
  agentTeam?: boolean;
  /** Window officers: their region's code (the default region when none is given). */
  region?: string;
}

/** The demo accounts' organisations, with credit codes whose check characters are right. */
export const DEMO_ORGANISATIONS = [
  { code: 'org-a', name: '甲建设公司', creditCode: '91110108MA01A2B3CF' },
  { code: 'org-b', name: '乙置业公司', creditCode: '91310115MA1K4D5E6D' },
];

const BCRYPT_COST = 10;

/** The demo accounts of docs/design.md §6 (password `demo`), for the embedded default only. */
export function demoAccounts(): NewUser[] {
  const base: NewUser[] = [
    {
      username: 'applicant',
      password: 'demo',
      role: 'APPLICANT',
      organisation: 'org-a',
      displayName: '甲建设公司 申请人',
    },
    {
      username: 'applicant2',
      password: 'demo',
      role: 'APPLICANT',
      organisation: 'org-b',
      displayName: '乙置业公司 申请人',
    },
    { username: 'agent', password: 'demo', role: 'AGENT', displayName: '帮办代办员' },
    {
      username: 'specialist',
      password: 'demo',
      role: 'AGENT',
      agentTeam: true,
      displayName: '代办专员',
    },
    { username: 'window', password: 'demo', role: 'WINDOW_OFFICER', displayName: '综合窗口' },
    { username: 'centre', password: 'demo', role: 'SERVICE_CENTRE', displayName: '政务服务中心' },
    { username: 'supervisor', password: 'demo', role: 'SUPERVISOR', displayName: '电子监察' },
    { username: 'admin', password: 'demo', role: 'ADMIN', displayName: '系统管理员' },
  ];
  for (const d of defaultCatalog.departments) {
    base.push({
      username: `officer.${d.code}`,
      password: 'demo',
      role: 'REVIEWING_OFFICER',
      department: d.code,
      displayName: `${d.name} 审批人员`,
    });
    base.push({
      username: `head.${d.code}`,
      password: 'demo',
      role: 'DEPARTMENT_HEAD',
      department: d.code,
      displayName: `${d.name} 负责人`,
    });
  }
  return base.map((u) => ({ ...u, email: `${u.username}@demo.local`, isDemo: true }));
}

function departmentNames(code: string) {
  const d = defaultCatalog.departments.find((x) => x.code === code);
  return d ? { departmentName: d.name, departmentNameEn: d.nameEn } : {};
}

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly log = new Logger(UsersService.name);
  private dummyHash?: string;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  private get repo() {
    return this.ds.getRepository(UserRecord);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.app.embedded) {
      for (const org of DEMO_ORGANISATIONS) await insertOrganisation(this.ds, org);
      const created = await this.ensure(demoAccounts());
      if (created) this.log.log(`created ${created} demo accounts (password "demo")`);
    }
    if (this.app.nodeEnv === 'production') {
      const demo = await this.repo.count({ where: { isDemo: true } });
      if (demo > 0) {
        throw new Error(
          `refusing to start in production with ${demo} demo accounts (password "demo"): delete them (DELETE FROM users WHERE is_demo) first`,
        );
      }
    }
  }

  /** The demo accounts present, in a stable order: applicants first, then staff by role. */
  async demoAccounts() {
    const rows = await this.repo.find({ where: { isDemo: true }, order: { username: 'ASC' } });
    const order = demoAccounts().map((u) => u.username);
    return rows
      .sort((a, b) => order.indexOf(a.username) - order.indexOf(b.username))
      .map((u) => ({
        username: u.username,
        role: u.role,
        displayName: u.displayName,
        ...(u.organisation ? { organisation: u.organisation } : {}),
        ...(u.department ? { department: u.department, ...departmentNames(u.department) } : {}),
      }));
  }

  findByUsername(username: string) {
    return this.repo.findOneBy({ username });
  }

  findById(id: string) {
    return this.repo.findOneBy({ id });
  }

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, BCRYPT_COST);
  }

  /** An organisation's name (its code when the administrator holds none). */
  organisationName(code: string): Promise<string> {
    return organisationName(this.ds, code);
  }

  async setPassword(userId: string, password: string): Promise<void> {
    await this.repo.update(
      { id: userId },
      {
        passwordHash: await this.hash(password),
        mustChangePassword: false,
        passwordChangedAt: new Date(),
      },
    );
  }

  /** Creates the users that do not exist yet; returns how many it created. */
  async ensure(users: NewUser[]): Promise<number> {
    let created = 0;
    for (const u of users) {
      const res = await this.repo
        .createQueryBuilder()
        .insert()
        .values({
          username: u.username,
          passwordHash: await bcrypt.hash(u.password, BCRYPT_COST),
          role: u.role,
          organisation: u.organisation ?? null,
          department: u.department ?? null,
          region: u.role === 'WINDOW_OFFICER' ? (u.region ?? DEFAULT_REGION) : null,
          displayName: u.displayName ?? u.username,
          email: u.email ?? null,
          isDemo: u.isDemo ?? false,
          mustChangePassword: u.mustChangePassword ?? false,
          agentTeam: u.agentTeam ?? false,
        })
        .orIgnore()
        .execute();
      created += res.identifiers.filter(Boolean).length;
    }
    return created;
  }

  /**
   * A user the OIDC issuer vouches for but who has no row yet, made from the token's claims
   * (OIDC_CREATE_USERS). They sign in through the issuer only: the password is random.
   */
  async provision(
    username: string,
    claims: Record<string, unknown>,
    p: OidcProvisioning,
  ): Promise<UserRecord> {
    const str = (name: string) => {
      const v = claims[name];
      return typeof v === 'string' && v !== '' && v.length <= 200 ? v : null;
    };
    const claimed = claims[p.roleClaim];
    const role = isRole(claimed) ? claimed : p.defaultRole;
    if (!isRole(role)) {
      throw new UnauthorizedException(`the issuer's claim ${p.roleClaim} names no role`);
    }
    const shape = {
      role,
      organisation: role === 'APPLICANT' ? str(p.organisationClaim) : null,
      department: ['REVIEWING_OFFICER', 'DEPARTMENT_HEAD'].includes(role)
        ? str(p.departmentClaim)
        : null,
    };
    const problem = await accountShapeProblem(
      shape,
      async (code) => (await findOrganisation(this.ds, code)) !== null,
      (code) => publishedDepartmentExists(this.ds, code),
    );
    if (problem) {
      throw new UnauthorizedException(`the issuer's claims make no valid account: ${problem}`);
    }
    await this.ensure([
      {
        username,
        password: randomBytes(32).toString('base64url'),
        ...shape,
        organisation: shape.organisation ?? undefined,
        department: shape.department ?? undefined,
        displayName: str(p.nameClaim) ?? username,
        email: str('email') ?? undefined,
      },
    ]);
    this.log.log(`created ${username} (${role}) from the OIDC issuer's claims`);
    return (await this.findByUsername(username))!;
  }

  /**
   * Passwords checked with bcrypt by this instance since it started: what a burst of sign-ins
   * cost (the lockout allows LOGIN_LOCK_THRESHOLD per account and lock); read by the tests.
   */
  passwordChecks = 0;

  /** Checks a password in the same time whether or not the user exists (or is disabled). */
  async verify(username: string, password: string): Promise<UserRecord | null> {
    const user = await this.findByUsername(username);
    this.dummyHash ??= await bcrypt.hash('not-a-password', BCRYPT_COST);
    this.passwordChecks++;
    const ok = await bcrypt.compare(password, user?.passwordHash ?? this.dummyHash);
    return user && ok ? user : null;
  }
}
