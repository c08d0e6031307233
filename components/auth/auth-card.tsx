import type { ReactNode } from "react";

/** The framed panel of the sign-in, sign-up, invite and onboarding pages. */
export function AuthCard({
  title,
  description,
  children,
  footer,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="w-full">
      <div className="border-line bg-surface rounded-xl border p-6 shadow-sm sm:p-8">
        <h1 className="text-fg text-lg font-semibold tracking-tight">{title}</h1>
        {description ? <p className="text-fg-muted mt-1 text-sm">{description}</p> : null}
        <div className="mt-6">{children}</div>
      </div>
      {footer ? <div className="text-fg-muted mt-4 text-center text-sm">{footer}</div> : null}
    </div>
  );
}
