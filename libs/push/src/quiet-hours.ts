/**
 * Quiet hours: a daily span, in the person's own time zone, when nothing is pushed to them (the
 * notification still waits in the app). Minutes after midnight; an end before the start spans
 * midnight (22:00–07:00).
 */
export interface QuietHours {
  start: number;
  end: number;
}

/** `HH:MM` (24 h) → minutes after midnight, or null when it is not a time of day. */
export function minutesOf(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The minute of the day `at` is in `timeZone` (an IANA name; UTC when unknown). */
export function minuteOfDay(at: Date, timeZone: string): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  } catch {
    return at.getUTCHours() * 60 + at.getUTCMinutes();
  }
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

export function isQuiet(quiet: QuietHours | null, at: Date, timeZone: string): boolean {
  if (!quiet) return false;
  const now = minuteOfDay(at, timeZone);
  return quiet.start < quiet.end ? now >= quiet.start && now < quiet.end : now >= quiet.start || now < quiet.end;
}
