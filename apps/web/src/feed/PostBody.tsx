import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { UserSummary } from '../api/types';
import { personByHandle } from '../people/known';
import styles from './PostBody.module.css';

const TOKENS = /(https?:\/\/[^\s<>"]+)|(^|[^\w@])@([A-Za-z0-9_][A-Za-z0-9_.-]*[A-Za-z0-9_]|[A-Za-z0-9_])/g;

/**
 * Post and comment text, rendered as text: React escapes every string, nothing is ever
 * parsed as HTML. Web links (http/https only) and @mentions of known people become links.
 */
export function RichText({ text, className, people }: { text: string; className?: string; people?: UserSummary[] }) {
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
