import { DataSource } from 'typeorm';
import { ProjectItemRecord } from '../../../../libs/persistence/src';

/** Item states that wait on a department: its queue and its escalations. */
export const WAITING = ['UNDER_REVIEW', 'SUPPLEMENT_REQUESTED', 'SPECIAL_PROCEDURE', 'SUSPENDED'];

/** Items waiting on a department in running projects, as the task rows of DESIGN section 6. */
export function openItemsQuery(ds: DataSource) {
  return ds
    .getRepository(ProjectItemRecord)
    .createQueryBuilder('i')
    .innerJoin('projects', 'p', 'p.id = i.project_id')
    .select(['i.task_id AS "taskId"', 'i.project_id AS "projectId"', 'p.name AS "projectName"'])
    .addSelect([
      'i.code AS "itemCode"',
      'i.name AS "itemName"',
      'i.department AS department',
      'i.status AS status',
      'i.risk AS risk',
      'to_char(i.due_date, \'YYYY-MM-DD\') AS "dueDate"',
    ])
    .where("p.status = 'IN_PROGRESS'")
    .andWhere('i.status IN (:...waiting)', { waiting: WAITING });
}
