import { EndpointsSkeleton } from "../../_components/inspector-skeletons";

export default function Loading() {
  return <EndpointsSkeleton />;
}
