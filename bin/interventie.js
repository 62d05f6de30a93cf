#!/usr/bin/env node
// Tiny shim: everything lives in dist/cli.js (built from src/cli.ts).
import { runFromProcess } from "../dist/cli.js";
runFromProcess();
