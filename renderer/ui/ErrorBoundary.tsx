import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What this part of the window is, for the message: "the timeline", "this page". */
  what: string;
  children: ReactNode;
  /** Offered beside "Try again", e.g. exporting the incident's raw data. */
  rescue?: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * One bad record must never blank the app: a pane or a page that throws while
 * rendering is replaced by this message, and everything around it keeps
 * working. Data is untouched (rendering only reads it); "Try again" renders
 * the part afresh, for instance once a peer has sent the record again.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Warroom: ${this.props.what} failed to render`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="render-error" role="alert" data-testid="render-error">
        <p>
          <strong>Something in {this.props.what} cannot be shown.</strong> The rest of Warroom keeps working, and nothing was changed or lost: the
          record is as it was. ({error.message})
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
        {this.props.rescue}
      </div>
    );
  }
}
