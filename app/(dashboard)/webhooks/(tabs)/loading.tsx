import { DeliveriesSkeleton } from "../_components/inspector-skeletons";

export default function Loading() {
  return <DeliveriesSkeleton />;
}
