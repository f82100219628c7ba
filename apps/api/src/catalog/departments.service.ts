import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { defaultCatalog, type Department } from '../../../../libs/domain/src';
import { publishedDepartments } from '../../../../libs/persistence/src';

/**
 * The departments pages name and officers work in: every department of the published catalogue
 * versions, whatever region's (a city's own, a province's), each as its latest version names it;
 * the built-in catalogue's where none is published yet. Read from PostgreSQL each time, so a
 * version another API instance published counts at once.
 */
@Injectable()
export class DepartmentsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async all(): Promise<Department[]> {
    const byCode = new Map<string, Department>(defaultCatalog.departments.map((d) => [d.code, d]));
    for (const d of await publishedDepartments(this.ds)) {
      byCode.set(d.code, {
        code: d.code,
        name: d.name,
        nameEn: d.nameEn ?? d.name,
        kind: d.kind ?? 'GOVERNMENT',
        ...(d.level ? { level: d.level as Department['level'] } : {}),
        ...(d.region ? { region: d.region } : {}),
      });
    }
    return [...byCode.values()];
  }

  async exists(code: string): Promise<boolean> {
    return (await this.all()).some((d) => d.code === code);
  }
}
