import type { Rule } from '@syndikit/core';

/**
 * The diagnostics `@syndikit/build` reports: about the output folder, and
 * about the machinery of a build (a worker thread) rather than an article's
 * content. Every id the build package reports is here; ids are permanent,
 * as in core's catalogue (`worker-crashed` moved here from core unchanged).
 */
export const buildRules = {
  manifestMissing: {
    id: 'output-manifest-missing',
    title: 'The output folder has files but no manifest of what syndikit wrote',
    hint: 'Files there that this build did not produce were left alone (they may be your own); delete the folder once to start clean.',
    severity: 'warning',
  },
  manifestCorrupt: {
    id: 'output-manifest-corrupt',
    title: 'The output folder’s manifest is corrupt',
    hint: 'It was not trusted: only files the cache knows syndikit wrote were removed; delete the folder once to start clean.',
    severity: 'warning',
  },
  workerCrashed: {
    id: 'worker-crashed',
    title: 'The worker thread converting this article crashed',
    hint: 'The article is left out; report it with the article if it is not pathological input.',
    severity: 'error',
  },
} as const satisfies Record<string, Rule>;
