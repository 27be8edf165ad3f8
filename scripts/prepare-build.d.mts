/** Types of scripts/prepare-build.mjs, for the test that runs it. */
export declare function exportName(fileName: string): string;
export declare function generatedFiles(folder: string): Map<string, string>;
export declare function embed(folder: string, options?: { check?: boolean }): string[];
