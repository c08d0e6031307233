import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg" | "icon-sm" | "icon";

const base =
  "inline-flex shrink-0 items-center justify-center gap-1.5 rounded-md font-medium whitespace-nowrap select-none " +
  "transition-colors duration-100 disabled:pointer-events-none disabled:opacity-50 aria-busy:opacity-75 " +
  "aria-disabled:pointer-events-none aria-disabled:opacity-50 [&_svg]:shrink-0";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-accent text-white shadow-xs hover:bg-accent-hover",
  secondary: "border border-line bg-surface text-fg shadow-xs hover:border-line-strong hover:bg-surface-2",
  ghost: "text-fg-muted hover:bg-surface-2 hover:text-fg",
  danger: "bg-red-600 text-white shadow-xs hover:bg-red-700 dark:bg-red-600 dark:hover:bg-red-500",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-7 px-2.5 text-xs [&_svg]:size-3.5",
  md: "h-8 px-3 text-sm [&_svg]:size-4",
  lg: "h-10 px-4 text-sm [&_svg]:size-4",
  "icon-sm": "size-7 [&_svg]:size-3.5",
  icon: "size-8 [&_svg]:size-4",
};

/** The classes of a button, for elements that must look like one (a `<summary>`, a `<label>`). */
export function buttonClasses({
  variant = "secondary",
  size = "md",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cn(base, variants[variant], sizes[size], className);
}

type CommonProps = {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner in place of the leading icon, disables the button and sets aria-busy. */
  loading?: boolean;
  leadingIcon?: ReactNode;
  trailingIcon?: ReactNode;
  className?: string;
  children?: ReactNode;
};

type AsButton = CommonProps & Omit<ComponentProps<"button">, keyof CommonProps> & { href?: undefined };
type AsLink = CommonProps &
  Omit<ComponentProps<typeof Link>, keyof CommonProps | "href"> & {
    /** Renders a Next.js `<Link>` styled as a button. */
    href: string;
    disabled?: boolean;
  };

export type ButtonProps = AsButton | AsLink;

/**
 * The one button. `variant` primary (the page's main action), secondary (default), ghost
 * (toolbars, rows), danger (destructive). Give `href` to render a link that looks like a button.
 * Icon-only buttons (`size="icon"`) need an `aria-label`.
 */
export function Button({
  variant = "secondary",
  size = "md",
  loading = false,
  leadingIcon,
  trailingIcon,
  className,
  children,
  ...rest
}: ButtonProps) {
  const classes = buttonClasses({ variant, size, className });
  const iconOnly = size === "icon" || size === "icon-sm";
  const content = (
    <>
      {loading ? <Spinner size={size === "sm" || size === "icon-sm" ? "sm" : "md"} /> : leadingIcon}
      {iconOnly && loading ? null : children}
      {trailingIcon}
    </>
  );

  if (rest.href !== undefined) {
    const { href, disabled, ...linkProps } = rest;
    const inert = disabled || loading;
    return (
      <Link
        {...linkProps}
        href={href}
        className={classes}
        aria-disabled={inert || undefined}
        aria-busy={loading || undefined}
        tabIndex={inert ? -1 : linkProps.tabIndex}
      >
        {content}
      </Link>
    );
  }

  const { href: _href, disabled, ...buttonProps } = rest;
  return (
    <button {...buttonProps} className={classes} disabled={disabled || loading} aria-busy={loading || undefined}>
      {content}
    </button>
  );
}
