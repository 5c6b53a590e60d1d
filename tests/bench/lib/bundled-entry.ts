// The inference-providers bench without tsx or the bench runner: bundled by build/bundle-bench.mjs
// for a machine that has only Node and the native modules (a GPU machine borrowed for a check).
// Prints the bench's measures and notes as JSON on stdout, progress on stderr.
import providers from '../inference-providers';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const result = await providers.run({
    quick,
    log: (m) => process.stderr.write(`[${providers.name}] ${m}\n`),
  });
  process.stdout.write(`${JSON.stringify({ bench: providers.name, quick, ...result }, null, 1)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
