import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../api/errors';
import { renderUi } from '../testing/render';
import { ActionError } from './ActionError';

describe('ActionError', () => {
  it('shows nothing while there is no error', () => {
    renderUi(<ActionError error={null} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says why the action failed, as an alert, in the reader’s language', () => {
    const { unmount } = renderUi(<ActionError error={new NetworkError(new TypeError('offline'))} />);
    expect(screen.getByRole('alert')).toHaveClass('inline-error');
    expect(screen.getByRole('alert')).toHaveTextContent('Cannot reach Ruche. Check your connection and try again.');
    unmount();
    renderUi(<ActionError error={new NetworkError(new TypeError('offline'))} />, { lang: 'fr' });
    expect(screen.getByRole('alert')).toHaveTextContent('Impossible de joindre Ruche. Vérifiez votre connexion et réessayez.');
  });

  it('uses the api’s words for a refusal it names', () => {
    renderUi(<ActionError error={new ApiError(409, { statusCode: 409, message: 'That alias is taken.' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('That alias is taken.');
  });
});
