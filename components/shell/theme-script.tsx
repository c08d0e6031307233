// Runs in <head> before first paint, so a dark-mode user never sees a white flash. Kept tiny and
// dependency-free; ThemeProvider applies the same rule after hydration.

export const THEME_STORAGE_KEY = "tribedesk-theme";
export type ThemeMode = "light" | "dark" | "system";

const script = `(function(){try{var m=localStorage.getItem("${THEME_STORAGE_KEY}");var d=m==="dark"||(m!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);var e=document.documentElement;e.classList.toggle("dark",d);e.style.colorScheme=d?"dark":"light"}catch(_){}})()`;

/**
 * Put inside <head> of the root layout. The Content-Security-Policy only runs inline scripts that
 * carry the request's nonce (proxy.ts sets it, the layout passes it here). Browsers hide a nonce
 * attribute's value once parsed, so React would see a mismatch when hydrating: not a real one.
 */
export function ThemeScript({ nonce }: { nonce?: string }) {
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: script }} />;
}
