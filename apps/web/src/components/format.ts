import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every instant is shown in the approvals' time zone, wherever the browser is. */
export const TIME_ZONE = 'Asia/Shanghai';

export function formatInstant(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DD HH:mm') : '—';
}

/** Today's date in Asia/Shanghai (YYYY-MM-DD). */
export function todayInShanghai(): string {
  return dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');
}
