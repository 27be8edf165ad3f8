import { parseSafeXml, sniffXmlEncoding } from '@syndikit/xml';
import { describe, expect, it } from 'vitest';

/** The bytes of `text` one to one (every character below U+0100). */
const latin = (text: string) => Uint8Array.from([...text], (char) => char.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);
/** UTF-16 bytes of `text`, in either byte order, without a byte order mark. */
const utf16 = (text: string, order: 'le' | 'be') =>
  Uint8Array.from([...text].flatMap((char) => (order === 'le' ? [char.charCodeAt(0), 0] : [0, char.charCodeAt(0)])));

describe('sniffXmlEncoding', () => {
  it('reads the encoding of the XML declaration, with its place', () => {
    expect(sniffXmlEncoding(latin('<?xml version="1.0" encoding="ISO-8859-1"?>\n<nitf>Caf\xe9</nitf>'))).toEqual({
      label: 'ISO-8859-1',
      source: 'its XML declaration',
      place: { line: 1, column: 31 },
    });
    expect(sniffXmlEncoding(latin("<?xml version='1.0'\n\tencoding = 'windows-1252'?><a/>"))?.place).toEqual({ line: 2, column: 14 });
  });

  it('lets a byte order mark win over the declaration', () => {
    const bom = Uint8Array.from([0xff, 0xfe, ...utf16('<?xml version="1.0" encoding="ISO-8859-1"?><a/>', 'le')]);
    expect(sniffXmlEncoding(bom)).toEqual({ label: 'utf-16le', source: 'its byte order mark' });
    expect(sniffXmlEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, ...latin('<a/>')]))?.label).toBe('utf-8');
  });

  it('tells UTF-16 without a byte order mark by its first `<?` (XML 1.0 Appendix F)', () => {
    expect(sniffXmlEncoding(utf16('<?xml version="1.0"?><a/>', 'be'))?.label).toBe('utf-16be');
    expect(sniffXmlEncoding(utf16('<?xml version="1.0"?><a/>', 'le'))?.label).toBe('utf-16le');
  });

  it('reads nothing without a declaration at the very start, or without an encoding in it', () => {
    expect(sniffXmlEncoding(latin('<nitf>Caf\xe9</nitf>'))).toBeUndefined();
    expect(sniffXmlEncoding(latin('<?xml version="1.0"?>\n<nitf>Caf\xe9</nitf>'))).toBeUndefined();
    expect(sniffXmlEncoding(latin(' <?xml version="1.0" encoding="ISO-8859-1"?><a/>'))).toBeUndefined();
    expect(sniffXmlEncoding(latin('<!-- encoding="ISO-8859-1" --><a/>'))).toBeUndefined();
  });

  it('reads bytes that spell a declared UTF-16 in ASCII, and valid UTF-8 declared otherwise, as UTF-8', () => {
    expect(sniffXmlEncoding(latin('<?xml version="1.0" encoding="UTF-16"?><a/>'))).toBeUndefined();
    expect(sniffXmlEncoding(utf8('<?xml version="1.0" encoding="ISO-8859-1"?><a>Café ’</a>'))).toBeUndefined();
    // Pure ASCII reads the same in both: the declaration stands.
    expect(sniffXmlEncoding(utf8('<?xml version="1.0" encoding="ISO-8859-1"?><a>Cafe</a>'))?.label).toBe('ISO-8859-1');
  });

  it('gives a label the Encoding Standard does not know as written, for the pipeline to refuse', () => {
    expect(sniffXmlEncoding(latin('<?xml version="1.0" encoding="x-unheard-of"?><a/>'))?.label).toBe('x-unheard-of');
  });
});

describe('parseSafeXml and the encoding the text was read in', () => {
  const declared = (label: string) => `<?xml version="1.0" encoding="${label}"?><a>Café</a>`;
  const warnings = (text: string, encoding?: string) => parseSafeXml(text, { encoding }).problems.map((problem) => problem.rule.id);

  it('is quiet when the declaration names the encoding used, by any of its labels', () => {
    expect(warnings(declared('ISO-8859-1'), 'windows-1252')).toEqual([]);
    expect(warnings(declared('latin1'), 'windows-1252')).toEqual([]);
    expect(warnings(declared('UTF-16'), 'utf-16be')).toEqual([]);
    expect(warnings(declared('utf8'))).toEqual([]);
  });

  it('warns where they disagree', () => {
    expect(warnings(declared('ISO-8859-1'))).toEqual(['xml-encoding-declaration']);
    expect(warnings(declared('UTF-16'))).toEqual(['xml-encoding-declaration']);
    expect(parseSafeXml(declared('ISO-8859-1'), { encoding: 'utf-16le' }).problems[0]?.reason).toBe(
      'The XML declaration says encoding "ISO-8859-1", but its first bytes say utf-16le (a byte order mark, or UTF-16 without one) and it is read as utf-16le',
    );
  });
});
