import { useQuery } from '../../lib/useQuery';
import './today.css';

/** The sidebar's count of overdue follow-ups and marketing tasks on Today; hidden when nothing is late. */
export function OverdueBadge() {
  const queue = useQuery('today.queue', { hat: 'both', limit: 1 });
  const overdue = queue.data?.counts.overdue ?? 0;
  if (overdue === 0) return null;
  return (
    <span className="today-badge" title={`${overdue} overdue`}>
      <span aria-hidden="true">⚠ </span>
      {overdue}
      <span className="visually-hidden"> overdue</span>
    </span>
  );
}
