import { Package } from "lucide-react";
import { cn } from "@/components/ui/cn";

// A product as the feed and the order page show it: TribeMade's image and name once the order is
// verified (the webhook carries only the product id), a neutral tile and the id's start before.

export function ProductThumb({ src, name, size = "sm" }: { src: string | null; name: string | null; size?: "sm" | "lg" }) {
  const box = size === "sm" ? "size-7 rounded" : "size-14 rounded-md";
  if (!src) {
    return (
      <span className={cn("border-line bg-surface-2 text-fg-subtle flex shrink-0 items-center justify-center border", box)}>
        <Package className={size === "sm" ? "size-3.5" : "size-6"} aria-hidden="true" />
      </span>
    );
  }
  return (
    // TribeMade's image CDN (or the simulator) is not known at build time, so next/image's
    // allow-list cannot name it; these are small thumbnails, lazily loaded.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src}
      alt={name ? `${name}` : "Product"}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      className={cn("border-line bg-surface-2 shrink-0 border object-cover", box)}
    />
  );
}

export function ProductCell({
  name,
  image,
  productId,
  className,
}: {
  name: string | null;
  image: string | null;
  productId: string | null;
  className?: string;
}) {
  return (
    <span className={cn("flex min-w-0 items-center gap-2", className)}>
      <ProductThumb src={image} name={name} />
      {name ? (
        <span className="truncate">{name}</span>
      ) : (
        <span className="text-fg-subtle truncate" title="The name appears once TribeMade's API confirms the order">
          {productId ? `Product ${productId.slice(0, 8)}` : "Product"}
        </span>
      )}
    </span>
  );
}
