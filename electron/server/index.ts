export { startServer, type RunningServer } from './start-server';
export { checkExposure, isLoopbackHost, MIN_TOKEN_LENGTH, type ServerOptions } from './server-options';
