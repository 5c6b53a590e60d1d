import { useEffect, useRef } from 'react';
import { register, type Handlers } from './dispatcher';
import type { Scope } from './keymap';

/** Binds this component's handlers to its scope's keys while it is mounted (and `active`). */
export function useKeys(scope: Scope, handlers: Handlers, active = true): void {
  // The latest handlers are read at key time, so callers need not memoise them.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!active) return;
    const proxy = new Proxy({} as Handlers, {
      get: (_t, action: string) => latest.current[action],
    });
    return register(scope, proxy);
  }, [scope, active]);
}
