import { type Rule, rule } from '@syndikit/core';

/**
 * The diagnostics `@syndikit/xml` reports while reading untrusted XML. Ids
 * are permanent; every id this package can report is here.
 */
export const xmlRules = {
  syntax: rule(
    'xml-syntax',
    'The file is not well-formed XML',
    'Fix the XML at the position given; the agency feed may be damaged.',
    'error',
  ),
  truncated: rule(
    'xml-truncated',
    'The XML ends before its elements are closed',
    'The file was cut off in transfer: fetch it again from the agency.',
    'error',
  ),
  entityDeclaration: rule(
    'xml-entity-declaration',
    'The DTD declares entities, which are refused',
    'Entities are never expanded (external ones could read local files, nested ones could fill memory); ask the sender for plain XML.',
    'error',
  ),
  undefinedEntity: rule(
    'xml-undefined-entity',
    'The XML uses an entity that is not one of the five XML defines',
    'Write the character itself or a numeric reference (`&#233;`); DTD entities are not expanded.',
    'error',
  ),
  externalDtd: rule(
    'xml-external-dtd',
    'The DOCTYPE names an external DTD, which is not loaded',
    'Nothing to do: the DTD is never fetched, and the document is read without it.',
    'info',
  ),
  tooDeep: rule(
    'xml-too-deep',
    'Elements nest deeper than the limit',
    'Real news documents nest a few dozen levels; check the file or raise `maxDepth`.',
    'error',
  ),
  tooLarge: rule('xml-too-large', 'The XML is larger than the limit', 'Split the file or raise `maxLength`.', 'error'),
  encodingDeclaration: rule(
    'xml-encoding-declaration',
    'The XML declaration names an encoding other than the one the file was read in',
    'The file is read in the encoding its byte order mark names, else UTF-8; correct the `encoding` in the XML declaration.',
    'warning',
  ),
  empty: rule('xml-empty', 'The file has no root element', 'Give the file an XML document, or remove it.', 'error'),
} as const satisfies Record<string, Rule>;

/** Every rule id `@syndikit/xml` can report. */
export type XmlRuleId = (typeof xmlRules)[keyof typeof xmlRules]['id'];
