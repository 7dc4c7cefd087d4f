/**
 * Catches what goes wrong while drawing the pane (or the demo's sheet), so a bug shows a French
 * message and a way back instead of a blank pane. Errors of the pane's actions are not here: App
 * shows those with the step that failed.
 */
import { Component, ReactNode } from 'react';
import { Lang } from '../../domain/messages';

export const WORDS: Record<Lang, { title: string; body: string; retry: string }> = {
  fr: {
    title: 'Le volet s’est arrêté sur une erreur inattendue',
    body: 'Ce qui était déjà écrit dans le classeur y reste. Cliquez sur «\u00a0Reprendre\u00a0»\u202f; si l’erreur revient, fermez le volet puis rouvrez-le.',
    retry: 'Reprendre',
  },
  en: {
    title: 'The pane stopped on an unexpected error',
    body: 'What was already written to the workbook stays there. Click "Resume"; if the error comes back, close the pane and open it again.',
    retry: 'Resume',
  },
};

export interface ErrorBoundaryProps {
  lang: Lang;
  children: ReactNode;
  /** What failed, for the title (the demo's sheet); the pane by default. */
  title?: string;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const w = WORDS[this.props.lang];
    return (
      <div role="alert" data-testid="pane-crashed" style={{ margin: '1rem' }}>
        <p style={{ fontWeight: 600, margin: '0 0 0.5rem' }}>{this.props.title ?? w.title}</p>
        <p style={{ margin: '0 0 0.5rem' }}>{w.body}</p>
        <button type="button" onClick={() => this.setState({ failed: false })}>
          {w.retry}
        </button>
      </div>
    );
  }
}
