import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answerApi, renderUi } from '../testing/render';
import { ReportButton, ReportForm, useReportFlow } from './ReportForm';

const what = 'the answer by Bruno';

/** An item's report flow as the answer, comment and question pages wire it. */
function Reportable() {
  const report = useReportFlow();
  return (
    <>
      {report.state === 'closed' && <ReportButton what={what} buttonRef={report.button} onClick={report.open} />}
      {report.state === 'done' && <span>Reported</span>}
      {report.state === 'open' && <ReportForm targetType="answer" targetId="a1" what={what} onDone={report.done} />}
    </>
  );
}

describe('ReportButton and useReportFlow', () => {
  it('names what it reports, opens the form, and sends the reason once', async () => {
    const calls = answerApi((call) => (call.method === 'POST' ? { status: 201, body: {} } : undefined));
    const { user } = renderUi(<Reportable />, { signedIn: true });
    await user.click(screen.getByRole('button', { name: 'Report the answer by Bruno' }));
    await user.type(screen.getByRole('textbox', { name: /Why should moderators look at it/ }), 'Off topic');
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    await waitFor(() => expect(screen.getByText('Reported')).toBeInTheDocument(), { timeout: 2000 });
    expect(screen.queryByRole('button', { name: /^Report / })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { targetType: 'answer', targetId: 'a1', reason: 'Off topic' },
    ]);
  });

  it('gives the focus back to the button when the form is cancelled', async () => {
    answerApi(() => undefined);
    const { user } = renderUi(<Reportable />, { signedIn: true });
    await user.click(screen.getByRole('button', { name: 'Report the answer by Bruno' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const button = screen.getByRole('button', { name: 'Report the answer by Bruno' });
    await waitFor(() => expect(button).toHaveFocus(), { timeout: 2000 });
  });
});
