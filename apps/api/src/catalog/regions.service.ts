import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DEFAULT_REGION,
  findRegion,
  insertRegion,
  listRegions,
  type RegionLevel,
  type RegionRow,
} from '../../../../libs/persistence/src';

/** Below each level, the next one; a district has no regions below it. */
const CHILD_LEVEL: Partial<Record<RegionLevel, RegionLevel>> = {
  COUNTRY: 'PROVINCE',
  PROVINCE: 'CITY',
  CITY: 'DISTRICT',
};
/** How many leading digits of a child's code are its parent's (GB/T 2260). */
const PREFIX: Partial<Record<RegionLevel, number>> = { PROVINCE: 2, CITY: 4 };

/** How the API answers a region: a province's parent is none (the national default is no division). */
const answered = (r: RegionRow): RegionRow =>
  r.parent === DEFAULT_REGION ? { ...r, parent: null } : r;

/**
 * The region tree: provinces, cities and districts by their 6-digit administrative division
 * codes (GB/T 2260), each a child of the level above; stored under the national default `CN`,
 * which holds the built-in catalogue and is answered apart from the tree.
 */
@Injectable()
export class RegionsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The province → city → district tree, and the national default region. */
  async tree(): Promise<{ items: RegionRow[]; defaultRegion: RegionRow }> {
    const all = await listRegions(this.ds);
    return {
      items: all.filter((r) => r.level !== 'COUNTRY').map(answered),
      defaultRegion: all.find((r) => r.code === DEFAULT_REGION)!,
    };
  }

  /** The region's code, or the default region's when none is given; 400 naming `region`. */
  async resolve(code: string | undefined): Promise<string> {
    if (code === undefined) return DEFAULT_REGION;
    if (!(await findRegion(this.ds, code)))
      throw new BadRequestException(`region: unknown region ${JSON.stringify(code)}`);
    return code;
  }

  /** A province when no parent (or the national default) is given. */
  async create(input: { code: string; name: string; parent?: string | null }): Promise<RegionRow> {
    const parentCode = input.parent ?? DEFAULT_REGION;
    const parent = await findRegion(this.ds, parentCode);
    if (!parent) throw new BadRequestException(`parent: unknown region ${parentCode}`);
    const level = CHILD_LEVEL[parent.level];
    if (!level) throw new BadRequestException(`parent: a ${parent.level} has no regions below it`);
    const prefix = PREFIX[parent.level];
    if (prefix && input.code.slice(0, prefix) !== parent.code.slice(0, prefix))
      throw new BadRequestException(
        `code: a region of ${parent.code} starts with ${parent.code.slice(0, prefix)}`,
      );
    if (level === 'PROVINCE' && !input.code.endsWith('0000'))
      throw new BadRequestException('code: a province code ends in 0000');
    const row: RegionRow = { code: input.code, name: input.name, level, parent: parent.code };
    if (!(await insertRegion(this.ds, row)))
      throw new ConflictException(`code: region ${input.code} exists`);
    return answered(row);
  }
}
