import { describe, expect, it } from 'vitest';
import { classify, runs } from '../../../source/ui/format/highlight.js';

describe('highlight', () => {
  it('classes keywords, strings, numbers and comments', () => {
    const text = "select 'a;b', 42 -- note";
    const classes = classify(text, 'postgres');
    expect(runs(text, classes, 0, text.length).filter((run) => run.syntax !== 'plain')).toEqual([
      { text: 'select', syntax: 'keyword' },
      { text: "'a;b'", syntax: 'string' },
      { text: '42', syntax: 'number' },
      { text: '-- note', syntax: 'comment' },
    ]);
  });
  it('leaves identifiers with digits plain', () => {
    const text = 'select t1.c2';
    expect(classify(text, 'sqlite').slice(7)).toEqual(Array(5).fill('plain'));
  });
});
