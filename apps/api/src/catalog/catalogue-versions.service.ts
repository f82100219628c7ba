import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CatalogueDocumentError,
  builtInCatalogueDocument,
  defaultCatalogData,
  diffCatalogues,
  loadCatalogueDocument,
  type CatalogueDocument,
  type LoadedCatalogue,
} from '../../../../libs/domain/src';
import {
  DEFAULT_REGION,
  catalogueInForce,
  findCatalogueVersion,
  findRegion,
  insertCatalogueVersion,
  listCatalogueVersions,
  publishCatalogueVersion,
  runningProjectsOf,
  updateDraftDocument,
  upsertSeedVersion,
  type CatalogueVersionRow,
} from '../../../../libs/persistence/src';
import { CalendarService } from '../calendar/calendar.service';

/** The id of the built-in catalogue's version (the default region's seed). */
export const SEED_VERSION_ID = '00000000-0000-4000-8000-00000000c001';
const SEED_EFFECTIVE_FROM = '2000-01-01';

/** A catalogue a project runs on: the version's id and its validated content. */
export interface PinnedCatalogue extends LoadedCatalogue {
  readonly id: string;
}

const issueLines = (err: CatalogueDocumentError) =>
  err.issues.map((i) => `${i.path}: ${i.message}`);

/**
 * Catalogue versions per region: imported as drafts (validated, refused with every problem and
 * its JSON path), published with the date they take effect, compared. New projects take the
 * version in force for their region; published versions never change, so the validated content
 * of each is kept in memory by id.
 */
@Injectable()
export class CatalogueVersionsService implements OnApplicationBootstrap {
  private readonly loaded = new Map<string, LoadedCatalogue>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await upsertSeedVersion(this.ds, {
      id: SEED_VERSION_ID,
      region: DEFAULT_REGION,
      version: defaultCatalogData.version,
      document: builtInCatalogueDocument(DEFAULT_REGION) as unknown as Record<string, unknown>,
      effectiveFrom: SEED_EFFECTIVE_FROM,
    });
  }

  /** Validates a document and stores it as a draft of its region; 400 listing every problem. */
  async import(doc: unknown, by: string) {
    this.validate(doc);
    const document = doc as CatalogueDocument;
    if (!(await findRegion(this.ds, document.region)))
      throw new BadRequestException([`$.region: unknown region ${document.region}`]);
    const id = randomUUID();
    await insertCatalogueVersion(this.ds, {
      id,
      region: document.region,
      version: document.version,
      document: document as unknown as Record<string, unknown>,
      issues: [],
      createdBy: by,
    });
    return this.summary((await findCatalogueVersion(this.ds, id))!);
  }

  async list(region?: string) {
    if (region !== undefined && !(await findRegion(this.ds, region)))
      throw new BadRequestException(`region: unknown region ${region}`);
    const rows = await listCatalogueVersions(this.ds, region);
    const inForce = region ? await catalogueInForce(this.ds, region, this.calendar.today()) : null;
    const running = region ? await runningProjectsOf(this.ds, region) : new Map<null, number>();
    return {
      items: rows.map((r) => this.summary(r, inForce?.id)),
      inForce: inForce?.id ?? null,
      runningProjects: [...running.values()].reduce((a, b) => a + b, 0),
    };
  }

  async document(id: string): Promise<CatalogueDocument> {
    return (await this.find(id)).document as unknown as CatalogueDocument;
  }

  /** Publishes a draft from `effectiveFrom`; projects already running keep their version. */
  async publish(id: string, effectiveFrom: string, by: string) {
    const day = new Date(`${effectiveFrom}T00:00:00Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== effectiveFrom)
      throw new BadRequestException(`effectiveFrom: ${effectiveFrom} is not a date`);
    const row = await this.find(id);
    if (row.status !== 'DRAFT')
      throw new ConflictException(`catalogue version ${id} is already published`);
    this.validate(row.document);
    if (!(await publishCatalogueVersion(this.ds, id, effectiveFrom, by)))
      throw new ConflictException(`catalogue version ${id} is already published`);
    const running = await runningProjectsOf(this.ds, row.region);
    return {
      ...this.summary((await findCatalogueVersion(this.ds, id))!),
      runningProjectsKeepingTheirVersion: [...running.values()].reduce((a, b) => a + b, 0),
    };
  }

  /**
   * Replaces one item of a draft (its code stays): the whole document is validated with the
   * change, and a 400 lists every problem with its path; nothing is stored then.
   */
  async editItem(id: string, code: string, item: Record<string, unknown>) {
    const row = await this.find(id);
    if (row.status !== 'DRAFT')
      throw new ConflictException(`catalogue version ${id} is published: it no longer changes`);
    const items = Array.isArray(row.document.items) ? (row.document.items as unknown[]) : [];
    const at = items.findIndex((i) => (i as { code?: unknown } | null)?.code === code);
    if (at < 0) throw new NotFoundException(`item ${code} is not in catalogue version ${id}`);
    const document = {
      ...row.document,
      items: items.map((old, i) => (i === at ? { ...item, code } : old)),
    };
    this.validate(document);
    if (!(await updateDraftDocument(this.ds, id, document)))
      throw new ConflictException(`catalogue version ${id} is published: it no longer changes`);
    return this.summary(row);
  }

  async diff(from: string, to: string) {
    const [a, b] = [await this.find(from), await this.find(to)];
    return {
      from: this.summary(a),
      to: this.summary(b),
      ...diffCatalogues(
        a.document as unknown as CatalogueDocument,
        b.document as unknown as CatalogueDocument,
      ),
    };
  }

  /** The version in force for a region today (its own, else its parent's, up to the default). */
  async inForce(region: string): Promise<PinnedCatalogue> {
    const row = await catalogueInForce(this.ds, region, this.calendar.today());
    if (!row) throw new BadRequestException(`region: no catalogue is in force for ${region}`);
    return this.load(row);
  }

  /**
   * The published version a project runs on (its state's `catalogueVersion`); undefined when it
   * is gone or not published (the caller falls back on the built-in catalogue).
   */
  async pinned(id: string): Promise<PinnedCatalogue | undefined> {
    const known = this.loaded.get(id);
    if (known) return { id, ...known };
    const row = await findCatalogueVersion(this.ds, id);
    return row?.status === 'PUBLISHED' ? this.load(row) : undefined;
  }

  private load(row: CatalogueVersionRow): PinnedCatalogue {
    let loaded = this.loaded.get(row.id);
    if (!loaded) this.loaded.set(row.id, (loaded = loadCatalogueDocument(row.document)));
    return { id: row.id, ...loaded };
  }

  /** A 400 listing every problem of the document with its JSON path. */
  private validate(doc: unknown): void {
    try {
      loadCatalogueDocument(doc);
    } catch (err) {
      if (err instanceof CatalogueDocumentError) throw new BadRequestException(issueLines(err));
      throw err;
    }
  }

  private async find(id: string): Promise<CatalogueVersionRow> {
    const row = await findCatalogueVersion(this.ds, id);
    if (!row) throw new NotFoundException(`catalogue version ${id} not found`);
    return row;
  }

  private summary(row: Omit<CatalogueVersionRow, 'document'>, inForce?: string) {
    return {
      id: row.id,
      region: row.region,
      version: row.version,
      status: row.status,
      effectiveFrom: row.effectiveFrom,
      createdBy: row.createdBy,
      createdAt: new Date(row.createdAt).toISOString(),
      publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
      inForce: inForce === row.id,
    };
  }
}
