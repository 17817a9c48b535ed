import { EmptyState } from '../../ui/EmptyState';

/** Screens whose features are still to come say what they will hold. */
export function placeholder(title: string, description: string) {
  return function Placeholder() {
    return (
      <div className="page">
        <header className="page-header">
          <h1>{title}</h1>
        </header>
        <EmptyState title={`${title} is on its way`}>
          <p>{description}</p>
        </EmptyState>
      </div>
    );
  };
}
