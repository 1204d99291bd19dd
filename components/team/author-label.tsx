import './team.css';
import { formatDate, isoDate } from '../../lib/format';

/** "just now", "5 min ago", "2 h ago", "3 d ago", then the date. */
export function formatAgo(at: number, now: number, locale?: string): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days} d ago`;
  return formatDate(at, locale);
}

export interface AuthorLabelProps {
  author: { name: string } | null | undefined;
  at: number;
  now?: number;
  locale?: string;
}

/** Who wrote it and when, as a team sees it: "Anna, 2 h ago". Nothing for a note written outside a team. */
export function AuthorLabel({ author, at, now = Date.now(), locale }: AuthorLabelProps) {
  if (!author) return null;
  return (
    <span class="author" title={`${author.name}, ${formatDate(at, locale)}`}>
      {author.name},{' '}
      <time dateTime={isoDate(at)}>{formatAgo(at, now, locale)}</time>
    </span>
  );
}
