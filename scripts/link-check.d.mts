/** Types of scripts/link-check.mjs, for the test that runs it. */
export declare function urlsIn(text: string): string[];
export declare function brokenLinks(
  outputs: ReadonlyMap<string, string | Uint8Array>,
  siteUrl: string,
  given: Iterable<string>,
): { file: string; url: string }[];
