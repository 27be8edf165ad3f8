import { convert, type EncodingDeclaration, formatMessage, type Ingester } from '@syndikit/core';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { textIngester } from './helpers.js';

/**
 * The text ingester with a declaration of its own, to test the hook alone: a
 * `.dtxt` file may start with the line `charset: <label>` (ASCII), which says
 * how the rest is encoded; the declaration's place is that line.
 */
const declaringIngester: Ingester = {
  ...textIngester,
  name: 'declared-text',
  extensions: ['.dtxt'],
  sniffEncoding(bytes): EncodingDeclaration | undefined {
    const first = /^charset: ([^\n]*)\n/.exec(Buffer.from(bytes.subarray(0, 100)).toString('latin1'));
    return first?.[1] === undefined ? undefined : { label: first[1], source: 'its charset line', place: { line: 1, column: 10 } };
  },
};
const ingesters = [declaringIngester, textIngester];

/** An input of `name` from ASCII text and bytes, in order. */
function input(name: string, ...parts: (string | number[])[]): VFile {
  const bytes = parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part));
  return new VFile({ path: `/site/${name}`, value: Uint8Array.from(bytes) });
}

async function read(file: VFile) {
  const result = await convert(file, { root: '/site', ingesters });
  const article = result.articles[0];
  const body = (article?.body.children ?? []).map((block) =>
    'children' in block ? block.children.map((child) => ('value' in child ? child.value : '')).join('') : '',
  );
  return { article, body, messages: file.messages.map((message) => formatMessage(message)) };
}

describe('an ingester that reads the declared encoding (sniffEncoding)', () => {
  it('decodes the bytes in the declared encoding, by the WHATWG mapping (latin1 is windows-1252), and says so', async () => {
    // 0x92 is ’ in windows-1252 (a C1 control in ISO-8859-1 proper, as Node's own TextDecoder reads it).
    const { article, body, messages } = await read(
      input('a.dtxt', 'charset: latin1\n\nCaf', [0xe9], ' ', [0x92], 'n', [0xe4], 'chst', [0x92], '\n'),
    );
    expect(article).toBeDefined();
    expect(body).toEqual(['Café ’nächst’']);
    expect(messages).toEqual([
      '/site/a.dtxt:1:10: info Read as windows-1252, the encoding its charset line declares (`latin1`) [encoding-declared]',
    ]);
  });

  it('decodes UTF-16LE declared by its byte order mark, which is not binary for its NUL bytes', async () => {
    const utf16 = (text: string) => [...Buffer.from(text, 'utf16le')];
    const ingester: Ingester = {
      ...textIngester,
      extensions: ['.u16'],
      sniffEncoding: () => ({ label: 'utf-16le', source: 'its byte order mark' }),
    };
    const file = new VFile({ path: '/site/b.u16', value: Uint8Array.from([0xff, 0xfe, ...utf16('Headline\n\nGrüße ’\n')]) });
    const result = await convert(file, { root: '/site', ingesters: [ingester] });
    expect(result.articles[0]?.headline).toBe('Headline');
    expect(file.messages.map((message) => formatMessage(message))).toEqual([
      '/site/b.u16:1:1: info Read as utf-16le, the encoding its byte order mark declares (`utf-16le`) [encoding-declared]',
    ]);
    // A NUL character is still binary.
    const binary = new VFile({ path: '/site/c.u16', value: Uint8Array.from([0xff, 0xfe, ...utf16('Headline\nA\0b\n')]) });
    await convert(binary, { root: '/site', ingesters: [ingester] });
    expect(binary.messages.map((message) => formatMessage(message))).toEqual([
      '/site/c.u16:2:2: error File looks binary: it has a NUL character [binary-file]',
    ]);
  });

  it('keeps a declared UTF-8 strict: a bad byte is invalid-utf8 at its line and column, naming the declaration', async () => {
    const { article, messages } = await read(input('c.dtxt', 'charset: UTF-8\n\nAb', [0xe4], 'c\n'));
    expect(article).toBeUndefined();
    expect(messages).toEqual([
      '/site/c.dtxt:3:3: error File is not valid UTF-8, the encoding its charset line declares (`UTF-8`): bad byte 0xE4 at offset 18 [invalid-utf8]',
    ]);
  });

  it('reads an input without a declaration strictly as UTF-8, as before', async () => {
    const { messages } = await read(input('d.dtxt', 'Headline\n\nAb', [0xe4], 'c\n'));
    expect(messages).toEqual(['/site/d.dtxt:3:3: error File is not valid UTF-8: bad byte 0xE4 at offset 12 [invalid-utf8]']);
  });

  it('leaves other ingesters strictly UTF-8: the hook is only for its own extensions', async () => {
    const { messages } = await read(input('e.txt', 'charset: latin1\n\nAb', [0xe4], 'c\n'));
    expect(messages).toEqual(['/site/e.txt:3:3: error File is not valid UTF-8: bad byte 0xE4 at offset 19 [invalid-utf8]']);
  });

  it('reports a label the Encoding Standard does not know, at the declaration', async () => {
    const { article, messages } = await read(input('f.dtxt', 'charset: x-klingon\n\nAbc\n'));
    expect(article).toBeUndefined();
    expect(messages).toEqual([
      '/site/f.dtxt:1:10: error The file declares an encoding that cannot be read: `x-klingon` (its charset line) is not a label of the WHATWG Encoding Standard [unknown-encoding]',
    ]);
  });

  it('reports a label of an encoding the standard refuses to decode (replacement)', async () => {
    const { messages } = await read(input('g.dtxt', 'charset: iso-2022-kr\n\nAbc\n'));
    expect(messages).toEqual([
      '/site/g.dtxt:1:10: error The file declares an encoding that cannot be read: `iso-2022-kr` (its charset line) is an encoding the Encoding Standard does not decode [unknown-encoding]',
    ]);
  });

  it('decodes other encodings strictly too: bytes the encoding does not map are invalid-bytes at their line and column', async () => {
    // 0xDB is unmapped in windows-874 (Thai); 0xA1 is ก.
    const { article, messages } = await read(input('h.dtxt', 'charset: windows-874\n\nTitle\n', [0xa1], 'x', [0xdb], '\n'));
    expect(article).toBeUndefined();
    expect(messages).toEqual([
      '/site/h.dtxt:4:3: error File is not valid windows-874, the encoding its charset line declares (`windows-874`): bytes it does not encode [invalid-bytes]',
    ]);
  });

  it('fails the input, not the build, when the hook throws', async () => {
    const ingester: Ingester = {
      ...textIngester,
      extensions: ['.bad'],
      sniffEncoding: () => {
        throw new Error('boom');
      },
    };
    const file = new VFile({ path: '/site/i.bad', value: Uint8Array.from(Buffer.from('Headline\n')) });
    const result = await convert(file, { root: '/site', ingesters: [ingester] });
    expect(result.articles).toEqual([]);
    expect(file.messages.map((message) => message.ruleId)).toEqual(['ingester-failed']);
  });
});
