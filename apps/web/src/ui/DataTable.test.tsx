import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderUi } from '../testing/render';
import { DataTable } from './DataTable';

describe('DataTable', () => {
  it('is a table named by its caption, with a column heading each and its rows', () => {
    renderUi(
      <DataTable caption="Invitations" columns={['Email', 'Status', { label: 'Revoke', hidden: true }]}>
        <tr>
          <td>ada@example.com</td>
          <td>Pending</td>
          <td>
            <button type="button">Revoke</button>
          </td>
        </tr>
      </DataTable>,
    );
    const table = screen.getByRole('table', { name: 'Invitations' });
    const headings = within(table).getAllByRole('columnheader');
    expect(headings.map((h) => h.textContent)).toEqual(['Email', 'Status', 'Revoke']);
    expect(within(headings[2]).getByText('Revoke')).toHaveClass('visually-hidden');
    expect(within(table).getByRole('cell', { name: 'ada@example.com' })).toBeInTheDocument();
  });

  it('needs no caption where the page’s heading names it', () => {
    const { container } = renderUi(
      <DataTable columns={['Department', 'Read']} className="receipts">
        <tr>
          <td>Sales</td>
          <td>3</td>
        </tr>
      </DataTable>,
    );
    expect(container.querySelector('caption')).toBeNull();
    expect(screen.getByRole('table')).toHaveClass('receipts');
  });
});
