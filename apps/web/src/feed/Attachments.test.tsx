import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Attachment } from '../api/types';
import { composerReply } from '../testing/posts';
import { answerApi, renderUi } from '../testing/render';
import { Attachments } from './Attachments';
import { Composer } from './Composer';

// The upload itself (XMLHttpRequest, for progress) is the api's: here it answers like the api would.
vi.mock('../api/files', async (original) =>
  (await import('../testing/uploads')).withFakeUpload(original, async (file) => {
    if (file.name.endsWith('.exe')) {
      const { ApiError } = await import('../api/errors');
      throw new ApiError(415, { message: 'This type of file is not allowed', code: 'file_type_not_allowed' });
    }
    return { id: '00000000-0000-4000-8000-0000000000f1', name: file.name, size: file.size, contentType: 'image/png', sha256: 'a'.repeat(64) };
  }),
);

const image: Attachment = {
  id: '00000000-0000-4000-8000-0000000000a1',
  name: 'chart.png',
  size: 20_480,
  contentType: 'image/png',
  url: '/api/files/00000000-0000-4000-8000-0000000000a1?exp=1&sig=s',
  thumbnailUrl: '/api/files/00000000-0000-4000-8000-0000000000a1/thumbnail?exp=1&sig=t',
  width: 800,
  height: 600,
  alt: 'Sales by month',
};
const sheet: Attachment = {
  id: '00000000-0000-4000-8000-0000000000a2',
  name: 'budget.xlsx',
  size: 3_500_000,
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  url: '/api/files/00000000-0000-4000-8000-0000000000a2?exp=1&sig=u',
};

describe('Attachments', () => {
  it('shows images inline with their alt text and other files as download chips', () => {
    renderUi(<Attachments items={[image, sheet]} />);
    const img = screen.getByRole('img', { name: 'Sales by month' });
    expect(img).toHaveAttribute('src', image.thumbnailUrl);
    expect(img.closest('a')).toHaveAttribute('href', image.url);
    const chips = screen.getByRole('list', { name: 'Attached files' });
    const link = within(chips).getByRole('link', { name: /budget\.xlsx/ });
    expect(link).toHaveAttribute('href', sheet.url);
    expect(link).toHaveAttribute('download', 'budget.xlsx');
    expect(link).toHaveTextContent('3.3 MB');
  });

  it('shows nothing without attachments', () => {
    renderUi(<Attachments items={[]} />);
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Attached files' })).not.toBeInTheDocument();
  });
});

describe('Composer attachments', () => {
  it('uploads a chosen file, then posts it with the text; a refused file is named and left out', async () => {
    const calls = answerApi((call) => {
      return composerReply(call);
    });
    const { user, container } = renderUi(<Composer />, { signedIn: true });
    const picker = container.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(picker, [new File(['png'], 'screenshot.png', { type: 'image/png' }), new File(['MZ'], 'setup.exe')]);
    const attached = await screen.findByRole('list', { name: 'Attached files' });
    expect(await within(attached).findByRole('alert')).toHaveTextContent('This type of file cannot be shared.');
    expect(within(attached).getByText('screenshot.png')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Share something with your colleagues' }), 'Look at this');
    await user.click(screen.getByRole('button', { name: 'Post' }));
    expect(await screen.findByText('Your post is published.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { body: 'Look at this', attachmentIds: ['00000000-0000-4000-8000-0000000000f1'] },
    ]);
    expect(screen.queryByRole('list', { name: 'Attached files' })).not.toBeInTheDocument();
  });
});
