import { cn } from "@/components/ui/cn";

/** The product's image from its orders, else its initials (TribeMade's product API returns no image). */
export function ProductThumb({ name, image, size = "sm" }: { name: string; image: string | null; size?: "sm" | "lg" }) {
  const box = size === "lg" ? "size-16 text-lg" : "size-9 text-xs";
  if (image) {
    // eslint-disable-next-line @next/next/no-img-element -- TribeMade's image host is the merchant's, not ours to optimise
    return <img src={image} alt="" className={cn("border-line shrink-0 rounded-md border object-cover", box)} />;
  }
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join("");
  return (
    <span
      aria-hidden="true"
      className={cn("bg-surface-3 text-fg-muted flex shrink-0 items-center justify-center rounded-md font-semibold", box)}
    >
      {initials}
    </span>
  );
}
