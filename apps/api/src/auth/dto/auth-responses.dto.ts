import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '../../../../../libs/persistence/src';

export class LoginResultDto {
  /** Send as `Authorization: Bearer <accessToken>`. */
  @ApiProperty({ type: String }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  /** Seconds until the token expires. */
  @ApiProperty({ type: 'integer' }) expiresIn!: number;
  @ApiProperty({ enum: ROLES }) role!: string;
}

/** The caller, as its bearer token says. */
export class MeDto {
  @ApiProperty({ type: String }) username!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  /** Applicants: the organisation they act for. */
  @ApiPropertyOptional({ type: String }) organisation?: string;
  /** Officers and department heads: their department. */
  @ApiPropertyOptional({ type: String }) department?: string;
}
