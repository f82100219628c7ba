import { BadRequestException, Injectable } from '@nestjs/common';
import {
  AnswersValidationError,
  checklist,
  questionnaire,
  type Checklist,
  type LoadedCatalogue,
} from '../../../../libs/domain/src';
import { CatalogueVersionsService, type PinnedCatalogue } from './catalogue-versions.service';
import { RegionsService } from './regions.service';

/** A checklist on a region's catalogue, with the version it was made from. */
export interface RegionalChecklist {
  readonly list: Checklist;
  readonly region: string;
  readonly catalogue: PinnedCatalogue;
}

@Injectable()
export class CatalogService {
  readonly questionnaire = questionnaire;

  constructor(
    private readonly versions: CatalogueVersionsService,
    private readonly regions: RegionsService,
  ) {}

  /**
   * The checklist on the catalogue in force today for `region` (the default region when absent):
   * 400 naming `region` when it is unknown, or each bad question of the answers.
   */
  async forRegion(answers: unknown, region?: string): Promise<RegionalChecklist> {
    const code = await this.regions.resolve(region);
    const catalogue = await this.versions.inForce(code);
    return { list: this.checklist(answers, catalogue), region: code, catalogue };
  }

  /** Questionnaire answers as a checklist (the built-in catalogue unless given), or a 400. */
  checklist(answers: unknown, on?: LoadedCatalogue): Checklist {
    try {
      return checklist(answers, on ? { catalog: on.catalog, policies: on.policies } : {});
    } catch (err) {
      if (err instanceof AnswersValidationError) {
        throw new BadRequestException(
          err.issues.map((i) => `answers.${i.questionId}: ${i.message}`),
        );
      }
      throw err;
    }
  }
}
