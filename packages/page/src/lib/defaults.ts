/** Default `ExtractOptions.maxPageDepth`: deeper pages are not extracted. */
export const defaultMaxPageDepth = 400;

/** Default `PageIngestOptions.maxBytes`: 5,000,000 bytes. */
export const defaultMaxPageBytes = 5_000_000;
