import type { MouseEvent, ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { UserSummary } from '../api/types';
import { personByHandle } from '../people/known';
import styles from './PostBody.module.css';

const TOKENS = /(https?:\/\/[^\s<>"]+)|(^|[^\w@])@([A-Za-z0-9_][A-Za-z0-9_.-]*[A-Za-z0-9_]|[A-Za-z0-9_])/g;

/**
 * Markdown the server rendered and sanitised once (#14: `bodyHtml`, an allow-list of tags, no
 * script, handler or foreign URL scheme can be in it). The only place the app sets HTML, and only
 * from that field. Links inside the app (mentions, hashtags) navigate without a page load.
 */
export function ServerHtml({ html, className }: { html: string; className?: string }) {
  const navigate = useNavigate();
  const follow = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest('a');
    const href = link?.getAttribute('href');
    if (!href || !href.startsWith('/') || href.startsWith('//') || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    void navigate(href);
  };
  return (
    // The click handler only routes the links in the HTML (a keyboard activates a link as a click).
    <div className={`${className ?? 'rich-text'} markdown`} onClick={follow} dangerouslySetInnerHTML={{ __html: html }} />
  );
}

/**
 * Post and comment text. With `html` (the server's sanitised rendering), that; otherwise (an older
 * server) the text itself: React escapes every string, nothing is parsed as HTML, web links
 * (http/https only) and @mentions of known people become links.
 */
export function RichText({
  text,
  html,
  className,
  people,
}: {
  text: string;
  html?: string;
  className?: string;
  people?: UserSummary[];
}) {
  if (html !== undefined) return <ServerHtml html={html} className={className} />;
  const nodes: ReactNode[] = [];
  let last = 0;
  let key = 0;
  for (const match of text.matchAll(TOKENS)) {
    const start = match.index ?? 0;
    if (match[1]) {
      let url = match[1];
      const trailing = url.match(/[.,;:!?)\]]+$/)?.[0] ?? '';
      url = trailing ? url.slice(0, -trailing.length) : url;
      nodes.push(text.slice(last, start));
      nodes.push(
        <a key={key++} href={url} target="_blank" rel="noopener noreferrer nofollow" className="ext-link">
          {url}
        </a>,
      );
      last = start + url.length;
    } else if (match[3]) {
      const lead = match[2] ?? '';
      const at = start + lead.length;
      const handle = match[3];
      const person = people?.find((p) => p.handle.toLowerCase() === handle.toLowerCase()) ?? personByHandle(handle);
      nodes.push(text.slice(last, at));
      nodes.push(
        person ? (
          <Link key={key++} to={`/people/${person.id}`} className={styles.mention}>
            @{handle}
          </Link>
        ) : (
          <span key={key++} className={styles.mention}>
            @{handle}
          </span>
        ),
      );
      last = at + 1 + handle.length;
    }
  }
  nodes.push(text.slice(last));
  return <div className={className ?? 'rich-text'}>{nodes}</div>;
}
