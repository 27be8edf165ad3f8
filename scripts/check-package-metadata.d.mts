/** Types of scripts/check-package-metadata.mjs, for the test that runs it. */
export interface MetadataContext {
  repositoryUrl: string;
  web: string;
  bugs: string;
  license: string;
  licenseText: string;
  node: string;
  rootSourceMaps: { sourceMap?: boolean; declarationMap?: boolean };
}
export declare const runtimeReads: { pattern: RegExp; fix: string }[];
export declare function rootContext(rootFolder: string): MetadataContext;
export declare function checkPackage(
  folder: string,
  context: MetadataContext,
  workspace?: Map<string, { version: string; private?: boolean }>,
): string[];
export declare function workspacePackages(
  root: string,
): { folder: string; manifest: Record<string, unknown> & { name: string; version: string; private?: boolean } }[];
