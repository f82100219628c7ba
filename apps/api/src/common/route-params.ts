import { BadRequestException, ParseEnumPipe, ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { STAGE_CODES, type StageCode } from '../../../../libs/domain/src';

/** `:id` of a project: a UUID, or 400 naming the parameter. */
export const ProjectIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('id must be a UUID'),
});

export const ApiProjectId = () => ApiParam({ name: 'id', format: 'uuid', type: String });

const STAGES = Object.fromEntries(STAGE_CODES.map((c) => [c, c])) as Record<StageCode, StageCode>;

/** `:stage`: one of the stage codes, or 400 naming the parameter and the codes. */
export const StagePipe = new ParseEnumPipe(STAGES, {
  exceptionFactory: () => new BadRequestException(`stage must be one of ${STAGE_CODES.join(', ')}`),
});

export const ApiStage = () => ApiParam({ name: 'stage', enum: STAGE_CODES });
