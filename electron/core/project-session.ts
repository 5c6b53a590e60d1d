import { AppError } from '../contract';
import type { ProjectStore } from './store';

/** The one project a window works on; every project-scoped handler asks it for the store. */
export class ProjectSession {
  private current: ProjectStore | null = null;

  get store(): ProjectStore | null {
    return this.current;
  }

  require(): ProjectStore {
    if (!this.current) throw new AppError('NO_PROJECT', 'no project is open: create or open one first');
    return this.current;
  }

  replace(next: ProjectStore | null): void {
    this.current?.close();
    this.current = next;
  }
}
