import { escapeControlCharacters, formatMessage } from '@syndikit/core';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

describe('escapeControlCharacters', () => {
  it('shows C0, DEL, C1, line separators and bidirectional marks as escapes', () => {
    expect(escapeControlCharacters('a\nb\r\tc\u0000\u001b[2J\u007f\u0085\u009b\u2028\u202e\u2066\u061c\u200f')).toBe(
      'a\\nb\\r\\tc\\x00\\x1b[2J\\x7f\\x85\\x9b\\u2028\\u202e\\u2066\\u061c\\u200f',
    );
  });

  it('keeps everything else, backslashes and non-Latin text included, so a second pass changes nothing', () => {
    const text = 'Zürich – 東京 \\x1b ok 😀';
    expect(escapeControlCharacters(text)).toBe(text);
    const once = escapeControlCharacters('\u001b]0;title\u0007');
    expect(once).toBe('\\x1b]0;title\\x07');
    expect(escapeControlCharacters(once)).toBe(once);
  });
});

describe('formatMessage', () => {
  it('escapes control characters in the file and the reason, so a message stays one inert line', () => {
    const file = new VFile({ path: '/in/a\nsyndikit: built 1 of 1 articles.md' });
    const message = file.message('Unknown front matter field `\u001b[2Jx` is ignored', {
      ruleId: 'unknown-key',
      place: { line: 2, column: 1 },
    });
    message.fatal = false;
    const line = formatMessage(message, 'a\nsyndikit: built 1 of 1 \u001b]0;title\u0007.md');
    expect(line).toBe(
      'a\\nsyndikit: built 1 of 1 \\x1b]0;title\\x07.md:2:1: warning Unknown front matter field `\\x1b[2Jx` is ignored [unknown-key]',
    );
    expect([...line].filter((character) => character.charCodeAt(0) < 0x20)).toEqual([]);
  });
});
