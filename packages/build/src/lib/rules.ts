import type { Rule } from '@syndikit/core';

/**
 * The diagnostics `@syndikit/build` reports about the output folder (not
 * about an article). Ids are permanent, as in core's catalogue.
 */
export const buildRules = {
  manifestMissing: {
    id: 'output-manifest-missing',
    title: 'The output folder has files but no manifest of what syndikit wrote',
    hint: 'Files there that this build did not produce were left alone (they may be your own); delete the folder once to start clean.',
  },
  manifestCorrupt: {
    id: 'output-manifest-corrupt',
    title: 'The output folder’s manifest is corrupt',
    hint: 'It was not trusted: only files the cache knows syndikit wrote were removed; delete the folder once to start clean.',
  },
} as const satisfies Record<string, Rule>;
