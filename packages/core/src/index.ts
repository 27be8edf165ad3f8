/** The version of `@syndikit/core` (embedded at build time), for cache keys that must change with it. */
export { packageVersion as version } from './generated/package.js';
export type {
  Adapter,
  AdapterFactory,
  AdapterHooks,
  ArticleAdapter,
  ArticleRenderContext,
  ArticleSummary,
  CollectionAdapter,
  CollectionItemCache,
  CollectionRenderContext,
  CollectionSelectContext,
  OutputFile,
  PrepareContext,
  ReportOptions,
  ReportPlace,
} from './lib/adapter.js';
export { reportedRule, reportedRuleId, unsafeOutputPath } from './lib/adapter.js';
export type {
  Article,
  ArticleImage,
  Author,
  Contributor,
  Dateline,
  Figure,
  FigureData,
  ImageCrop,
  ImageRendition,
  PublicationStatus,
  Subject,
} from './lib/article.js';
export { hasFile, isFigure, largestRendition, publishable, unpublishedReason } from './lib/article.js';
export type { IngesterChoice } from './lib/choose-ingester.js';
export { chooseIngester, fileExtension } from './lib/choose-ingester.js';
export type { CollectionSources, CollectionStepOptions, CollectionStepResult } from './lib/collections.js';
export { loadConcurrency, renderCollections } from './lib/collections.js';
export type { ConvertOptions, ConvertResult, ImageFactsReader, InputLike, ProgressEvent } from './lib/convert.js';
export { convert, defaultConcurrency } from './lib/convert.js';
export type { CaptionCredit } from './lib/credit.js';
export { joinCredit, splitCredit } from './lib/credit.js';
export { formatDateline, parseDateline } from './lib/dateline.js';
export { dateToEpoch, formatOffset, isValidTimeZone, minYear, normalizeDate, parseIsoDate, utcEpoch } from './lib/dates.js';
export type { DecodeLimits, EncodingDeclaration, EncodingSniffer } from './lib/decode.js';
export { checkFileSize, decodeInput, decodeText, pointAtByte } from './lib/decode.js';
export type { Place } from './lib/diagnostics.js';
export { escapeControlCharacters, formatMessage, hasErrors, messageSource, report, severityOf } from './lib/diagnostics.js';
export { adapterCacheKey, fingerprint } from './lib/fingerprint.js';
export { checkTreeDepth } from './lib/guard.js';
export { imageMediaType, resolveImageRef } from './lib/image-ref.js';
export type { ArticleFields, IngestContext, Ingester, IngestOutcome, IngestPlace, IngestResult } from './lib/ingester.js';
export { encodingSnifferFor, ingestResults, inputByteLimit } from './lib/ingester.js';
export type { CollectionItemStore, StoredItem, StoredReport, StoredReportOptions } from './lib/items.js';
export { itemCache, renderItem } from './lib/items.js';
export type { Limits } from './lib/limits.js';
export { defaultLimits } from './lib/limits.js';
export { splitList } from './lib/list.js';
export { lockFileName, OutputLockedError } from './lib/lock.js';
export { articleUrl, contentPath, idNamespace, uniqueSlug, wantedSlug } from './lib/normalize.js';
export { isOrganization } from './lib/organization.js';
export type { Registry } from './lib/registry.js';
export { createRegistry } from './lib/registry.js';
export type { CoreRuleId, Rule } from './lib/rules.js';
export { rule, rules } from './lib/rules.js';
export type { Site, SiteOptions } from './lib/site.js';
export { defaultSite, resolveSite } from './lib/site.js';
export { maxSlugLength, slugify, unsafeSlugReason } from './lib/slug.js';
export type { IngestedArticle, PipelineOptions, ResolvedPipeline } from './lib/steps.js';
export {
  claimPaths,
  hiddenFrom,
  ingestArticle,
  ingestArticles,
  prepareArticle,
  renderArticle,
  renderCollection,
  resolvePipeline,
  selectForCollection,
} from './lib/steps.js';
export type { UrlCheck, UrlPolicyOptions } from './lib/url-policy.js';
export { checkUrl, permalinkProblem, urlOrPathProblem } from './lib/url-policy.js';
export { nodesOfType, someNode } from './lib/walk.js';
