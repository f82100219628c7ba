import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { creditCodeProblem } from '../../../../libs/domain/src';
import {
  DEFAULT_REGION,
  OrganisationRecord,
  findRegion,
  UserFilter,
  UserRecord,
  findOrganisation,
  publishedDepartmentExists,
  insertOrganisation,
  listOrganisations,
  listUsers,
} from '../../../../libs/persistence/src';
import { AuditService } from '../audit/audit.service';
import { AccountCache } from '../auth/account-cache.service';
import { accountShapeProblem, agentTeamProblem } from '../auth/account-rules';
import { passwordProblem } from '../auth/password-policy';
import type { Principal } from '../auth/principal';
import { SessionsService } from '../auth/sessions.service';
import { UsersService } from '../auth/users.service';
import type {
  CreateOrganisationDto,
  CreateUserDto,
  CreatedUserDto,
  OrganisationDto,
  UpdateUserDto,
  UserDto,
} from './dto/accounts.dto';

/** No 0/O, 1/l/I: an initial password is read off a screen and typed. */
const INITIAL_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

export function initialPassword(length = 16): string {
  let s = '';
  for (let i = 0; i < length; i++) s += INITIAL_ALPHABET[randomInt(INITIAL_ALPHABET.length)];
  return s;
}

const toOrganisationDto = (o: OrganisationRecord): OrganisationDto => ({
  code: o.code,
  name: o.name,
  creditCode: o.creditCode,
  createdAt: o.createdAt.toISOString(),
});

export const toUserDto = (u: UserRecord): UserDto => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  ...(u.organisation ? { organisation: u.organisation } : {}),
  ...(u.department ? { department: u.department } : {}),
  ...(u.email ? { email: u.email } : {}),
  ...(u.region ? { region: u.region } : {}),
  disabled: u.disabled,
  agentTeam: u.agentTeam,
  mustChangePassword: u.mustChangePassword,
  isDemo: u.isDemo,
  createdAt: u.createdAt.toISOString(),
});

/** The administrator's side of accounts: organisations and users. Every change is audited. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly cache: AccountCache,
    private readonly audit: AuditService,
  ) {}

  async organisations(): Promise<OrganisationDto[]> {
    return (await listOrganisations(this.ds)).map(toOrganisationDto);
  }

  async createOrganisation(by: Principal, body: CreateOrganisationDto): Promise<OrganisationDto> {
    const creditCode = body.creditCode.replace(/\s+/g, '').toUpperCase();
    const problem = creditCodeProblem(creditCode);
    if (problem) throw new BadRequestException([`creditCode: ${problem}`]);
    const code = body.code ?? `org-${creditCode.toLowerCase()}`;
    const outcome = await insertOrganisation(this.ds, { code, name: body.name, creditCode });
    if (outcome === 'creditCode') {
      throw new ConflictException(`creditCode: an organisation with ${creditCode} exists`);
    }
    if (outcome === 'code') throw new ConflictException(`code: an organisation ${code} exists`);
    await this.audit.record(
      { action: 'ORGANISATION_CREATED', actor: by.username, subject: code, detail: { creditCode } },
      true,
    );
    return toOrganisationDto((await findOrganisation(this.ds, code))!);
  }

  async list(f: UserFilter): Promise<UserDto[]> {
    return (await listUsers(this.ds, f)).map(toUserDto);
  }

  async create(by: Principal, body: CreateUserDto): Promise<CreatedUserDto> {
    const shape = {
      role: body.role,
      organisation: body.organisation ?? null,
      department: body.department ?? null,
    };
    await this.checkShape(shape);
    const team = agentTeamProblem(body.role, body.agentTeam);
    if (team) throw new BadRequestException([team]);
    const region = await this.regionOf(body.role, body.region, null);
    if (body.password !== undefined) {
      const p = passwordProblem(body.password, body.username, 'password');
      if (p) throw new BadRequestException([p]);
    }
    const password = body.password ?? initialPassword();
    const created = await this.users.ensure([
      {
        username: body.username,
        password,
        role: body.role,
        organisation: body.organisation,
        department: body.department,
        displayName: body.displayName,
        email: body.email,
        agentTeam: body.agentTeam,
        region: region ?? undefined,
        mustChangePassword: true,
      },
    ]);
    if (created === 0) throw new ConflictException(`username: ${body.username} exists`);
    const user = (await this.users.findByUsername(body.username))!;
    await this.audit.record(
      {
        action: 'USER_CREATED',
        actor: by.username,
        subject: user.username,
        detail: {
          role: user.role,
          organisation: user.organisation,
          department: user.department,
          region: user.region,
        },
      },
      true,
    );
    return {
      user: toUserDto(user),
      ...(body.password === undefined ? { initialPassword: password } : {}),
    };
  }

  async update(by: Principal, username: string, body: UpdateUserDto): Promise<UserDto> {
    const user = await this.users.findByUsername(username);
    if (!user) throw new NotFoundException(`user ${username} not found`);
    if (
      user.id === by.userId &&
      (body.disabled === true || (body.role && body.role !== user.role))
    ) {
      throw new ConflictException(
        'you cannot disable your own account or change your own role; ask another administrator',
      );
    }
    const next = {
      role: body.role ?? user.role,
      organisation: body.organisation === undefined ? user.organisation : body.organisation,
      department: body.department === undefined ? user.department : body.department,
    };
    await this.checkShape(next);
    const team = agentTeamProblem(next.role, body.agentTeam);
    if (team) throw new BadRequestException([team]);
    const region = await this.regionOf(next.role, body.region, user.region);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const after = {
      ...next,
      disabled: body.disabled ?? user.disabled,
      displayName: body.displayName ?? user.displayName,
      agentTeam: next.role === 'AGENT' && (body.agentTeam ?? user.agentTeam),
      region,
    };
    for (const k of Object.keys(after) as (keyof typeof after)[]) {
      if (after[k] !== user[k]) changes[k] = { from: user[k], to: after[k] };
    }
    if (Object.keys(changes).length === 0) return toUserDto(user);
    await this.ds.getRepository(UserRecord).update({ id: user.id }, after);
    this.cache.invalidate(user.id);
    if (after.disabled && !user.disabled) {
      await this.sessions.endAllOf(user.id, 'account disabled');
    }
    await this.audit.record(
      { action: 'USER_UPDATED', actor: by.username, subject: user.username, detail: changes },
      true,
    );
    return toUserDto((await this.users.findById(user.id))!);
  }

  /**
   * A window officer's region: the one given (400 naming `region` when unknown), else the one
   * held, else the default region; other roles have none (400 when one is given).
   */
  private async regionOf(
    role: UserDto['role'],
    given: string | undefined,
    held: string | null,
  ): Promise<string | null> {
    if (role !== 'WINDOW_OFFICER') {
      if (given !== undefined)
        throw new BadRequestException([`region: only a window officer has one, not a ${role}`]);
      return null;
    }
    if (given === undefined) return held ?? DEFAULT_REGION;
    if (!(await findRegion(this.ds, given)))
      throw new BadRequestException([`region: unknown region ${JSON.stringify(given)}`]);
    return given;
  }

  private async checkShape(shape: Parameters<typeof accountShapeProblem>[0]): Promise<void> {
    const problem = await accountShapeProblem(
      shape,
      async (code) => (await findOrganisation(this.ds, code)) !== null,
      (code) => publishedDepartmentExists(this.ds, code),
    );
    if (problem) throw new BadRequestException([problem]);
  }
}
