import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Details } from './Details';

type Props = { panel: string; children: ReactNode };
type State = { error: Error | null };

/** One per panel: a bug in one panel shows a message there and leaves the rest of the app working. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn(`${this.props.panel} panel failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel-failed" role="alert" data-testid="panel-failed">
        <div className="panel-failed__title">The {this.props.panel} panel stopped working</div>
        <div className="panel-failed__message">{error.message}</div>
        <Details lines={(error.stack ?? '').split('\n').slice(1, 12)} />
        <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
