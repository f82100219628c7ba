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

/** A file's size for people: 980 B, 12.3 KB, 4.5 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
