/**
 * An error nothing caught (a failed promise in a handler, an exception in an
 * event listener) becomes a notice instead of a silent failure or a blank
 * window. The document is never touched here.
 */
export const reportUncaughtErrors = (tell: (message: string) => void): void => {
  const describe = (e: unknown) => (e instanceof Error ? e.message : typeof e === 'string' ? e : 'an unknown error');
  window.addEventListener('error', (event) => tell(`Something went wrong: ${describe(event.error ?? event.message)}. Your incident data is unchanged.`));
  window.addEventListener('unhandledrejection', (event) => tell(`Something went wrong: ${describe(event.reason)}. Your incident data is unchanged.`));
};
