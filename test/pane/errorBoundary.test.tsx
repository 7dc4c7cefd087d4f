/** @jest-environment jsdom */
/** A bug while drawing the pane shows a French message and a way back, not a blank pane. */
import '@testing-library/jest-dom';
import { fireEvent, render, screen } from '@testing-library/react';
import { ErrorBoundary } from '../../src/taskpane/components/ErrorBoundary';

let fail = true;
function Fragile() {
  if (fail) throw new Error('Cannot read properties of undefined');
  return <p>Volet rétabli</p>;
}

it('shows what happened and what to do in French, without the English error, and resumes', () => {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    render(
      <ErrorBoundary lang="fr">
        <Fragile />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Le volet s’est arrêté sur une erreur inattendue');
    expect(alert).toHaveTextContent('fermez le volet puis rouvrez-le');
    expect(alert).not.toHaveTextContent(/Cannot read|undefined/);
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Reprendre' }));
    expect(screen.getByText('Volet rétabli')).toBeInTheDocument();
  } finally {
    spy.mockRestore();
  }
});
