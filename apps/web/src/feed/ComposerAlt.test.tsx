import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { composerReply } from '../testing/posts';
import { answerApi, renderUi } from '../testing/render';
import { Composer } from './Composer';

const IMAGE_ID = '00000000-0000-4000-8000-0000000000f2';
const DOC_ID = '00000000-0000-4000-8000-0000000000f3';

// The upload itself (XMLHttpRequest, for progress) is the api's: here it answers like the api would,
// with dimensions for a raster image only.
vi.mock('../api/files', async (original) => ({
  ...(await original<typeof import('../api/files')>()),
  uploadFile: vi.fn(async (file: File) => ({
    id: file.name.endsWith('.png') ? IMAGE_ID : DOC_ID,
    name: file.name,
    size: file.size,
    contentType: file.name.endsWith('.png') ? 'image/png' : 'application/pdf',
    sha256: 'a'.repeat(64),
    ...(file.name.endsWith('.png') ? { width: 640, height: 480 } : {}),
  })),
}));

describe('Composer: alt text', () => {
  it('an uploaded image gets a field for its alt text, saved on the file when left; other files get none', async () => {
    const calls = answerApi((call) => {
      if (call.method === 'PATCH' && call.path === `/api/files/${IMAGE_ID}`) return { status: 200, body: {} };
      return composerReply(call);
    });
    const { user, container } = renderUi(<Composer />, { signedIn: true });
    const picker = container.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(picker, [new File(['png'], 'chart.png', { type: 'image/png' }), new File(['%PDF'], 'report.pdf')]);
    const attached = await screen.findByRole('list', { name: 'Attached files' });
    const alt = await within(attached).findByRole('textbox', { name: 'Describe chart.png for people who cannot see it' });
    expect(within(attached).queryByRole('textbox', { name: /report\.pdf/ })).toBeNull();

    await user.type(alt, 'Sales by month, rising');
    await user.tab();
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([
      { method: 'PATCH', path: `/api/files/${IMAGE_ID}`, body: { alt: 'Sales by month, rising' }, authorization: 'Bearer test-access-token' },
    ]);
    await user.type(screen.getByRole('textbox', { name: 'Share something with your colleagues' }), 'Figures');
    await user.click(screen.getByRole('button', { name: 'Post' }));
    expect(await screen.findByText('Your post is published.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ body: 'Figures', attachmentIds: [IMAGE_ID, DOC_ID] });
  });
});
