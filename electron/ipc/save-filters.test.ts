import { describe, expect, it } from 'vitest';
import { saveFiltersFor } from './save-filters';

describe('saveFiltersFor', () => {
  it('offers the extension of the suggested name first', () => {
    expect(saveFiltersFor('INC-42 postmortem.md')).toEqual([
      { name: 'MD file', extensions: ['md'] },
      { name: 'All files', extensions: ['*'] },
    ]);
    expect(saveFiltersFor('incident.yjs.bin')[0]).toEqual({ name: 'BIN file', extensions: ['bin'] });
  });

  it.each(['README', '.env', 'trailing.'])('offers only "All files" for %j', (name) => {
    expect(saveFiltersFor(name)).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });
});
