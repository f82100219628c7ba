import { Controller, Get } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ROLES, organisationsVisibleTo, peopleVisibleTo } from '../../../../libs/persistence/src';
import { CurrentUser } from '../auth/decorators';
import type { Principal } from '../auth/principal';

export class PersonDto {
  /** The login, as timelines, files and lists record who acted. */
  @ApiProperty() username!: string;
  /** The name a person reads instead of the login. */
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional({ type: String }) department?: string;
  /** On the government's agent team: the service centre may assign them as specialist. */
  @ApiPropertyOptional({ type: Boolean }) agentTeam?: boolean;
  /** Window officers: their region's code (a hand-over goes to a window of another region). */
  @ApiPropertyOptional({ type: String }) region?: string;
  /** A disabled account (still named where it acted). */
  @ApiPropertyOptional({ type: Boolean }) disabled?: boolean;
}

export class OrganisationNameDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class DirectoryDto {
  @ApiProperty({ type: [PersonDto] }) people!: PersonDto[];
  @ApiProperty({ type: [OrganisationNameDto] }) organisations!: OrganisationNameDto[];
}

/**
 * Who is who, for the pages that say who acted and for whom: names instead of logins and
 * organisation codes. Staff and every organisation for staff and agents; an applicant gets
 * staff and its own organisation's people, never another organisation's.
 */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('directory')
export class DirectoryController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get()
  @ApiOkResponse({ type: DirectoryDto })
  async get(@CurrentUser() me: Principal): Promise<DirectoryDto> {
    const own = me.role === 'APPLICANT' ? (me.organisation ?? '') : null;
    const [people, organisations] = await Promise.all([
      peopleVisibleTo(this.ds, own),
      organisationsVisibleTo(this.ds, own),
    ]);
    return {
      people: people.map((r) => ({
        username: r.username,
        displayName: r.displayName,
        role: r.role,
        ...(r.department ? { department: r.department } : {}),
        ...(r.agentTeam ? { agentTeam: true } : {}),
        ...(r.region ? { region: r.region } : {}),
        ...(r.disabled ? { disabled: true } : {}),
      })),
      organisations,
    };
  }
}
