import { convert, formatMessage } from '@syndikit/core';
import { newsml1Ingester, newsmlG2Ingester } from '@syndikit/newsml-g2';
import { nitfIngester } from '@syndikit/nitf';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

/**
 * An invented NewsML-G2 item in the encodings agencies deliver in, through
 * the pipeline with every XML ingester of `.xml` (whichever it asks for the
 * encoding, they read it alike).
 */
const headline = 'Café-Streit in Tübingen beigelegt';
const paragraph = 'Die Gäste hätten ’zu Recht’ geklagt – nun öffnet die Küche früher.';
const item = (declaration: string) => `${declaration}
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example.com:20240512:story1" version="1" standard="NewsML-G2" standardversion="2.35">
<itemMeta><itemClass qcode="ninat:text"/><versionCreated>2024-05-12T10:00:00Z</versionCreated></itemMeta>
<contentMeta><headline>${headline}</headline></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>${paragraph}</p></body></html></inlineXML></contentSet>
</newsItem>
`;

/** windows-1252 bytes of `text`: Latin-1 as itself, `’` and `–` at 0x92 and 0x96. */
const windows1252 = (text: string) =>
  Uint8Array.from([...text], (char) => ({ '’': 0x92, '–': 0x96 })[char] ?? (char.charCodeAt(0) <= 0xff ? char.charCodeAt(0) : Number.NaN));

/** UTF-16BE bytes of `text` after its byte order mark. */
const utf16be = (text: string) =>
  Uint8Array.from([0xfe, 0xff, ...[...text].flatMap((char) => [char.charCodeAt(0) >> 8, char.charCodeAt(0) & 0xff])]);

async function ingest(value: Uint8Array) {
  const file = new VFile({ path: '/content/item.xml', value });
  const result = await convert(file, { root: '/content', ingesters: [newsml1Ingester(), nitfIngester(), newsmlG2Ingester()] });
  return {
    article: result.articles[0],
    messages: file.messages.map((message) => formatMessage(message, 'item.xml')).filter((message) => !message.endsWith('[g2-field]')),
  };
}

describe('a NewsML-G2 item in the encoding its XML declaration names', () => {
  it('reads windows-1252 bytes declared as ISO-8859-1', async () => {
    const { article, messages } = await ingest(windows1252(item('<?xml version="1.0" encoding="ISO-8859-1"?>')));
    expect(article?.headline).toBe(headline);
    expect(JSON.stringify(article?.body)).toContain(paragraph);
    expect(messages).toEqual([
      'item.xml:1:31: info Read as windows-1252, the encoding its XML declaration declares (`ISO-8859-1`) [encoding-declared]',
    ]);
  });

  it('reads UTF-16BE after its byte order mark, a declared UTF-16 agreeing', async () => {
    const { article, messages } = await ingest(utf16be(item('<?xml version="1.0" encoding="UTF-16"?>')));
    expect(article?.headline).toBe(headline);
    expect(JSON.stringify(article?.body)).toContain(paragraph);
    expect(messages).toEqual([
      'item.xml:1:1: info Read as utf-16be, the encoding its byte order mark declares (`utf-16be`) [encoding-declared]',
    ]);
  });
});
