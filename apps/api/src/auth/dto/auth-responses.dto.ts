import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '../../../../../libs/persistence/src';

export class LoginResultDto {
  /** Send as `Authorization: Bearer <accessToken>`. */
  @ApiProperty({ type: String }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  /** Seconds until the access token expires (at most 900 in production). */
  @ApiProperty({ type: 'integer' }) expiresIn!: number;
  /**
   * For POST /api/auth/refresh: one use, answered with a new one. Absent when the client asked
   * for the HttpOnly session cookie instead (X-Refresh-Cookie: 1).
   */
  @ApiPropertyOptional({ type: String }) refreshToken?: string;
  /** Seconds until the refresh token expires. */
  @ApiProperty({ type: 'integer' }) refreshExpiresIn!: number;
  @ApiProperty({ enum: ROLES }) role!: string;
  /** The person's name as the administrator holds it (shown instead of the login). */
  @ApiProperty({ type: String }) displayName!: string;
  /** An initial password: only POST /api/auth/password is open until it is replaced. */
  @ApiProperty() mustChangePassword!: boolean;
}

/** The caller, as the users table says now. */
export class MeDto {
  @ApiProperty({ type: String }) username!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  /** The person's name as the administrator holds it (the header shows it, not the login). */
  @ApiPropertyOptional({ type: String }) displayName?: string;
  /** Applicants: the organisation they act for. */
  @ApiPropertyOptional({ type: String }) organisation?: string;
  /** Applicants: that organisation's name. */
  @ApiPropertyOptional({ type: String }) organisationName?: string;
  /** Officers and department heads: their department. */
  @ApiPropertyOptional({ type: String }) department?: string;
  /** Present and true while an initial password must be replaced. */
  @ApiPropertyOptional() mustChangePassword?: boolean;
}

export class SignedOutDto {
  /** False when the session had already ended. */
  @ApiProperty() signedOut!: boolean;
}

export class PasswordChangedDto {
  /** Other sessions of the user that were ended. */
  @ApiProperty() otherSessionsEnded!: boolean;
}
