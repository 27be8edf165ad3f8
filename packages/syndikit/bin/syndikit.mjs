#!/usr/bin/env node
// `npx syndikit` resolves the package named `syndikit` and runs its bin: this file, which runs the command of
// @syndikit/cli (its launcher, which loads the built CLI). All the code lives in @syndikit/cli.
import '@syndikit/cli/launcher';
