import { readFileSync } from 'node:fs';
import { convertWith, fixtureRoot } from '@syndikit/testkit';
import { type WireTextOptions, wireTextIngester } from '@syndikit/wire';

export { blocks, figures } from '@syndikit/testkit';

/** Convert one fixture from fixtures/articles/wire. */
export function convertWireFixture(name: string, options: WireTextOptions = {}) {
  const path = `${fixtureRoot}/wire/${name}`;
  return convertWire(readFileSync(path), name, options, path);
}

/** Convert wire input, returning the article and every message as `name:line:col: severity reason [rule]`. */
export async function convertWire(value: string | Uint8Array, name: string, options: WireTextOptions = {}, path = `/wire/${name}`) {
  return convertWith(wireTextIngester(options), value, name, path);
}

/**
 * An invented German story of three prose paragraphs (a harbour board rebuilding a fish market), as copied text: each
 * paragraph followed by an empty line. Tests put their own header, chrome and trailer lines around it.
 */
export const harbourStory: readonly string[] = [
  'Die Hafenverwaltung hat am Dienstag beschlossen, den alten Fischmarkt am Ostkai neu zu bauen, ein Vorhaben, über das seit mehr als zehn Jahren gesprochen wird und das schon zweimal aus Geldmangel verschoben worden war.',
  '',
  'Die Arbeiten sollen im Frühjahr beginnen, und die Stände bleiben während des Baus in einer Halle am Kai geöffnet, damit die Fischer während der ganzen Bauzeit keinen einzigen Handelstag verlieren.',
  '',
  'Die Händler begrüßten den Beschluss, baten aber darum, die Mieten in den ersten zwei Jahren nicht zu erhöhen, weil viele von ihnen während der langen Sperrung der Straße Kunden verloren haben.',
  '',
];

/** The same story with longer paragraphs, for pages whose chrome would outweigh the short ones. */
export const harbourStoryLong: readonly string[] = [
  'Die Hafenverwaltung hat am Dienstag beschlossen, den alten Fischmarkt am Ostkai neu zu bauen, ein Vorhaben, über das seit mehr als zehn Jahren gesprochen wird und das schon zweimal aus Geldmangel verschoben worden war, wie der Vorsitzende sagte.',
  '',
  'Die Arbeiten sollen im Frühjahr beginnen, und die Stände bleiben während des Baus in einer Halle am Kai geöffnet, damit die Fischer während der ganzen Bauzeit keinen einzigen Handelstag verlieren und die Kunden den Weg zu ihnen finden.',
  '',
  'Die Händler begrüßten den Beschluss, baten aber darum, die Mieten in den ersten zwei Jahren nicht zu erhöhen, weil viele von ihnen während der langen Sperrung der Straße zum Hafen Kunden verloren haben und erst wieder Fuß fassen müssen.',
  '',
];
