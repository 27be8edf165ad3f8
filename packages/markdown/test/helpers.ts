import { type ConvertOptions, type ConvertResult, convert, formatMessage } from '@syndikit/core';
import { markdownIngester } from '@syndikit/markdown';
import { VFile } from 'vfile';

/** Convert one in-memory Markdown article at `/site/news/<name>` with the content root `/site`. */
export async function convertOne(
  value: string | Uint8Array,
  options: ConvertOptions = {},
  name = 'story.md',
): Promise<ConvertResult & { messages: string[] }> {
  const file = new VFile({ path: `/site/news/${name}`, value });
  const result = await convert(file, { root: '/site', ingesters: [markdownIngester()], ...options });
  return { ...result, messages: file.messages.map((message) => formatMessage(message, `news/${name}`)) };
}
