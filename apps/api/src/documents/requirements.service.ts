import { Injectable } from '@nestjs/common';
import type { ItemState } from '../../../../libs/approval/src';
import {
  defaultCatalog,
  findDepartment,
  findItem,
  type Catalog,
  type Checklist,
  type ChecklistMaterial,
} from '../../../../libs/domain/src';
import type { Principal } from '../auth/principal';
import { CalendarService } from '../calendar/calendar.service';
import { CatalogService } from '../catalog/catalog.service';
import { CatalogueVersionsService } from '../catalog/catalogue-versions.service';
import { ProjectsService } from '../projects/projects.service';
import type { RequirementMaterialDto, RequirementsDto } from './dto/requirements.dto';

/** Where materials are handed in (one line per way), printed on every 一次性告知书. */
export const HAND_IN = {
  online: '本系统项目页面在线提交（上传电子材料）',
  window: '政务服务中心工程建设项目综合受理窗口（纸质材料按份数提交）',
};

type RequirementMaterial = RequirementMaterialDto;

const fromChecklist = (m: ChecklistMaterial, status: string | null): RequirementMaterial => ({
  ...m,
  reason: [...m.reason],
  paper: m.paper ? { ...m.paper } : null,
  status,
});

interface ItemLike {
  code: string;
  name: string;
  nameEn: string;
  stage: string;
  department: string;
  limitDays: number;
  statutoryLimitDays: number;
}

type RequirementItem = ItemLike & { materials: RequirementMaterial[] };

/** An item on the 告知书: what it is, its limits and its materials. */
const requirementItem = (i: ItemLike, materials: RequirementMaterial[]): RequirementItem => ({
  code: i.code,
  name: i.name,
  nameEn: i.nameEn,
  stage: i.stage,
  department: i.department,
  limitDays: i.limitDays,
  statutoryLimitDays: i.statutoryLimitDays,
  materials,
});

/**
 * 一次性告知书: everything a project hands in, told once — each item with its department and
 * limits, each material with whether it is needed and why, who provides it, the paper copies
 * and the acceptance standard, and where to hand in. From a project's state (with where each
 * material stands), or from questionnaire answers before the project exists.
 */
@Injectable()
export class RequirementsService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly catalog: CatalogService,
    private readonly calendar: CalendarService,
    private readonly versions: CatalogueVersionsService,
  ) {}

  /** On the catalogue in force for the region (the default region when absent). */
  async preview(answers: unknown, region?: string): Promise<RequirementsDto> {
    const { list, catalogue } = await this.catalog.forRegion(answers, region);
    return this.build(list, catalogue.catalog);
  }

  async forProject(user: Principal, id: string): Promise<RequirementsDto> {
    const row = await this.projects.load(user, id);
    const state = row.state;
    // The version the project runs on names its departments and describes its materials.
    const pinned = state.catalogueVersion
      ? await this.versions.pinned(state.catalogueVersion)
      : undefined;
    const catalog = pinned?.catalog ?? defaultCatalog;
    const items = state.items.map((i) => requirementItem(i, materialsOf(i, catalog)));
    return {
      projectId: state.projectId,
      projectName: state.name,
      projectCode: row.projectCode,
      projectType: state.type,
      limitDays: state.limitDays,
      ...this.stages(items, catalog),
      waived: [],
      ...this.footer(),
    };
  }

  private build(list: Checklist, catalog: Catalog): RequirementsDto {
    const items = list.stages.flatMap((s) =>
      s.themes.flatMap((t) =>
        t.items.map((i) =>
          requirementItem(
            i,
            i.materials.map((m) => fromChecklist(m, null)),
          ),
        ),
      ),
    );
    return {
      projectId: null,
      projectName: null,
      projectCode: null,
      projectType: list.projectType,
      limitDays: list.limitDays,
      ...this.stages(items, catalog),
      waived: list.waived.map((w) => ({
        code: w.code,
        name: w.name,
        because: w.waivedBecause.map((b) => b.text).join('；'),
        note: w.note,
      })),
      ...this.footer(),
    };
  }

  private stages(items: RequirementItem[], catalog: Catalog = defaultCatalog) {
    return {
      stages: catalog.stages
        .map((s) => ({
          code: s.code,
          name: s.name,
          items: items
            .filter((i) => i.stage === s.code)
            .map(({ stage: _, ...i }) => ({
              ...i,
              departmentName: findDepartment(catalog, i.department)?.name ?? i.department,
            })),
        }))
        .filter((s) => s.items.length > 0),
    };
  }

  private footer() {
    return { handIn: HAND_IN, generatedOn: this.calendar.today() };
  }
}

/** A project item's materials as the catalogue describes them, with where each one stands. */
function materialsOf(item: ItemState, catalog: Catalog): RequirementMaterial[] {
  const catalogued = findItem(catalog, item.code)?.materials ?? [];
  return (item.materials ?? []).map((m) => {
    const c = catalogued.find((x) => x.code === m.code);
    return {
      code: m.code,
      name: m.name,
      nameEn: m.nameEn,
      required: m.required,
      reason: m.reason ?? [],
      source: m.source ?? 'APPLICANT',
      producedBy: m.producedBy ?? null,
      paper: c?.paper ? { ...c.paper } : null,
      deficiencyAllowed: m.deficiencyAllowed === true,
      template: c?.template ?? null,
      standard: c?.standard ?? '',
      standardEn: c?.standardEn ?? '',
      status: m.status,
    };
  });
}
