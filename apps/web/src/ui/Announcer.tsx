import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

/** Polite announcements for screen readers ("Post deleted"), from anywhere in the app. */
const AnnounceContext = createContext<(message: string) => void>(() => undefined);

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback((text: string) => {
    // Clear first so the same sentence twice is announced twice; a newer sentence replaces one not yet said.
    setMessage('');
    clearTimeout(pending.current);
    pending.current = setTimeout(() => setMessage(text), 50);
  }, []);
  // Nothing is said once the provider is gone (a page left, a test ended).
  useEffect(() => () => clearTimeout(pending.current), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}
