import { processIo } from './cli-io';
import { runCli } from './main';

// No top-level await: this entry is also bundled to CommonJS (tests check the bundled core).
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
  // Let pending output drain, then end even if a library left a handle open (a pool, a timer).
  setTimeout(() => process.exit(code), 200).unref();
});
