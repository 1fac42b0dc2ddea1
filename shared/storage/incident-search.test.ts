import { describe, expect, it } from 'vitest';
import { matchesTerms, queryTerms, searchTextOf } from './incident-search';

describe('searchTextOf', () => {
  it('keeps each word once, lower-cased, without surrounding punctuation', () => {
    const words = searchTextOf(['Rolled back deploy 2024.11.3, then rolled FORWARD.', '(EU) checkout: eu-west-1 — back']).split(' ');
    expect(words).toEqual(['rolled', 'back', 'deploy', '2024.11.3', 'then', 'forward', 'eu', 'checkout', 'eu-west-1']);
  });

  it('stops at the cap without cutting a word', () => {
    const text = searchTextOf(['alpha beta gamma delta'], 16);
    expect(text).toBe('alpha beta gamma');
    expect(text.length).toBeLessThanOrEqual(16);
  });
});

describe('matching', () => {
  it('needs every query term, each as a substring of some field', () => {
    const fields = ['Checkout down', searchTextOf(['Rolled back deploy 2024.11.3'])];
    expect(matchesTerms(queryTerms('roll checkout'), fields)).toBe(true);
    expect(matchesTerms(queryTerms('2024.11.3'), fields)).toBe(true);
    expect(matchesTerms(queryTerms('ROLLED, deploy'), fields)).toBe(true);
    expect(matchesTerms(queryTerms('rollback checkout'), fields)).toBe(false);
    expect(matchesTerms(queryTerms('payments'), fields)).toBe(false);
  });

  it('matches everything for a blank query', () => {
    expect(queryTerms('  \t ')).toEqual([]);
    expect(matchesTerms(queryTerms(''), [''])).toBe(true);
  });
});
