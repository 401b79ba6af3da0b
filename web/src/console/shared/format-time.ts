import dayjs from 'dayjs';

/** Times arrive in UTC; staff read them in the browser's zone, which for the bank is Shanghai. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—';
}
