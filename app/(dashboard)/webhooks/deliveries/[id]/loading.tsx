import { DeliveryDetailSkeleton } from "../../_components/inspector-skeletons";

export default function Loading() {
  return <DeliveryDetailSkeleton />;
}
