import { createCore } from '../../core/app';
import { checkExposure, MIN_TOKEN_LENGTH, startServer } from '../../server';
import { CliError, UsageError, type CliIo } from '../cli-io';
import { openCliSession } from '../cli-session';
import { modelsDirOption } from '../models-dir';
import type { Command } from '../command';
import { openOrCreateProject } from '../open-project';
import { parseOptions } from '../parse-options';
import { waitForSignal } from '../wait-for-signal';

const usage = `Usage: mau-studio serve [options]

Serves MAU Studio to a browser: the API, the event stream, images and the renderer build.

Options:
  --port <n>          port to listen on (default 5173; 0 picks a free one)
  --host <addr>       address to bind (default 127.0.0.1); any other needs a token
  --token <secret>    require this token on every request (default: $MAU_STUDIO_TOKEN)
  --project <dir>     open (or create) this project at start
  --allow-origin <o>  also accept API calls from this origin (a dev server); repeatable
  --models-dir <dir>  where shipped packs live, offered in every project
                      (default: $MAU_STUDIO_MODELS_DIR or the app's models/)
  -h, --help          show this help

Prints one line to stdout once listening: "MAU Studio serving at <url>". Logs go to stderr.
Stop with Ctrl+C (SIGINT) or SIGTERM.`;

const options = {
  port: { type: 'string', default: '5173' },
  host: { type: 'string', default: '127.0.0.1' },
  token: { type: 'string' },
  project: { type: 'string' },
  'allow-origin': { type: 'string', multiple: true },
  'models-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new UsageError(`--port must be 0–65535, not "${text}"`, usage);
  return port;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, help } = parseOptions(argv, options, usage, { min: 0, max: 0, names: '' });
  if (help) {
    io.out(`${usage}\n`);
    return 0;
  }
  const port = parsePort(values.port);
  const token = values.token ?? io.env.MAU_STUDIO_TOKEN ?? undefined;
  try {
    checkExposure(values.host, token);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  if (token && token.length < MIN_TOKEN_LENGTH) {
    io.err(
      `warning: the token has ${token.length} characters; use at least ${MIN_TOKEN_LENGTH} random ones\n`,
    );
  }

  // the desktop app offers the shipped packs (MAU-GPT-mini) in every project; so does the browser
  const modelsDir = modelsDirOption(values['models-dir'], io);
  const session = openCliSession(createCore({ transport: 'http', ...(modelsDir ? { modelsDir } : {}) }));
  try {
    if (values.project) {
      const { project, created } = await openOrCreateProject(session, values.project);
      io.err(
        `${created ? 'created' : 'opened'} project "${project.name}" (${project.sampleCount} samples) in ${project.dir}\n`,
      );
    }
    const server = await startServer({
      core: session.core,
      host: values.host,
      port,
      token,
      allowedOrigins: values['allow-origin'] ?? [],
      log: (line) => io.err(`${line}\n`),
    });
    const query = token ? `?token=${encodeURIComponent(token)}` : '';
    io.out(`MAU Studio serving at ${server.url}${query}\n`);
    io.err('press Ctrl+C to stop\n');
    const signal = await waitForSignal();
    io.err(`${signal}: stopping…\n`);
    await server.close();
    return 0;
  } finally {
    await session.close();
  }
}

export const serveCommand: Command = { name: 'serve', summary: 'serve the app to a browser', usage, run };
