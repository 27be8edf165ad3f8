import { hostileXml } from '@syndikit/testkit';
import { parseSafeXml, reportXmlProblems, scanXml, sniffXml, text, xmlRules } from '@syndikit/xml';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';

const hostile = hostileXml;
const ruleIds = new Set(Object.values(xmlRules).map((rule) => rule.id));

describe('parseSafeXml', () => {
  it('gives a positioned xast tree', () => {
    const { tree, problems } = parseSafeXml('<?xml version="1.0"?>\n<a>\n  <b x="1">hi &amp; bye</b>\n</a>');
    expect(problems).toEqual([]);
    const a = tree?.children.find((node) => node.type === 'element');
    expect(a?.position?.start).toMatchObject({ line: 2, column: 1 });
    expect(text(a)).toBe('hi & bye');
  });

  it('refuses an external entity pointing at /etc/passwd without reading it', () => {
    const { tree, problems } = parseSafeXml(hostile('external-entity.xml'));
    expect(tree).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({ rule: xmlRules.entityDeclaration, severity: 'error', place: { line: 3, column: 3, offset: 62 } }),
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/root:/);
  });

  it('refuses billion laughs before any expansion', () => {
    const { tree, problems } = parseSafeXml(hostile('billion-laughs.xml'));
    expect(tree).toBeUndefined();
    expect(problems.map((problem) => [problem.rule.id, problem.place.line, problem.place.column])).toEqual([
      ['xml-entity-declaration', 3, 3],
    ]);
  });

  it('stops 100,000-deep nesting at the limit without recursing', () => {
    const deep = `<?xml version="1.0"?>\n<nitf><body><body.content>${'<block>'.repeat(100_000)}deep${'</block>'.repeat(100_000)}</body.content></body></nitf>`;
    const { tree, problems } = parseSafeXml(deep);
    expect(tree).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ rule: xmlRules.tooDeep, reason: 'Elements nest more than 256 levels deep' })]);
    expect(problems[0]?.place).toMatchObject({ line: 2, column: 27 + 253 * 7 });
    expect(parseSafeXml(deep, { maxDepth: 10 }).problems[0]?.reason).toBe('Elements nest more than 10 levels deep');
  });

  it('reads a file whose declaration names the wrong encoding, with a warning at the declaration', () => {
    const { tree, problems } = parseSafeXml(hostile('wrong-encoding.xml'));
    expect(tree).toBeDefined();
    expect(problems).toEqual([
      {
        reason: 'The XML declaration says encoding "ISO-8859-1", but the file is valid UTF-8 and is read as UTF-8',
        rule: xmlRules.encodingDeclaration,
        severity: 'warning',
        place: { line: 1, column: 31, offset: 30 },
      },
    ]);
  });

  it('says a truncated file is truncated, at its end, naming the open element', () => {
    const { tree, problems } = parseSafeXml(hostile('truncated.xml'));
    expect(tree).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.rule).toBe(xmlRules.truncated);
    expect(problems[0]?.reason).toBe('The XML ends before <p> (opened at 10:56) is closed: the file looks truncated');
    expect(problems[0]?.place).toMatchObject({ line: 10, column: 113 });
  });

  it('reports undefined entities and syntax errors at their place', () => {
    expect(parseSafeXml('<a>\n &nbsp;</a>').problems).toEqual([
      expect.objectContaining({ rule: xmlRules.undefinedEntity, place: { line: 2, column: 2, offset: 5 } }),
    ]);
    expect(parseSafeXml('<a><b></a></b>').problems).toEqual([expect.objectContaining({ rule: xmlRules.syntax, severity: 'error' })]);
    expect(parseSafeXml('  ').problems[0]?.rule.id).toMatch(/^xml-(empty|syntax|truncated)$/);
  });

  it('never loads an external DTD, and says so', () => {
    const { tree, problems } = parseSafeXml('<!DOCTYPE nitf SYSTEM "http://example.com/nitf.dtd">\n<nitf/>');
    expect(tree).toBeDefined();
    expect(problems).toEqual([expect.objectContaining({ rule: xmlRules.externalDtd, severity: 'info' })]);
  });

  it('bounds length', () => {
    expect(parseSafeXml('<a>xxxxxxxx</a>', { maxLength: 5 }).problems[0]?.rule).toBe(xmlRules.tooLarge);
  });

  it('throws a TypeError on API misuse', () => {
    expect(() => parseSafeXml(1 as unknown as string)).toThrow('Expected a string of XML but received number');
    expect(() => parseSafeXml('<a/>', { maxDepth: -1 })).toThrow('Expected positive integer for maxDepth but received -1 of type number');
  });

  it('reports every problem with a catalogued rule id and a place', () => {
    const file = new VFile({ path: 'x.xml' });
    for (const name of ['external-entity.xml', 'billion-laughs.xml', 'wrong-encoding.xml', 'truncated.xml']) {
      reportXmlProblems(file, parseSafeXml(hostile(name)).problems);
    }
    expect(file.messages.length).toBe(4);
    for (const message of file.messages) {
      expect(ruleIds.has(message.ruleId as string)).toBe(true);
      expect(message.line).toBeGreaterThan(0);
    }
  });
});

describe('scanXml', () => {
  it('skips comments, CDATA and quoted > when counting', () => {
    expect(scanXml('<a t=">"><!-- <b> --><![CDATA[<c>]]><d/></a>', 5).open).toEqual([]);
    expect(scanXml('<a><b>', 5).open.map((entry) => entry.name)).toEqual(['a', 'b']);
  });
});

describe('sniffXml', () => {
  it('tells formats by root and namespace', () => {
    expect(sniffXml('\uFEFF<?xml version="1.0"?>\n<!-- x -->\n<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g">')).toEqual({
      kind: 'newsml-g2',
      root: 'newsItem',
      namespace: 'http://iptc.org/std/nar/2006-10-01/',
    });
    expect(sniffXml('<g2:newsMessage xmlns:g2="http://iptc.org/std/nar/2006-10-01/">')?.kind).toBe('newsml-g2');
    expect(sniffXml('<!DOCTYPE nitf SYSTEM "nitf.dtd">\n<nitf version="-//IPTC//DTD NITF 3.6//EN">')?.kind).toBe('nitf');
    expect(sniffXml('<!DOCTYPE NewsML [ <!ENTITY a "b"> ]><NewsML Version="1.2">')?.kind).toBe('newsml-1');
    expect(sniffXml('<rss version="2.0">')?.kind).toBe('rss');
    expect(sniffXml('<feed xmlns="http://www.w3.org/2005/Atom">')?.kind).toBe('atom');
    expect(sniffXml('<html>')).toEqual({ kind: 'other', root: 'html' });
    expect(sniffXml('{"uri": "x"}')).toBeUndefined();
  });
});
