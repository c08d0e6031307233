import { MetricsSkeleton } from "../../_components/inspector-skeletons";

export default function Loading() {
  return <MetricsSkeleton />;
}
