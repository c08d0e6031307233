/** The Tribedesk mark: a "T" set in a rounded tile. Same drawing as app/icon.svg. */
export function LogoMark({ className, title }: { className?: string; title?: string }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 32 32"
      className={className ?? "size-6"}
      aria-hidden={title ? undefined : true}
      role={title ? "img" : undefined}
      focusable="false"
    >
      {title ? <title>{title}</title> : null}
      <rect width="32" height="32" rx="8" fill="#4f46e5" />
      <path d="M9.5 10.5h13" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      <path d="M16 10.5v11" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      <circle cx="22.5" cy="21.5" r="2" fill="#a5b4fc" />
    </svg>
  );
}
