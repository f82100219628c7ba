import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  UserRecord,
  contactChangesOf,
  findRegion,
  type ContactChange,
  type RegionRow,
} from '../../../../libs/persistence/src';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiProjectId, ProjectIdPipe } from '../common/route-params';
import { refusalBody } from '../common/refusal-body';
import { Target, type CommandTarget } from './command-target';
import { HandOverDto } from './dto/contact.dto';
import { ProjectCommandsService } from './project-commands.service';
import { ProjectsService } from './projects.service';

class ContactRegionDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['COUNTRY', 'PROVINCE', 'CITY', 'DISTRICT'] }) level!: RegionRow['level'];
}

class ContactPersonDto {
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  /** How the applicant reaches them. */
  @ApiPropertyOptional({ type: String, nullable: true }) email!: string | null;
  /** The window's region (and so its level). */
  @ApiPropertyOptional({ type: ContactRegionDto, nullable: true })
  region!: ContactRegionDto | null;
}

class ContactChangeDto {
  @ApiProperty() at!: string;
  @ApiProperty({ enum: ['FIRST_ACCEPTANCE', 'HAND_OVER'] }) kind!: ContactChange['kind'];
  /** Who accepted, or who handed over. */
  @ApiProperty() by!: string;
  @ApiProperty() contact!: string;
  @ApiPropertyOptional() reason?: string;
}

export class ProjectContactDto {
  /** The responsible window now; null until a window has accepted a stage. */
  @ApiPropertyOptional({ type: ContactPersonDto, nullable: true })
  contact!: ContactPersonDto | null;
  @ApiPropertyOptional({ type: String, nullable: true }) since!: string | null;
  @ApiProperty({ type: [ContactChangeDto] }) changes!: ContactChangeDto[];
}

/**
 * 首接负责制: the window officer who first accepts a project is its responsible contact, shown to
 * the applicant with a name and an address, until a recorded hand-over to a window of another
 * level or region. The hand-over is a workflow command, so the timeline holds it in order.
 */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ContactController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly projects: ProjectsService,
    private readonly commands: ProjectCommandsService,
  ) {}

  /** Anyone who sees the project. */
  @ApiProjectId()
  @ApiOkResponse({ type: ProjectContactDto })
  @Get(':id/contact')
  async get(
    @CurrentUser() user: Principal,
    @Param('id', ProjectIdPipe) id: string,
  ): Promise<ProjectContactDto> {
    await this.projects.load(user, id);
    return this.contactOf(id);
  }

  /**
   * The responsible window hands the project over (a supervisor may too, when the contact is
   * away): 409 when no window has accepted yet or the caller is not the contact; 400 naming
   * `toWindow` when it is not an active window officer of another region (and so, a region
   * having a level, of another level or region) than the contact's.
   */
  @ApiProjectId()
  @ApiOkResponse({ type: ProjectContactDto })
  @ApiConflictResponse({ description: 'No contact yet, or the caller is not the contact' })
  @Roles('WINDOW_OFFICER', 'SUPERVISOR')
  @Post(':id/hand-over')
  @HttpCode(200)
  async handOver(@Target() t: CommandTarget, @Body() body: HandOverDto) {
    await this.projects.load(t.user, t.projectId);
    const now = (await contactChangesOf(this.ds, t.projectId)).at(-1);
    if (!now)
      throw new ConflictException(
        refusalBody('no window has accepted the project yet: it has no contact to hand over', {
          key: 'NO_CONTACT',
        }),
      );
    if (t.user.role === 'WINDOW_OFFICER' && now.contact !== t.user.username)
      throw new ConflictException(
        refusalBody(`only the responsible window (${now.contact}) hands the project over`, {
          key: 'NOT_CONTACT',
          params: { contact: await this.nameOf(now.contact) },
        }),
      );
    const to = await this.ds.getRepository(UserRecord).findOneBy({ username: body.toWindow });
    if (!to || to.disabled || to.role !== 'WINDOW_OFFICER')
      throw new BadRequestException(`toWindow: ${body.toWindow} is not an active window officer`);
    if (to.username === now.contact)
      throw new BadRequestException(`toWindow: ${body.toWindow} is the responsible window already`);
    const from = await this.ds.getRepository(UserRecord).findOneBy({ username: now.contact });
    if (from && to.region === from.region) {
      const region = to.region ? await findRegion(this.ds, to.region) : undefined;
      throw new BadRequestException(
        `toWindow: ${body.toWindow} is a window of the same region as the contact (${region ? `${region.name}, ${region.code}` : 'none'}); a hand-over goes to a window of another level or region`,
      );
    }
    await this.commands.run(
      t.user,
      t.projectId,
      { kind: 'HAND_OVER', from: now.contact, to: to.username, reason: body.reason },
      { key: t.key },
    );
    return this.contactOf(t.projectId);
  }

  private async contactOf(id: string): Promise<ProjectContactDto> {
    const changes = await contactChangesOf(this.ds, id);
    const now = changes.at(-1);
    const person = now
      ? await this.ds.getRepository(UserRecord).findOneBy({ username: now.contact })
      : null;
    return {
      contact: now
        ? {
            username: now.contact,
            displayName: person?.displayName ?? now.contact,
            email: person?.email ?? null,
            region: await this.regionOf(person?.region ?? null),
          }
        : null,
      since: now ? now.at.toISOString() : null,
      changes: changes.map((c) => ({
        at: c.at.toISOString(),
        kind: c.kind,
        by: c.by,
        contact: c.contact,
        ...(c.reason ? { reason: c.reason } : {}),
      })),
    };
  }

  private async regionOf(code: string | null): Promise<ContactRegionDto | null> {
    const r = code ? await findRegion(this.ds, code) : undefined;
    return r ? { code: r.code, name: r.name, level: r.level } : null;
  }

  private async nameOf(username: string): Promise<string> {
    const u = await this.ds.getRepository(UserRecord).findOneBy({ username });
    return u?.displayName ?? username;
  }
}
