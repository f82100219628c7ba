import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { ROLES, Role } from '../../../../../libs/persistence/src';

export const ORGANISATION_CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

export class CreateOrganisationDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  /** 统一社会信用代码: 18 characters, GB 32100-2015 check character last. */
  @ApiProperty({ minLength: 18, maxLength: 18, example: '91350100M000100Y43' })
  @IsString()
  @Length(1, 40)
  creditCode!: string;

  /** The key users and projects hold (e.g. `org-a`); by default `org-` and the credit code. */
  @ApiPropertyOptional({ pattern: ORGANISATION_CODE.source })
  @IsOptional()
  @IsString()
  @Matches(ORGANISATION_CODE, { message: 'code: must be 2-63 lowercase letters, digits or -' })
  code?: string;
}

export class OrganisationDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() creditCode!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class OrganisationListDto {
  @ApiProperty({ type: [OrganisationDto] }) items!: OrganisationDto[];
}

export class CreateUserDto {
  @ApiProperty({ pattern: USERNAME.source })
  @IsString()
  @Matches(USERNAME, {
    message: 'username: must be 2-64 letters, digits, . _ or -, starting with a letter or digit',
  })
  username!: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  /** Applicants: the organisation's code. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 63)
  organisation?: string;

  /** Reviewing officers and department heads: the department's code. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 20)
  department?: string;

  @ApiPropertyOptional({ format: 'email' })
  @IsOptional()
  @IsEmail()
  email?: string;

  /** Window officers: their region's code (`GET /api/regions`); the default region when absent. */
  @ApiPropertyOptional({ example: '370700' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  region?: string;

  /** Agents: on the government's agent team (the service centre assigns them as specialists). */
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  agentTeam?: boolean;

  /** Without one, an initial password is made and answered once. */
  @ApiPropertyOptional({ minLength: 10, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  password?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  /** null: none (when the role no longer has one). */
  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @Length(1, 63)
  organisation?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @Length(1, 20)
  department?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  /** Window officers: their region's code; a role other than window officer leaves it. */
  @ApiPropertyOptional({ example: '370700' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  region?: string;

  /** Agents: on the agent team; a role other than agent leaves it. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  agentTeam?: boolean;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  displayName?: string;
}

export class UserQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 20)
  department?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 63)
  organisation?: string;

  /** Part of the username or display name. */
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class UserDto {
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiPropertyOptional() organisation?: string;
  @ApiPropertyOptional() department?: string;
  @ApiPropertyOptional() email?: string;
  /** Window officers: their region's code. */
  @ApiPropertyOptional() region?: string;
  @ApiProperty() disabled!: boolean;
  /** An agent on the government's agent team. */
  @ApiProperty() agentTeam!: boolean;
  /** The initial password has not been replaced yet. */
  @ApiProperty() mustChangePassword!: boolean;
  @ApiProperty() isDemo!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class UserListDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
}

export class CreatedUserDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
  /** Shown once: the user signs in with it and must then choose their own. */
  @ApiPropertyOptional() initialPassword?: string;
}
