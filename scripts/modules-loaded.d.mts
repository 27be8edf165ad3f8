/** Types of scripts/modules-loaded.mjs, for the tests that run it. */
export declare function runListingModules(script: string, cwd: string): { stdout: string; stderr: string };
export declare function loadsPackage(loaded: readonly string[], name: string): boolean;
