// The launcher runs the command when imported (`import '@syndikit/cli/launcher'`, as the `syndikit` package's bin
// does); it exports nothing.
export {};
