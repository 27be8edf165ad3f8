import { convert, formatMessage } from '@syndikit/core';
import { nitfIngester } from '@syndikit/nitf';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

/**
 * NITF files in the encodings agencies deliver them in, made here from an
 * invented story: the bytes come from known strings through the encoding's
 * table, so that each test says exactly which bytes the file holds.
 */

/** windows-1252 bytes of `text`: ASCII and U+00A0–U+00FF as themselves, `’` and `–` at 0x92 and 0x96. */
function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = { '’': 0x92, '–': 0x96 };
  return Uint8Array.from([...text], (char) => {
    const code = char.codePointAt(0) ?? 0;
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : high[char];
    if (byte === undefined) throw new TypeError(`Expected a character of windows-1252 but received U+${code.toString(16)}`);
    return byte;
  });
}

/** UTF-16LE bytes of `text` after its byte order mark. */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    bytes[2 + index * 2] = unit & 0xff;
    bytes[3 + index * 2] = unit >> 8;
  }
  return bytes;
}

const headline = 'Café-Streit in Tübingen beigelegt';
const paragraph = 'Der Wirt räumt ein, die Gäste hätten ’zu Recht’ geklagt – nun öffnet die Küche früher.';

function nitf(declaration: string, story = paragraph): string {
  return `${declaration}<nitf>\n<head><title>${headline}</title></head>\n<body>\n<body.head><hedline><hl1>${headline}</hl1></hedline></body.head>\n<body.content><p>${story}</p></body.content>\n</body>\n</nitf>\n`;
}

async function ingest(value: Uint8Array) {
  const file = new VFile({ path: '/content/story.xml', value });
  const result = await convert(file, { root: '/content', ingesters: [nitfIngester()] });
  const article = result.articles[0];
  const body = JSON.stringify(article?.body ?? null);
  return {
    article,
    body,
    messages: file.messages
      .map((message) => formatMessage(message, 'story.xml'))
      // What the reader found where, the same in every encoding.
      .filter((message) => !message.endsWith('[nitf-field]')),
  };
}

describe('a NITF file in the encoding its XML declaration names', () => {
  it('reads windows-1252 bytes declared as ISO-8859-1 (the standard reads that label as windows-1252)', async () => {
    const { article, body, messages } = await ingest(windows1252(nitf('<?xml version="1.0" encoding="ISO-8859-1"?>\n')));
    expect(article?.headline).toBe(headline);
    expect(body).toContain(paragraph);
    expect(messages).toEqual([
      'story.xml:1:31: info Read as windows-1252, the encoding its XML declaration declares (`ISO-8859-1`) [encoding-declared]',
    ]);
  });

  it('reads windows-1252 declared as such, in single quotes', async () => {
    const { article, body, messages } = await ingest(windows1252(nitf("<?xml version='1.0' encoding='windows-1252' standalone='yes'?>\n")));
    expect(article?.headline).toBe(headline);
    expect(body).toContain(paragraph);
    expect(messages.filter((message) => !message.includes('[encoding-declared]'))).toEqual([]);
  });

  it('reads UTF-16LE with a byte order mark, and warns about a declaration that says otherwise', async () => {
    const agreeing = await ingest(utf16le(nitf('<?xml version="1.0" encoding="UTF-16"?>\n')));
    expect(agreeing.article?.headline).toBe(headline);
    expect(agreeing.body).toContain(paragraph);
    expect(agreeing.messages).toEqual([
      'story.xml:1:1: info Read as utf-16le, the encoding its byte order mark declares (`utf-16le`) [encoding-declared]',
    ]);

    const disagreeing = await ingest(utf16le(nitf('<?xml version="1.0" encoding="ISO-8859-1"?>\n')));
    expect(disagreeing.article?.headline).toBe(headline);
    expect(disagreeing.messages).toContain(
      'story.xml:1:31: warning The XML declaration says encoding "ISO-8859-1", but its first bytes say utf-16le (a byte order mark, or UTF-16 without one) and it is read as utf-16le [xml-encoding-declaration]',
    );
  });

  it('keeps a declared UTF-8 strict: a bad byte is invalid-utf8 at its line and column', async () => {
    const bytes = new TextEncoder().encode(nitf('<?xml version="1.0" encoding="UTF-8"?>\n'));
    const at = bytes.indexOf(0x57); // the W of "Der Wirt", on line 6
    bytes[at] = 0xe9; // é in ISO-8859-1, a lone lead byte in UTF-8
    const { article, messages } = await ingest(bytes);
    expect(article).toBeUndefined();
    expect(messages).toEqual([
      `story.xml:6:22: error File is not valid UTF-8, the encoding its XML declaration declares (\`UTF-8\`): bad byte 0xE9 at offset ${at} [invalid-utf8]`,
    ]);
  });

  it('reads a file without a declaration as UTF-8, strictly', async () => {
    const good = await ingest(new TextEncoder().encode(nitf('')));
    expect(good.article?.headline).toBe(headline);
    expect(good.body).toContain(paragraph);
    expect(good.messages).toEqual([]);

    const latin = await ingest(windows1252(nitf('<?xml version="1.0"?>\n')));
    expect(latin.article).toBeUndefined();
    expect(latin.messages).toEqual(['story.xml:3:17: error File is not valid UTF-8: bad byte 0xE9 at offset 45 [invalid-utf8]']);
  });

  it('reads valid UTF-8 mislabelled as ISO-8859-1 as UTF-8, with a warning, not as mojibake', async () => {
    const { article, messages } = await ingest(new TextEncoder().encode(nitf('<?xml version="1.0" encoding="ISO-8859-1"?>\n')));
    expect(article?.headline).toBe(headline);
    expect(messages).toEqual([
      'story.xml:1:31: warning The XML declaration says encoding "ISO-8859-1", but the file is valid UTF-8 and is read as UTF-8 [xml-encoding-declaration]',
    ]);
  });

  it('refuses a label the Encoding Standard does not know, at the declaration', async () => {
    const { article, messages } = await ingest(windows1252(nitf('<?xml version="1.0"\n  encoding="latin-9000"?>\n')));
    expect(article).toBeUndefined();
    expect(messages).toEqual([
      'story.xml:2:13: error The file declares an encoding that cannot be read: `latin-9000` (its XML declaration) is not a label of the WHATWG Encoding Standard [unknown-encoding]',
    ]);
  });
});
