import type { RatingRow, RectificationRecord } from '../../../../libs/persistence/src';
import { itemNames } from '../../../../libs/domain/src';
import type { RatingDto, RectificationDto } from './dto/ratings.dto';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function rectificationView(x: RectificationRecord): RectificationDto {
  return {
    id: x.id,
    projectId: x.projectId,
    projectName: x.projectName,
    itemCode: x.itemCode,
    itemName: x.itemName,
    itemNameEn: itemNames(x.itemCode, x.itemName).en,
    department: x.department,
    score: x.score,
    comment: x.comment,
    status: x.status,
    openedOn: x.openedOn,
    dueDate: x.dueDate,
    dueAt: iso(x.dueAt)!,
    overdueAt: iso(x.overdueAt),
    response: x.response,
    respondedBy: x.respondedBy,
    respondedAt: iso(x.respondedAt),
    respondedOnTime: x.respondedAt === null ? null : x.respondedAt.getTime() < x.dueAt.getTime(),
    satisfied: x.satisfied,
    confirmationNote: x.confirmationNote,
    confirmedBy: x.confirmedBy,
    confirmedAt: iso(x.confirmedAt),
  };
}

export function ratingView(r: RatingRow): RatingDto {
  return {
    id: r.id,
    projectId: r.projectId,
    itemCode: r.itemCode,
    round: r.round,
    department: r.department,
    score: r.score,
    comment: r.comment,
    ratedBy: r.ratedBy,
    onBehalfOf: r.onBehalfOf,
    ratedAt: iso(r.ratedAt)!,
    ratedOn: r.ratedOn,
    rectificationId: r.rectificationId,
    rectificationStatus: r.rectificationStatus,
  };
}
