import { describe, expect, it } from 'vitest';
import { localClock, localDateTime, localHourMinute } from './local-time';

describe('local time formats', () => {
  const t = new Date(2026, 10, 27, 9, 5, 7).getTime();
  const ten = new Date(2026, 10, 27, 22, 41, 3).getTime();

  it('uses a 24-hour clock with two digits', () => {
    expect(localHourMinute(t)).toMatch(/^09.05$/);
    expect(localClock(t)).toMatch(/^09.05.07$/);
    expect(localClock(ten)).toMatch(/^22.41.03$/);
  });

  it('gives the date and the time with seconds', () => {
    const s = localDateTime(ten);
    expect(s).toContain('22');
    expect(s).toContain('41');
    expect(s).toContain('03');
    expect(s).toMatch(/26/);
    expect(s).not.toMatch(/PM|AM/i);
  });
});
