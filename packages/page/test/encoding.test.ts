import { describe, expect, it } from 'vitest';
import { convertPage } from './helpers.js';

/**
 * Saved pages in the encodings real ones are saved in, made here from an
 * invented page: the bytes come from known strings through the encoding's
 * table, so that each test says exactly which bytes the page holds.
 */

/** windows-1252 bytes of `text`: ASCII and U+00A0–U+00FF as themselves, and the typographic marks at 0x80–0x9F. */
function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = {
    '€': 0x80,
    '„': 0x84,
    '…': 0x85,
    '‘': 0x91,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
    '–': 0x96,
    '—': 0x97,
  };
  return Uint8Array.from([...text], (char) => {
    const code = char.codePointAt(0) ?? 0;
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : high[char];
    if (byte === undefined) throw new TypeError(`Expected a character of windows-1252 but received U+${code.toString(16)}`);
    return byte;
  });
}

const headline = 'Straßenfest in Mühlbach: Café-Betreiber räumen ab';
const paragraphs = [
  'MÜHLBACH – Das Straßenfest am Samstag hat mehr Besucher angezogen als je zuvor. Die Veranstalter zählten bis zum Abend rund zwölftausend Gäste in der Altstadt, doppelt so viele wie im vergangenen Jahr.',
  'Besonders gefragt waren die Stände der Cafés am Marktplatz. „Wir hatten schon mittags keinen Kuchen mehr“, sagte eine Betreiberin. Der Verein der Händler will das Fest im nächsten Jahr auf zwei Tage verlängern.',
  'Die Stadtverwaltung lobte den friedlichen Verlauf. Es habe nur kleinere Einsätze des Sanitätsdienstes gegeben, hieß es. Für die Anwohner wurden die Straßen um Mitternacht wieder geöffnet.',
  'Im Herbst folgt das nächste Fest: Dann lädt der Verein zum Weinmarkt ein, bei dem Winzer aus der Region ihre Weine vorstellen. Der Eintritt ist frei.',
];
/** The story with `’` (0x92 in windows-1252) and `é`, `ä`, `ü`, `ß` in it. */
const story = paragraphs.map((text) => `<p>${text}</p>`).join('\n');

function page(head: string, body = story): string {
  return `<!doctype html>\n<html lang="de">\n<head>\n${head}\n<title>${headline} | Mühlbacher Bote</title>\n</head>\n<body>\n<article>\n<h1>${headline}</h1>\n<p>Von Jana Röder, 12.05.2024</p>\n${body}\n<p>Es war der Tag der Cafés – und der Tag des Wetters, das ’mitspielte’.</p>\n</article>\n</body>\n</html>\n`;
}

describe('a saved page in the encoding it declares', () => {
  it('reads a page declaring windows-1252 with <meta charset> in it, and says so', async () => {
    const { article, messages, blocks } = await convertPage('fest.html', windows1252(page('<meta charset="windows-1252">')));
    expect(article?.headline).toBe(headline);
    expect(blocks).toContain(paragraphs[1]);
    expect(blocks).toContain('Es war der Tag der Cafés – und der Tag des Wetters, das ’mitspielte’.');
    expect(messages).toContain(
      'fest.html:4:1: info Read as windows-1252, the encoding its <meta> element declares (`windows-1252`) [encoding-declared]',
    );
  });

  it('reads ISO-8859-1 declared by http-equiv as windows-1252, as browsers do (0x92 is ’)', async () => {
    const head =
      '<meta name="viewport" content="width=device-width">\n  <meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1" />';
    const { article, messages, blocks } = await convertPage('fest.html', windows1252(page(head)));
    expect(article?.headline).toBe(headline);
    expect(blocks).toContain('Es war der Tag der Cafés – und der Tag des Wetters, das ’mitspielte’.');
    expect(messages).toContain(
      'fest.html:5:3: info Read as windows-1252, the encoding its <meta> element declares (`ISO-8859-1`) [encoding-declared]',
    );
  });

  it('honours a declaration later in the head than the first 1024 bytes, as a browser does on meeting it', async () => {
    const links = Array.from({ length: 30 }, (_, index) => `<link rel="stylesheet" href="/css/part-${index}.css">`).join('\n');
    const { article, messages } = await convertPage(
      'fest.html',
      windows1252(page(`${links}\n<meta http-equiv="content-type" content="text/html; charset=iso-8859-1"/>`)),
    );
    expect(article?.headline).toBe(headline);
    expect(messages).toContain(
      'fest.html:34:1: info Read as windows-1252, the encoding its <meta> element declares (`iso-8859-1`) [encoding-declared]',
    );
  });

  it('reads a UTF-16LE page by its byte order mark', async () => {
    const { article, messages, blocks } = await convertPage('fest.html', Buffer.from(`\ufeff${page('')}`, 'utf16le'));
    expect(article?.headline).toBe(headline);
    expect(blocks).toContain(paragraphs[0]);
    expect(messages).toContain(
      'fest.html:1:1: info Read as utf-16le, the encoding its byte order mark declares (`utf-16le`) [encoding-declared]',
    );
  });

  it('keeps a page declaring UTF-8 strict: a windows-1252 byte in it is an error at its line and column', async () => {
    // Mislabelled: the bytes are windows-1252, the page says UTF-8.
    const { article, messages } = await convertPage('fest.html', windows1252(page('<meta charset="utf-8">')));
    expect(article).toBeUndefined();
    expect(messages).toEqual([
      'fest.html:5:12: error File is not valid UTF-8, the encoding its <meta> element declares (`utf-8`): bad byte 0xDF at offset 74 [invalid-utf8]',
    ]);
  });

  it('reports a label the Encoding Standard does not know, at its <meta>', async () => {
    const { article, messages } = await convertPage('fest.html', new TextEncoder().encode(page('<meta charset="x-mac-klingon">')));
    expect(article).toBeUndefined();
    expect(messages).toEqual([
      'fest.html:4:1: error The file declares an encoding that cannot be read: `x-mac-klingon` (its <meta> element) is not a label of the WHATWG Encoding Standard [unknown-encoding]',
    ]);
  });

  it('reads a page declaring nothing as UTF-8, and a declaration in a comment is none', async () => {
    const { article, messages } = await convertPage('fest.html', new TextEncoder().encode(page('<!-- <meta charset="windows-1252"> -->')));
    expect(article?.headline).toBe(headline);
    expect(messages.filter((message) => /encoding|utf/.test(message))).toEqual([]);
    const latin = await convertPage('fest.html', windows1252(page('<!-- <meta charset="windows-1252"> -->')));
    expect(latin.messages).toEqual(['fest.html:5:12: error File is not valid UTF-8: bad byte 0xDF at offset 90 [invalid-utf8]']);
  });
});
