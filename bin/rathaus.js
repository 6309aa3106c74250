#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's loader, so no build step stands between
// `npm install` and `npm start`.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli.ts");
await runCli(process.argv);
