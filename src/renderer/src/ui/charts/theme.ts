import { useSyncExternalStore } from 'react';
import { DARK_THEME, LIGHT_THEME, type ChartTheme } from './palette';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** The chart theme following the OS, like the rest of the app (styles.css). */
export function useChartTheme(): ChartTheme {
  const dark = useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
  return dark ? DARK_THEME : LIGHT_THEME;
}
