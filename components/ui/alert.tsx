import type { ReactNode } from "react";
import { CircleCheckIcon, CircleXIcon, InfoIcon, TriangleAlertIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";

export type AlertTone = "info" | "success" | "warning" | "error";

const tones: Record<AlertTone, { box: string; icon: string; Icon: typeof InfoIcon }> = {
  info: {
    box: "border-sky-200 bg-sky-50 text-sky-950 dark:border-sky-400/25 dark:bg-sky-400/10 dark:text-sky-100",
    icon: "text-sky-600 dark:text-sky-300",
    Icon: InfoIcon,
  },
  success: {
    box: "border-emerald-200 bg-emerald-50 text-emerald-950 dark:border-emerald-400/25 dark:bg-emerald-400/10 dark:text-emerald-100",
    icon: "text-emerald-600 dark:text-emerald-300",
    Icon: CircleCheckIcon,
  },
  warning: {
    box: "border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-400/25 dark:bg-amber-400/10 dark:text-amber-100",
    icon: "text-amber-600 dark:text-amber-300",
    Icon: TriangleAlertIcon,
  },
  error: {
    box: "border-red-200 bg-red-50 text-red-950 dark:border-red-400/25 dark:bg-red-400/10 dark:text-red-100",
    icon: "text-red-600 dark:text-red-300",
    Icon: CircleXIcon,
  },
};

export type AlertProps = {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** A button or link at the right edge (e.g. "Retry"), below the text on a phone. */
  action?: ReactNode;
  className?: string;
};

/** A message box. warning/error are announced (role="alert"); info/success are polite (role="status"). */
export function Alert({ tone = "info", title, children, action, className }: AlertProps) {
  const { box, icon, Icon } = tones[tone];
  return (
    <div
      role={tone === "error" || tone === "warning" ? "alert" : "status"}
      className={cn("flex flex-wrap items-start gap-x-3 gap-y-2 rounded-lg border px-3.5 py-3 text-sm", box, className)}
    >
      <Icon className={cn("mt-0.5 size-4 shrink-0", icon)} />
      <div className="min-w-0 flex-1 space-y-0.5">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className="opacity-90">{children}</div> : null}
      </div>
      {/* Below the text on a phone (in line with the icon's indent), at the right edge from sm up. */}
      {action ? <div className="w-full shrink-0 pl-7 sm:w-auto sm:self-center sm:pl-0">{action}</div> : null}
    </div>
  );
}
