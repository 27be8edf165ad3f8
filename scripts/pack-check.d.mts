/** Types of scripts/pack-check.mjs, for the test that runs its checks. */
export declare function checkTarball(
  root: string,
  manifest: {
    name: string;
    version: string;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  },
): string[];
