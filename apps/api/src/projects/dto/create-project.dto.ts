import { IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';

export class CreateProjectDto {
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsObject({ message: 'answers must be an object { questionId: optionId | [optionId] }' })
  answers!: Record<string, unknown>;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{2}(-[A-Z0-9]{1,10})?$/, { message: 'region must look like CN or CN-44' })
  region?: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  ownerOrganisation?: string;

  /** Import path (administrators): the date the first stage was accepted elsewhere. */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'acceptedAt must be YYYY-MM-DD' })
  acceptedAt?: string;
}
