import { FORMAT_END, FORMAT_START, formatDoc } from '../schema/format-doc';
import { CATALOGUE_END, CATALOGUE_START, catalogueDoc } from './bad-input-catalogue';

/**
 * The README sections generated from the code (npm run docs:format writes them;
 * a unit test fails while the README's copy is stale).
 */
export const GENERATED_SECTIONS = [
  { start: FORMAT_START, end: FORMAT_END, render: formatDoc, heading: '## Document format\n\nWhat a third party needs to read and write a Warroom incident with stock Yjs.' },
  { start: CATALOGUE_START, end: CATALOGUE_END, render: catalogueDoc, heading: '## Bad input\n\nWhat a person is told for each bad input the suite tries (R4 of the reliability suite).' },
] as const;

export const withGeneratedSections = (readme: string): string => {
  let out = readme;
  for (const s of GENERATED_SECTIONS) {
    const start = out.indexOf(s.start);
    const end = out.indexOf(s.end);
    out = start >= 0 && end > start ? out.slice(0, start) + s.render() + out.slice(end + s.end.length) : `${out.trimEnd()}\n\n${s.heading}\n\n${s.render()}\n`;
  }
  return out;
};
