import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LinkPreview } from '../api/types';
import { renderUi } from '../testing/render';
import { LinkCards } from './LinkCards';

const withImage: LinkPreview = {
  url: 'https://news.example.com/plan',
  host: 'news.example.com',
  title: 'Quarterly plan & goals',
  description: 'What we will ship <b>this</b> quarter',
  siteName: 'Intranet news',
  image: { url: '/api/files/00000000-0000-4000-8000-0000000000c1/thumbnail?exp=1&sig=x', width: 120, height: 80 },
};
const bare: LinkPreview = { url: 'https://example.org/a', host: 'example.org', title: null, description: null, siteName: null };

describe('LinkCards', () => {
  it('shows each card as a link with its site, title, description and stored image, text as text', () => {
    const { container } = renderUi(<LinkCards items={[withImage, bare]} />);
    const list = screen.getByRole('list', { name: 'Link previews' });
    const [first, second] = within(list).getAllByRole('link');
    expect(first).toHaveAttribute('href', withImage.url);
    expect(first).toHaveAttribute('rel', 'nofollow noopener noreferrer ugc');
    expect(first).toHaveTextContent('Intranet news · news.example.com');
    expect(first).toHaveTextContent('Quarterly plan & goals');
    // Markup in a page's description is shown as the characters it is, never rendered.
    expect(first).toHaveTextContent('What we will ship <b>this</b> quarter');
    expect(container.querySelector('b')).toBeNull();
    expect(first.querySelector('img')).toHaveAttribute('src', withImage.image!.url);
    // No title: the link itself; no image: none asked from anywhere.
    expect(second).toHaveTextContent('example.org');
    expect(second).toHaveTextContent('https://example.org/a');
    expect(second.querySelector('img')).toBeNull();
  });

  it('shows nothing without cards', () => {
    renderUi(<LinkCards items={[]} />);
    expect(screen.queryByRole('list', { name: 'Link previews' })).not.toBeInTheDocument();
    renderUi(<LinkCards items={undefined} />);
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
