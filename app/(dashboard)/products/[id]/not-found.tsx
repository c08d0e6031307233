import { ArrowLeft, PackageSearch } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function ProductNotFound() {
  return (
    <EmptyState
      className="mt-4"
      icon={<PackageSearch />}
      title="No such product in this store"
      description="It may belong to another of your stores (switch store at the top), or the link is incomplete."
      action={
        <Button href="/products" leadingIcon={<ArrowLeft />}>
          All products
        </Button>
      }
    />
  );
}
