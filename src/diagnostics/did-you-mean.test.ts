import { describe, expect, it } from 'vitest';
import { didYouMean } from './did-you-mean.js';

describe('did you mean', () => {
  it('names the one closest candidate, a swap of two letters counting as one slip', () => {
    expect(didYouMean('titel', ['title', 'date', 'body'])).toBe('title');
    expect(didYouMean('formts', ['format', 'layout'])).toBe('format');
  });

  it('gives no answer between two candidates as close, unless one has the word\'s own letters', () => {
    expect(didYouMean('h3', ['h1', 'h2'])).toBeUndefined();
    expect(didYouMean('pfd', ['pdf', 'docx', 'ofd'])).toBe('pdf');
  });
});
