export type BenchArgs = {
  quick: boolean;
  only: string[];
  /** Print only; leave docs/PERFORMANCE.md as it is. */
  write: boolean;
  help: boolean;
};

export const USAGE = `Usage: npm run bench -- [--quick] [--only <name>]… [--no-write]

  --quick        smaller sizes (the whole suite in a few minutes)
  --only <name>  run just this bench (repeatable); the other sections of the report are kept
  --no-write     print the results without rewriting docs/PERFORMANCE.md`;

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { quick: false, only: [], write: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--quick') args.quick = true;
    else if (arg === '--no-write') args.write = false;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--only') {
      const name = argv[++i];
      if (!name) throw new Error('--only needs a bench name');
      args.only.push(...name.split(','));
    } else if (arg.startsWith('--only=')) args.only.push(...arg.slice(7).split(','));
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  return args;
}
