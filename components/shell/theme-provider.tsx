"use client";

import { createContext, use, useCallback, useLayoutEffect, useMemo, useSyncExternalStore, type ReactNode } from "react";
import { THEME_STORAGE_KEY, type ThemeMode } from "@/components/shell/theme-script";

type ThemeContextValue = {
  /** What the user chose. */
  mode: ThemeMode;
  /** What is on screen. */
  resolved: "light" | "dark";
  setMode: (mode: ThemeMode) => void;
};

const ThemeContext = createContext<ThemeContextValue | null>(null);
const DARK_QUERY = "(prefers-color-scheme: dark)";
const CHANGE_EVENT = "tribedesk-theme-change";

function readMode(): ThemeMode {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

// Subscribes to the stored choice (this tab and others) and to the OS setting.
function subscribe(onChange: () => void) {
  const media = window.matchMedia(DARK_QUERY);
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  media.addEventListener("change", onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
    media.removeEventListener("change", onChange);
  };
}

const getSnapshot = () => `${readMode()}:${window.matchMedia(DARK_QUERY).matches ? "dark" : "light"}`;
// The server cannot know; hydration renders "system" and corrects right after (the class on <html>
// is already right thanks to ThemeScript, so nothing flashes).
const getServerSnapshot = () => "system:light";

function apply(resolved: "light" | "dark") {
  const root = document.documentElement;
  if (root.classList.contains("dark") === (resolved === "dark")) return;
  // Switch colours in one frame instead of animating every transition-colors element.
  const style = document.createElement("style");
  style.textContent = "*,*::before,*::after{transition:none!important}";
  document.head.appendChild(style);
  root.classList.toggle("dark", resolved === "dark");
  root.style.colorScheme = resolved;
  void window.getComputedStyle(root).color;
  requestAnimationFrame(() => style.remove());
}

export function ThemeProvider({ children }: { children: ReactNode }) {
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  const [mode, system] = snapshot.split(":") as [ThemeMode, "light" | "dark"];
  const resolved = mode === "system" ? system : mode;

  // Reads the live value, not the rendered one: during hydration the render holds the server's
  // guess. Also re-applies after React's dev-mode remount clears attributes on <html>.
  useLayoutEffect(() => {
    const [liveMode, liveSystem] = getSnapshot().split(":");
    apply(liveMode === "system" ? (liveSystem as "light" | "dark") : (liveMode as "light" | "dark"));
  }, [snapshot]);

  const setMode = useCallback((next: ThemeMode) => {
    try {
      if (next === "system") localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }, []);

  const value = useMemo(() => ({ mode, resolved, setMode }), [mode, resolved, setMode]);
  return <ThemeContext value={value}>{children}</ThemeContext>;
}

export function useTheme(): ThemeContextValue {
  const value = use(ThemeContext);
  if (!value) throw new Error("useTheme() must be used inside <ThemeProvider>");
  return value;
}
