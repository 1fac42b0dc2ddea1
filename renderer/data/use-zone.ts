import { useEffect, useState } from 'react';
import { wallDate, zoneOf, type Zone } from '@shared/time/wall-clock';
import { useAppStore } from '../store/app-store';

/** The zone times are shown (and typed) in: UTC when the user asked for it, else this device's. */
export const useZone = (): Zone => zoneOf(useAppStore((s) => s.utc));

/** Today's date in `zone` ("2026-12-01"), changing only at midnight, so memoised rows re-render once a day. */
export const useToday = (zone: Zone): string => {
  const [today, setToday] = useState(() => wallDate(Date.now(), zone));
  useEffect(() => {
    const tick = () => setToday(wallDate(Date.now(), zone));
    tick();
    const timer = setInterval(tick, 30_000);
    return () => clearInterval(timer);
  }, [zone]);
  return today;
};
