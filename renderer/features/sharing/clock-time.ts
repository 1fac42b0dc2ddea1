/** 24-hour local wall-clock time with seconds, as the rest of the war room shows times. */
export const clockTime = (t: number): string =>
  new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
